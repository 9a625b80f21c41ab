package io.i94lake.engine;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.i94lake.Fixtures;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.LakeCatalog;
import io.i94lake.lake.IcebergTables;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * DuckDB writes Iceberg tables that Spark, Iceberg's own reader and {@link DuckDbReader} read alike, on a run's audit
 * branch, in each of the four ways runs write: replace the table, replace partitions, replace months, append.
 */
class DuckDbTableWriterTest {
  private static final String BRANCH = "audit_duckdb_test";
  /** A column of every type the lake uses, nested ones too; ids are given afresh when the table is made. */
  private static final Schema EVERY_TYPE = new Schema(
      required(1, "id", Types.LongType.get()),
      optional(2, "year", Types.IntegerType.get()),
      optional(3, "month", Types.IntegerType.get()),
      optional(4, "flag", Types.BooleanType.get()),
      optional(5, "quantity", Types.IntegerType.get()),
      optional(6, "ratio", Types.FloatType.get()),
      optional(7, "share", Types.DoubleType.get()),
      optional(8, "price", Types.DecimalType.of(9, 2)),
      optional(9, "total", Types.DecimalType.of(38, 10)),
      optional(10, "arrival_date", Types.DateType.get()),
      optional(11, "seen_at", Types.TimestampType.withoutZone()),
      optional(12, "seen_at_utc", Types.TimestampType.withZone()),
      optional(13, "name", Types.StringType.get()),
      optional(14, "payload", Types.BinaryType.get()),
      optional(15, "named_by", Types.ListType.ofOptional(16, Types.StringType.get())),
      optional(17, "place", Types.StructType.of(optional(18, "city", Types.StringType.get()), optional(19, "zip", Types.IntegerType.get()))),
      optional(20, "scores", Types.MapType.ofOptional(21, 22, Types.StringType.get(), Types.IntegerType.get())));
  private static final String EVERY_TYPE_ROWS = """
      SELECT * FROM (VALUES
        (1, 2016, 4, true, -2147483648, 1.5, 0.1, -1234567.89, '12345678901234567890.0123456789', DATE '2016-04-30',
         TIMESTAMP '2016-04-30 23:59:59.123456', TIMESTAMPTZ '2016-04-30 23:59:59.123456+00', 'Zürich ''quoted''', '\\x00\\xFF'::BLOB,
         ['Census', NULL, 'OurAirports'], {'city': 'Boston', 'zip': 2101}, MAP {'a': 1, 'b': NULL}),
        (2, 2016, 4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (9007199254740993, 2016, 5, false, 0, -0.25, 1e300, 0.00, '0', DATE '1959-12-31',
         TIMESTAMP '1969-12-31 23:59:59.999999', TIMESTAMPTZ '1969-12-31 23:59:59.999999+00', '', ''::BLOB,
         [], {'city': NULL, 'zip': NULL}, MAP {}),
        (4, NULL, NULL, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
      AS rows(id, year, month, flag, quantity, ratio, share, price, total, arrival_date, seen_at, seen_at_utc, name, payload,
              named_by, place, scores)""";
  /** The rows above as Java values, in the schema's column order (binary as hex, structs and maps as maps). */
  private static final List<List<Object>> EVERY_TYPE_EXPECTED = List.of(
      Arrays.asList(1L, 2016, 4, true, Integer.MIN_VALUE, 1.5f, 0.1d, new BigDecimal("-1234567.89"),
          new BigDecimal("12345678901234567890.0123456789"), LocalDate.of(2016, 4, 30), LocalDateTime.of(2016, 4, 30, 23, 59, 59, 123_456_000),
          Instant.parse("2016-04-30T23:59:59.123456Z"), "Zürich 'quoted'", "00ff", Arrays.asList("Census", null, "OurAirports"),
          map("city", "Boston", "zip", 2101), map("a", 1, "b", null)),
      Arrays.asList(2L, 2016, 4, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
      Arrays.asList(4L, null, null, true, null, null, null, null, null, null, null, null, null, null, null, null, null),
      Arrays.asList(9007199254740993L, 2016, 5, false, 0, -0.25f, 1e300, new BigDecimal("0.00"), new BigDecimal("0E-10"),
          LocalDate.of(1959, 12, 31), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), Instant.parse("1969-12-31T23:59:59.999999Z"),
          "", "", List.of(), map("city", null, "zip", null), map()));

  private Path folder;
  private Catalog catalog;
  private Connection duckdb;
  private DuckDbTableWriter writer;

  @BeforeEach
  void openLake() throws SQLException {
    folder = Fixtures.newFolder("duckdb-writer");
    catalog = LakeCatalog.of(folder.toString(), null).open(new Configuration());
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
    }
    writer = new DuckDbTableWriter(duckdb);
  }

  @AfterEach
  void closeDuckDb() throws SQLException {
    duckdb.close();
  }

  @Test
  void everyTypeWrittenOnAnAuditBranchReadsBackAlikeInSparkIcebergAndDuckDb() throws SQLException {
    Table table = IcebergTables.ensure(catalog, "every_type", EVERY_TYPE, List.of("year", "month"));
    execute("CREATE VIEW every_type_rows AS " + EVERY_TYPE_ROWS);

    TableWrite write = writer.write("every_type_rows", table, BRANCH, WriteMode.replacePartitions());

    assertThat(write.rowsWritten()).isEqualTo(4);
    table.refresh();
    assertThat(table.currentSnapshot()).as("main of a table made empty").isNull();
    assertThat(table.refs().get(BRANCH).snapshotId()).isEqualTo(write.snapshotId());
    assertThat(table.properties()).containsEntry("write.wap.enabled", "true").containsEntry("write.parquet.compression-codec", "zstd");

    SparkLake lake = SparkLake.open(Fixtures.spark(), folder.toString());
    List<Row> spark = lake.spark().read().option("branch", BRANCH).table(lake.table("every_type")).orderBy("id").collectAsList();
    assertThat(spark.stream().map(DuckDbTableWriterTest::sparkValues).toList()).as("read by Spark").isEqualTo(EVERY_TYPE_EXPECTED);
    assertThat(icebergRows(table, write.snapshotId())).as("read by Iceberg's generic reader").isEqualTo(EVERY_TYPE_EXPECTED);
    try (DuckDbReader reader = DuckDbReader.open(Map.of(table, write.snapshotId()), new DuckDbSettings(1, null));
         ResultSet rows = reader.query("SELECT * FROM every_type ORDER BY id")) {
      assertThat(duckDbRows(rows)).as("read by DuckDbReader").isEqualTo(EVERY_TYPE_EXPECTED);
    }
  }

  @Test
  void eachFileIsOnePartitionInTheTablesDataFolderWithColumnBoundsInTheManifest() {
    Table table = IcebergTables.ensure(catalog, "every_type", EVERY_TYPE, List.of("year", "month"));

    TableWrite write = writer.write(EVERY_TYPE_ROWS, table, BRANCH, WriteMode.append());

    Map<String, DataFile> files = new TreeMap<>();
    for (DataFile file : dataFiles(table, write.snapshotId())) {
      files.put(file.partition().get(0, Integer.class) + "-" + file.partition().get(1, Integer.class), file);
      assertThat(file.location()).startsWith(table.location() + "/data/");
    }
    assertThat(files).containsOnlyKeys("2016-4", "2016-5", "null-null");
    DataFile april = files.get("2016-4");
    assertThat(april.location()).contains("/data/year=2016/month=4/");
    assertThat(april.recordCount()).isEqualTo(2);
    Schema schema = table.schema();
    assertThat(bound(april.lowerBounds(), schema, "id")).isEqualTo(1L);
    assertThat(bound(april.upperBounds(), schema, "id")).isEqualTo(2L);
    assertThat(bound(april.lowerBounds(), schema, "arrival_date")).as("days since 1970").isEqualTo((int) LocalDate.of(2016, 4, 30).toEpochDay());
    assertThat(bound(april.lowerBounds(), schema, "price")).isEqualTo(new BigDecimal("-1234567.89"));
    assertThat(bound(april.lowerBounds(), schema, "seen_at_utc")).as("micros").isEqualTo(1462060799123456L);
    assertThat(bound(april.upperBounds(), schema, "name").toString()).isEqualTo("Zürich 'quoted'");
    assertThat(april.nullValueCounts()).containsEntry(schema.findField("flag").fieldId(), 1L);
    assertThat(april.columnSizes()).containsKey(schema.findField("total").fieldId());
  }

  @Test
  void aTableSparkMadeKeepsItsFieldIdsAndSparkReadsItsSnapshotsBeforeAndAfter() throws SQLException {
    SparkLake lake = SparkLake.open(Fixtures.spark(), folder.toString());
    SparkSession spark = lake.spark();
    Dataset<Row> april = spark.sql("SELECT CAST(1 AS BIGINT) AS cicid, 'BOS' AS port_code, array('Census', 'OurAirports') AS named_by, "
        + "DATE '2016-04-01' AS arrival_date, 2016 AS year, 4 AS month");
    LakeAudit sparkRun = lake.lake().audit("spark_run");
    lake.overwritePartitions(sparkRun, "arrivals", april, List.of("year", "month"));
    sparkRun.publish("spark_run", message -> { });
    Table table = catalog.loadTable(org.apache.iceberg.catalog.TableIdentifier.of(Lake.NAMESPACE, "arrivals"));
    Schema sparkSchema = table.schema();
    long sparkSnapshot = table.currentSnapshot().snapshotId();

    TableWrite write = writer.write("SELECT 2 AS cicid, 'NYC' AS port_code, ['Census'] AS named_by, DATE '2016-05-02' AS arrival_date, "
        + "2016 AS year, 5 AS month", table, BRANCH, WriteMode.replacePartitions());

    table.refresh();
    assertThat(table.schema().sameSchema(sparkSchema)).as("schema as Spark made it").isTrue();
    assertThat(table.schema().schemaId()).isEqualTo(sparkSchema.schemaId());
    DataFile written = dataFiles(table, write.snapshotId()).stream().filter(file -> file.location().contains("month=5")).findFirst().orElseThrow();
    assertThat(parquetFieldIds(written.location())).as("field ids in the Parquet file DuckDB wrote").isEqualTo(Map.of(
        "cicid", sparkSchema.findField("cicid").fieldId(),
        "port_code", sparkSchema.findField("port_code").fieldId(),
        "named_by", sparkSchema.findField("named_by").fieldId(),
        "element", sparkSchema.findField("named_by.element").fieldId(),
        "arrival_date", sparkSchema.findField("arrival_date").fieldId(),
        "year", sparkSchema.findField("year").fieldId(),
        "month", sparkSchema.findField("month").fieldId()));
    String ordered = "SELECT cicid, port_code, named_by, arrival_date, month FROM " + lake.table("arrivals");
    assertThat(spark.sql(ordered + " VERSION AS OF " + sparkSnapshot + " ORDER BY cicid").collectAsList().toString())
        .as("the snapshot Spark wrote").isEqualTo("[[1,BOS,ArraySeq(Census, OurAirports),2016-04-01,4]]");
    assertThat(spark.sql(ordered + " VERSION AS OF '" + BRANCH + "' ORDER BY cicid").collectAsList().toString())
        .as("the branch DuckDB wrote").isEqualTo("[[1,BOS,ArraySeq(Census, OurAirports),2016-04-01,4], [2,NYC,ArraySeq(Census),2016-05-02,5]]");
    assertThat(lake.read("arrivals").count()).as("main as Spark left it").isEqualTo(1);
  }

  @Test
  void replacingPartitionsReplacesOnlyThoseWritten() {
    Table table = monthsTable();
    writer.write(months(1, 4, 2, 4, 3, 5), table, BRANCH, WriteMode.append());

    TableWrite write = writer.write(months(10, 4), table, BRANCH, WriteMode.replacePartitions());

    assertThat(write.rowsWritten()).isEqualTo(1);
    assertThat(rows(table, write.snapshotId())).containsExactly("3 in 2016-05", "10 in 2016-04");
  }

  @Test
  void replacingMonthsEmptiesAMonthThatHasNoNewRows() {
    Table table = monthsTable();
    writer.write(months(1, 4, 2, 5, 3, 6), table, BRANCH, WriteMode.append());

    TableWrite write = writer.write(months(10, 4), table, BRANCH,
        WriteMode.replaceMonths(List.of(YearMonth.of(2016, 4), YearMonth.of(2016, 5))));

    assertThat(rows(table, write.snapshotId())).containsExactly("3 in 2016-06", "10 in 2016-04");
  }

  @Test
  void replacingTheTableDropsEveryRowThere() {
    Table table = monthsTable();
    writer.write(months(1, 4, 2, 5), table, BRANCH, WriteMode.append());

    TableWrite write = writer.write(months(10, 6), table, BRANCH, WriteMode.replaceTable());

    assertThat(rows(table, write.snapshotId())).containsExactly("10 in 2016-06");
  }

  @Test
  void appendingKeepsTheRowsThere() {
    Table table = monthsTable();
    writer.write(months(1, 4), table, LakeAudit.MAIN, WriteMode.append());

    TableWrite write = writer.write(months(2, 4, 3, 5), table, LakeAudit.MAIN, WriteMode.append());

    table.refresh();
    assertThat(table.currentSnapshot().snapshotId()).as("written on main when asked").isEqualTo(write.snapshotId());
    assertThat(rows(table, write.snapshotId())).containsExactly("1 in 2016-04", "2 in 2016-04", "3 in 2016-05");
  }

  @Test
  void noRowsReplaceNoPartitionButEmptyTheMonthsNamed() {
    Table table = monthsTable();
    writer.write(months(1, 4, 2, 5), table, BRANCH, WriteMode.append());
    String none = months(9, 4) + " WHERE false";

    TableWrite partitions = writer.write(none, table, BRANCH, WriteMode.replacePartitions());
    TableWrite april = writer.write(none, table, BRANCH, WriteMode.replaceMonths(List.of(YearMonth.of(2016, 4))));

    assertThat(rows(table, partitions.snapshotId())).containsExactly("1 in 2016-04", "2 in 2016-05");
    assertThat(april.rowsWritten()).isZero();
    assertThat(rows(table, april.snapshotId())).containsExactly("2 in 2016-05");
  }

  @Test
  void rowsWhoseColumnsAreNotTheTablesAreRefusedBeforeAnythingIsWritten() {
    Table table = monthsTable();

    assertThatThrownBy(() -> writer.write("SELECT 1 AS id, 2016 AS year, 4 AS month, 'x' AS extra", table, BRANCH, WriteMode.append()))
        .hasMessageContaining("Cannot write table")
        .hasMessageContaining("lack columns [label]")
        .hasMessageContaining("have columns [extra]");
    table.refresh();
    assertThat(table.refs()).doesNotContainKey(BRANCH);
  }

  private Table monthsTable() {
    return IcebergTables.ensure(catalog, "monthly", new Schema(
        required(1, "id", Types.LongType.get()),
        optional(2, "label", Types.StringType.get()),
        optional(3, "year", Types.IntegerType.get()),
        optional(4, "month", Types.IntegerType.get())), List.of("year", "month"));
  }

  // rows of 2016: id, month, id, month, ...
  private static String months(int... idsAndMonths) {
    List<String> rows = new ArrayList<>();
    for (int index = 0; index < idsAndMonths.length; index += 2) {
      rows.add("(" + idsAndMonths[index] + ", 'row " + idsAndMonths[index] + "', 2016, " + idsAndMonths[index + 1] + ")");
    }
    return "SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS rows(id, label, year, month)";
  }

  private static List<String> rows(Table table, long snapshotId) {
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
      records.forEach(record -> rows.add(record.getField("id") + " in " + YearMonth.of((Integer) record.getField("year"), (Integer) record.getField("month"))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows.stream().sorted((left, right) -> Long.compare(Long.parseLong(left.split(" ")[0]), Long.parseLong(right.split(" ")[0]))).toList();
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<DataFile> dataFiles(Table table, long snapshotId) {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).includeColumnStats().planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  private static Object bound(Map<Integer, ByteBuffer> bounds, Schema schema, String column) {
    Types.NestedField field = schema.findField(column);
    assertThat(bounds).as("bounds of " + column).containsKey(field.fieldId());
    return Conversions.fromByteBuffer(field.type(), bounds.get(field.fieldId()));
  }

  // name -> field id of each column of a Parquet file, as DuckDB reads its schema
  private Map<String, Integer> parquetFieldIds(String file) throws SQLException {
    Map<String, Integer> ids = new TreeMap<>();
    try (Statement statement = duckdb.createStatement();
         ResultSet columns = statement.executeQuery("SELECT name, field_id FROM parquet_schema('" + file.replaceFirst("^file:", "")
             + "') WHERE field_id IS NOT NULL")) {
      while (columns.next()) {
        ids.put(columns.getString(1), columns.getInt(2));
      }
    }
    return ids;
  }

  private static List<List<Object>> icebergRows(Table table, long snapshotId) {
    List<List<Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
      for (Record record : records) {
        List<Object> values = new ArrayList<>();
        for (Types.NestedField column : EVERY_TYPE.columns()) {
          values.add(canonical(record.getField(column.name())));
        }
        rows.add(values);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    rows.sort((left, right) -> Long.compare((Long) left.get(0), (Long) right.get(0)));
    return rows;
  }

  private static List<Object> sparkValues(Row row) {
    List<Object> values = new ArrayList<>();
    for (Types.NestedField column : EVERY_TYPE.columns()) {
      values.add(canonical(row.get(row.fieldIndex(column.name()))));
    }
    return values;
  }

  private static List<List<Object>> duckDbRows(ResultSet rows) throws SQLException {
    List<List<Object>> all = new ArrayList<>();
    while (rows.next()) {
      List<Object> values = new ArrayList<>();
      for (Types.NestedField column : EVERY_TYPE.columns()) {
        values.add(canonical(rows.getObject(column.name())));
      }
      all.add(values);
    }
    return all;
  }

  // one Java form of a value, whichever engine read it
  private static Object canonical(Object value) {
    try {
      if (value instanceof byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
      } else if (value instanceof ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
      } else if (value instanceof Blob blob) {
        return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
      } else if (value instanceof OffsetDateTime time) {
        return time.toInstant();
      } else if (value instanceof Timestamp time) {
        return time.toLocalDateTime();
      } else if (value instanceof CharSequence text) {
        return text.toString();
      } else if (value instanceof scala.collection.Seq<?> seq) {
        return canonical(CollectionConverters.asJava(seq));
      } else if (value instanceof scala.collection.Map<?, ?> scalaMap) {
        return canonical(CollectionConverters.asJava(scalaMap));
      } else if (value instanceof Array array) {
        return canonical(Arrays.asList((Object[]) array.getArray()));
      } else if (value instanceof org.duckdb.DuckDBStruct struct) {
        return canonical(struct.getMap());
      } else if (value instanceof List<?> list) {
        return list.stream().map(DuckDbTableWriterTest::canonical).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
      } else if (value instanceof Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((key, entry) -> copy.put(canonical(key), canonical(entry)));
        return copy;
      } else if (value instanceof Row row) {
        Map<Object, Object> struct = new LinkedHashMap<>();
        for (String field : row.schema().fieldNames()) {
          struct.put(field, canonical(row.get(row.fieldIndex(field))));
        }
        return struct;
      } else if (value instanceof Record record) {
        Map<Object, Object> struct = new LinkedHashMap<>();
        record.struct().fields().forEach(field -> struct.put(field.name(), canonical(record.getField(field.name()))));
        return struct;
      }
      return value;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int index = 0; index < keysAndValues.length; index += 2) {
      map.put(keysAndValues[index], keysAndValues[index + 1]);
    }
    return map;
  }
}
