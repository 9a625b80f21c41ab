package io.i94lake.engine;

import static io.i94lake.engine.DuckDbSchema.quoted;
import static io.i94lake.engine.DuckDbSchema.text;
import static java.util.Objects.requireNonNull;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import io.i94lake.lake.ParquetCommit;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Type;

/**
 * Writes rows that DuckDB computes into an Iceberg table's branch: DuckDB writes Parquet files shaped as the table's
 * current schema (each column cast to its Iceberg type, the table's field ids in the file), one file per partition,
 * and {@link ParquetCommit} commits them in one snapshot. Spark and {@link DuckDbReader} read them like files Spark
 * wrote.
 *
 * <p>A partitioned table's partitions are found first (DuckDB reads only the columns they come from). Rows of one
 * partition, the usual month of a run, are copied straight from the query. Rows of several are computed once into a
 * temporary DuckDB table, then copied partition by partition from it, so that the query runs once more whatever the
 * number of partitions and every row it gave is written. (DuckDB's own {@code COPY … PARTITION_BY} is not used: in
 * DuckDB 1.4.4 it files a null string and the string {@code 'NULL'} under the same folder, and one overwrites the
 * other.)
 *
 * <p>Timestamps cast from {@code TIMESTAMP} to {@code TIMESTAMPTZ} (or back) take the connection's {@code TimeZone};
 * i94lake's connections use UTC.
 */
public final class DuckDbTableWriter {
  private final Connection duckdb;

  public DuckDbTableWriter(Connection duckdb) {
    this.duckdb = requireNonNull(duckdb, "DuckDB connection is null");
  }

  /**
   * Writes rows into a table's branch in one commit.
   *
   * @param rows a query ({@code SELECT …}) or the name of a DuckDB table or view, with the table's columns (by name)
   * @param branch {@code main}, or a run's audit branch (made from {@code main} when missing)
   */
  public TableWrite write(String rows, Table table, String branch, WriteMode mode) {
    List<String> partitionColumns = partitionColumns(table);
    String source = relation(rows);
    String select = "SELECT " + table.schema().columns().stream()
        .map(column -> "CAST(" + quoted(column.name()) + " AS " + DuckDbSchema.type(column.type(), column.name()) + ") AS "
            + quoted(column.name()))
        .collect(Collectors.joining(", ")) + " FROM " + source;
    try (ParquetCommit commit = ParquetCommit.start(table, branch); Statement statement = duckdb.createStatement()) {
      requireTableColumns(statement, source, table);
      writeFiles(statement, select, partitionColumns, commit, copyOptions(table));
      return commit.commit(mode);
    } catch (SQLException e) {
      throw new PipelineException(FailureCategory.WRITE_FAILED, "Cannot write table " + table.name() + " on branch " + branch
          + " with DuckDB: " + e.getMessage(), e);
    }
  }

  // one file per partition (one file when the table has none)
  private static void writeFiles(Statement statement, String select, List<String> partitionColumns, ParquetCommit commit,
                                 String options) throws SQLException {
    List<List<Object>> partitions = partitionColumns.isEmpty()
        ? List.of(List.of()) : partitions(statement, "(" + select + ") AS cast_rows", partitionColumns);
    if (partitions.size() == 1) {
      // straight from the query; ParquetCommit checks from the file's bounds that every row is in the partition
      copy(statement, select, commit.newFile(partitions.get(0)), options);
    } else if (partitions.size() > 1) {
      String staged = "i94lake_write_" + UUID.randomUUID().toString().replace("-", "");
      statement.execute("CREATE TEMP TABLE " + staged + " AS " + select);
      try {
        for (List<Object> partition : partitions(statement, staged, partitionColumns)) {
          copy(statement, "SELECT * FROM " + staged + " WHERE " + inPartition(partitionColumns, partition),
              commit.newFile(partition), options);
        }
      } finally {
        statement.execute("DROP TABLE IF EXISTS " + staged);
      }
    }
  }

  // the source columns of the table's partition fields, which must be identities of int, long or string columns
  private static List<String> partitionColumns(Table table) {
    List<String> columns = new ArrayList<>();
    for (PartitionField field : table.spec().fields()) {
      Type type = table.schema().findType(field.sourceId());
      String column = table.schema().findColumnName(field.sourceId());
      boolean supported = type.typeId() == Type.TypeID.INTEGER || type.typeId() == Type.TypeID.LONG || type.typeId() == Type.TypeID.STRING;
      if (!field.transform().isIdentity() || !supported) {
        throw new IllegalArgumentException("Cannot write table " + table.name() + " with DuckDB: its partition field " + field.name()
            + " is " + field.transform() + " of " + type + " column " + column + "; DuckDB writes identity partitions of int, long "
            + "and string columns only");
      }
      columns.add(column);
    }
    return columns;
  }

  // Parquet as Iceberg's own writers would write it for this table
  private static String copyOptions(Table table) {
    String codec = table.properties().getOrDefault(TableProperties.PARQUET_COMPRESSION,
        TableProperties.PARQUET_COMPRESSION_DEFAULT_SINCE_1_4_0).toLowerCase(Locale.ROOT);
    String level = table.properties().get(TableProperties.PARQUET_COMPRESSION_LEVEL);
    return "FORMAT parquet, COMPRESSION " + codec + (level != null && codec.equals("zstd") ? ", COMPRESSION_LEVEL " + Integer.parseInt(level) : "")
        + ", FIELD_IDS " + DuckDbSchema.fieldIds(table.schema());
  }

  private static void copy(Statement statement, String query, Path file, String options) throws SQLException {
    statement.execute("COPY (" + query + ") TO " + text(file.toString()) + " (" + options + ")");
  }

  private static String relation(String rows) {
    String query = rows.strip().replaceFirst(";\\s*$", "");
    return query.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*") ? query : "(" + query + ") AS written_rows";
  }

  // by name, as DuckDB compares identifiers (without case); a column too many is as wrong as one missing
  private static void requireTableColumns(Statement statement, String source, Table table) throws SQLException {
    Set<String> given = new LinkedHashSet<>();
    try (ResultSet columns = statement.executeQuery("SELECT * FROM " + source + " LIMIT 0")) {
      ResultSetMetaData metadata = columns.getMetaData();
      for (int index = 1; index <= metadata.getColumnCount(); index++) {
        given.add(metadata.getColumnName(index).toLowerCase(Locale.ROOT));
      }
    }
    Set<String> expected = table.schema().columns().stream().map(column -> column.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> missing = new LinkedHashSet<>(expected);
    missing.removeAll(given);
    Set<String> extra = new LinkedHashSet<>(given);
    extra.removeAll(expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalArgumentException("Cannot write table " + table.name() + " with DuckDB: the rows lack columns " + missing
          + " and have columns " + extra + " the table does not; give the table's columns " + expected);
    }
  }

  private static List<List<Object>> partitions(Statement statement, String relation, List<String> columns) throws SQLException {
    List<List<Object>> partitions = new ArrayList<>();
    String names = columns.stream().map(DuckDbSchema::quoted).collect(Collectors.joining(", "));
    try (ResultSet distinct = statement.executeQuery("SELECT DISTINCT " + names + " FROM " + relation)) {
      while (distinct.next()) {
        Object[] values = new Object[columns.size()];
        for (int index = 0; index < values.length; index++) {
          values[index] = distinct.getObject(index + 1);
        }
        partitions.add(Arrays.asList(values));
      }
    }
    return partitions;
  }

  private static String inPartition(List<String> columns, List<Object> values) {
    List<String> conditions = new ArrayList<>();
    for (int index = 0; index < columns.size(); index++) {
      Object value = values.get(index);
      conditions.add(quoted(columns.get(index)) + (value == null ? " IS NULL"
          : " = " + (value instanceof String string ? text(string) : value.toString())));
    }
    return String.join(" AND ", conditions);
  }
}
