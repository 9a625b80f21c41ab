package io.i94lake.source;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.md5;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.i94lake.Fixtures;
import io.i94lake.core.PipelineException;
import io.i94lake.generate.ArrivalFormat;
import io.i94lake.generate.DirtyRows;
import io.i94lake.generate.GenerateOptions;
import io.i94lake.generate.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every raw source read on DuckDB gives exactly the relations its Spark reader gives: the same columns and types,
 * the same accepted rows (every column, in file and line order), the same rejects (location, reason, raw content)
 * and the same counts. On the bundled sample, on dirty copies of it built as {@code BadInputTest} builds them, on
 * generated I-94 months with dirty records, on the real SAS7BDAT files and on the real April month when present.
 */
class DuckDbSourcesTest {
  /** parso's test files, the same bytes as ../shared/data/raw/sas7bdat/ (see SOURCES.md there). */
  private static final Path SAS7BDAT = Fixtures.home().resolve("src/test/resources/sas7bdat");

  private static Connection connection;

  @BeforeAll
  static void openDuckDb() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void closeDuckDb() throws SQLException {
    connection.close();
  }

  private static SparkSession spark() {
    return Fixtures.spark();
  }

  private static DuckDbSources duckDb() {
    return new DuckDbSources(connection, new RawFiles(new Configuration()));
  }

  private static List<String> sample(String... names) {
    return Arrays.stream(names).map(name -> Fixtures.sampleRaw().resolve(name).toString()).toList();
  }

  @Test
  void sampleAirportsDemographicsAndTemperatures() {
    List<String> airports = sample("airport-codes_csv.csv");
    assertSameRead(AirportReader.read(spark(), airports), duckDb().airports(airports));
    List<String> demographics = sample("us-cities-demographics.csv");
    assertSameRead(DemographicsReader.read(spark(), demographics), duckDb().demographics(demographics));
    List<String> temperatures = sample("GlobalLandTemperaturesByCity_2012-2013-subset.csv", "GlobalLandTemperaturesByCity_US-subset.csv");
    assertSameRead(TemperatureReader.read(spark(), temperatures), duckDb().temperatures(temperatures));
  }

  @Test
  void sampleArrivalsAndLabelDictionary() {
    List<String> i94 = sample("i94");
    assertSameRead(new I94Reader(spark()).read(i94), duckDb().i94(i94));
    String dictionary = sample("I94_SAS_Labels_Descriptions.SAS").get(0);
    List<SourceRead> sparkLists = LabelDictionaryReader.read(spark(), dictionary).all();
    List<DuckDbSourceRead> duckDbLists = duckDb().dictionary(dictionary).all();
    for (int index = 0; index < sparkLists.size(); index++) {
      assertSameRead(sparkLists.get(index), duckDbLists.get(index));
    }
  }

  @Test
  void dirtyLinesAreRejectedWithTheSameLocationsReasonsAndRawText() throws IOException {
    Path raw = Fixtures.copyOfSample("duckdb-dirty");
    Path airports = raw.resolve("airport-codes_csv.csv");
    Files.writeString(airports, String.join("\r\n",
        "36AA,small_airport,Half a row",
        "",
        "36AB,heliport,\"Unclosed name,10",
        "36AC,heliport,\"Name\" after,10,NA,US,US-PA,Town,,,,\"1, 2\"",
        ",heliport,No ident,10,NA,US,US-PA,Town,,,,\"1, 2\"",
        "36AD,heliport,Bad numbers,12.5,NA,US,US-PA,Town,,,,\"north, 95\"",
        "36AE,heliport,\"Fly \"\"N\"\" K, fine\",7,NA,US,US-PA,Town,,,,\"-74.9, 40.1\"") + "\r\n",
        StandardOpenOption.APPEND);
    Path demographics = raw.resolve("us-cities-demographics.csv");
    List<String> lines = Files.readAllLines(demographics, StandardCharsets.UTF_8);
    String[] fields = lines.get(16).split(";", -1);
    fields[5] = "many";
    lines.set(16, String.join(";", fields));
    lines.set(20, lines.get(20).replaceFirst(";[A-Z]{2};", ";;"));
    Files.write(demographics, lines, StandardCharsets.UTF_8);
    Path temperatures = raw.resolve("GlobalLandTemperaturesByCity_US-subset.csv");
    lines = Files.readAllLines(temperatures, StandardCharsets.UTF_8);
    for (int index = 1; index < lines.size(); index += 10) {
      lines.set(index, lines.get(index).replaceFirst("^[^,]+,", "someday,"));
    }
    lines.set(2, lines.get(2).replaceFirst("^[^,]+,", "2/30/2000,").replace("32.95N", "95.00N"));
    Files.write(temperatures, lines, StandardCharsets.UTF_8);

    SourceRead sparkAirports = AirportReader.read(spark(), List.of(airports.toString()));
    assertSameRead(sparkAirports, duckDb().airports(List.of(airports.toString())));
    assertThat(sparkAirports.rejects().select("reason").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .as("the dirty airport lines are rejected, each for its own reason")
        .contains("has 3 fields, expected 12", "cannot be split: a quote is not closed",
            "cannot be split: text after the closing quote of field 3", "ident is empty",
            "elevation_ft '12.5' is not a whole number; coordinates 'north, 95' is not 'longitude, latitude'");
    List<String> demographicsFiles = List.of(demographics.toString());
    assertSameRead(DemographicsReader.read(spark(), demographicsFiles), duckDb().demographics(demographicsFiles));
    List<String> temperatureFiles = List.of(temperatures.toString());
    assertSameRead(TemperatureReader.read(spark(), temperatureFiles), duckDb().temperatures(temperatureFiles));
  }

  @Test
  void generatedArrivalsWithDirtyRecordsInEveryForm() throws IOException {
    for (ArrivalFormat format : ArrivalFormat.values()) {
      Path out = Fixtures.newFolder("duckdb generated " + format.label());
      new Generator(new GenerateOptions(out, List.of(YearMonth.of(2016, 3), YearMonth.of(2016, 4)), 5_000, 42, format,
          2, List.of(), 2, DirtyRows.ofShare("0.01"), Fixtures.sampleRaw()), null, false).run();
      List<String> i94 = List.of(out.resolve("i94").toString());

      SourceRead spark = new I94Reader(spark()).read(i94);
      assertSameRead(spark, duckDb().i94(i94));
      if (format != ArrivalFormat.PARQUET) {
        assertThat(spark.count().rejected()).as(format + ": records cut short or with text in a number").isPositive();
      }
    }
  }

  @Test
  void sasFilesStreamIntoDuckDbAsIntoSpark() {
    for (String name : List.of("mix_and_missing.sas7bdat", "mixed_data_one.sas7bdat")) {
      String file = SAS7BDAT.resolve(name).toString();
      Configuration hadoop = new Configuration();
      List<String> columns = sasColumns(file);
      // every column a number: the character columns' values are rejected
      Set<String> numeric = Set.copyOf(columns);
      Dataset<Row> sparkRows = I94Reader.sasRows(spark(), List.of(file), hadoop, columns, numeric);
      String source = "sas_" + name.replace(".sas7bdat", "");
      DuckDbTable.load(connection, source + "_rows", Sas7bdatRows.schema(columns, numeric),
          table -> DuckDbI94Reader.appendSas(table, file, hadoop, columns, numeric));
      SourceRead spark = SourceRead.ofText(source, List.of(file), sparkRows);
      assertSameRead(spark, DuckDbSourceRead.of(connection, source, List.of(file), SourceColumns.RAW));
      if (name.startsWith("mixed")) {
        assertThat(spark.count().rejected()).as("rows of mixed_data_one with text in x3").isEqualTo(24);
      }
    }
  }

  @Test
  void missingAndMalformedFilesFailWithTheSameMessages() throws IOException {
    Path folder = Fixtures.newFolder("duckdb-bad-files");
    String missing = folder.resolve("airport-codes_csv.csv").toString();
    assertSameFailure(() -> AirportReader.read(spark(), List.of(missing)), () -> duckDb().airports(List.of(missing)));
    assertSameFailure(() -> AirportReader.read(spark(), List.of()), () -> duckDb().airports(List.of()));
    String empty = Files.write(folder.resolve("us-cities-demographics.csv"), new byte[0]).toString();
    assertSameFailure(() -> DemographicsReader.read(spark(), List.of(empty)), () -> duckDb().demographics(List.of(empty)));
    Path commas = folder.resolve("commas.csv");
    Files.writeString(commas, Files.readString(Fixtures.sampleRaw().resolve("us-cities-demographics.csv")).replace(';', ','));
    assertSameFailure(() -> DemographicsReader.read(spark(), List.of(commas.toString())),
        () -> duckDb().demographics(List.of(commas.toString())));
    Path unclosed = Files.writeString(folder.resolve("unclosed.csv"), "\"dt,AverageTemperature\n");
    assertSameFailure(() -> TemperatureReader.read(spark(), List.of(unclosed.toString())),
        () -> duckDb().temperatures(List.of(unclosed.toString())));

    List<String> noI94 = List.of(folder.resolve("i94").toString());
    assertSameFailure(() -> new I94Reader(spark()).read(noI94), () -> duckDb().i94(noI94));
    assertSameFailure(() -> new I94Reader(spark()).read(List.of(folder.toString())), () -> duckDb().i94(List.of(folder.toString())));
    for (String sas : List.of("mix_and_missing.sas7bdat", "mixed_data_one.sas7bdat")) {
      List<String> file = List.of(SAS7BDAT.resolve(sas).toString());
      assertSameFailure(() -> new I94Reader(spark()).read(file), () -> duckDb().i94(file));
    }
    Path airportParquet = Fixtures.home().resolve("../shared/data/raw/derived/airport_codes_all55075rows_8cols.snappy.parquet").normalize();
    if (Files.exists(airportParquet)) {
      List<String> file = List.of(airportParquet.toString());
      assertSameFailure(() -> new I94Reader(spark()).read(file), () -> duckDb().i94(file));
    }

    String noDictionary = folder.resolve("I94_SAS_Labels_Descriptions.SAS").toString();
    assertSameFailure(() -> LabelDictionaryReader.read(spark(), noDictionary), () -> duckDb().dictionary(noDictionary));
    Path half = folder.resolve("half-dictionary.SAS");
    List<String> dictionary = Files.readAllLines(Fixtures.sampleRaw().resolve("I94_SAS_Labels_Descriptions.SAS"));
    Files.write(half, dictionary.subList(0, dictionary.size() / 2));
    assertSameFailure(() -> LabelDictionaryReader.read(spark(), half.toString()), () -> duckDb().dictionary(half.toString()));
  }

  @Test
  void theRealAprilMonthHasTheSameCountsAndChecksums() {
    assumeTrue(Fixtures.aprilMonth().isPresent(), "the April 2016 month is not in ../shared/data/raw/sas_data");
    List<String> april = List.of(Fixtures.aprilMonth().get().toString());
    DuckDbSourceRead duckDb = duckDb().i94(april);
    SourceRead spark = new I94Reader(spark()).read(april);

    assertThat(duckDb.count()).isEqualTo(spark.count());
    assertThat(duckDb.count().rowsIn()).isEqualTo(Fixtures.APRIL_ROWS);
    assertThat(columns(duckDb.accepted())).isEqualTo(columns(spark.accepted()));
    assertThat(checksum(duckDb.accepted(), duckDbRowText(), "true"))
        .as("checksum of every accepted row's file, line and columns")
        .isEqualTo(checksum(spark.accepted(), sparkRowText(), lit(true)));
    // JSON text costs DuckDB a few microseconds a value: it is made for rejected rows only, here for every 100th row
    assertThat(checksum(duckDb.rows(), duckDb.raw(), "_line % 100 = 1"))
        .as("checksum of the JSON text of every 100th row, as rejects show it")
        .isEqualTo(checksum(spark.rows(), spark.raw(), col("_line").mod(100).equalTo(1)));
  }

  // one text per row that both engines write alike: numbers as DECIMAL(38, 6), null as \N
  private static String duckDbRowText() {
    List<String> fields = new ArrayList<>(List.of("_file", "CAST(_line AS VARCHAR)"));
    for (var field : I94Schema.RAW.fields()) {
      String value = field.dataType().equals(DataTypes.DoubleType)
          ? "CAST(CAST(" + field.name() + " AS DECIMAL(38, 6)) AS VARCHAR)" : field.name();
      fields.add("coalesce(" + value + ", '\\N')");
    }
    return "concat_ws('|', " + String.join(", ", fields) + ")";
  }

  private static Column sparkRowText() {
    List<Column> fields = new ArrayList<>(List.of(col("_file"), col("_line").cast("string")));
    for (var field : I94Schema.RAW.fields()) {
      Column value = field.dataType().equals(DataTypes.DoubleType)
          ? col(field.name()).cast(DataTypes.createDecimalType(38, 6)).cast("string") : col(field.name());
      fields.add(coalesce(value, lit("\\N")));
    }
    return concat_ws("|", fields.toArray(Column[]::new));
  }

  // the sum of the first 32 bits of each text's MD5, the same number on both engines
  private static long checksum(String relation, String text, String filter) {
    return (Long) rows("SELECT CAST(sum(CAST('0x' || substr(md5(" + text + "), 1, 8) AS BIGINT)) AS BIGINT) FROM "
        + DuckDbTable.quote(relation) + " WHERE " + filter).get(0).get(0);
  }

  private static long checksum(Dataset<Row> rows, Column text, Column filter) {
    return rows.filter(filter).select(sum(conv(substring(md5(text), 1, 8), 16, 10).cast("long"))).first().getLong(0);
  }

  private static List<String> sasColumns(String file) {
    try {
      return new I94Files(new RawFiles(new Configuration())).columns(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // the same columns, rows, rejects and counts
  private static void assertSameRead(SourceRead spark, DuckDbSourceRead duckDb) {
    String source = spark.source();
    assertThat(duckDb.source()).isEqualTo(source);
    assertThat(columns(duckDb.accepted())).as(source + " accepted columns").isEqualTo(columns(spark.accepted()));
    assertSameRows(source + " accepted", rows(spark.accepted().orderBy("_file", "_line")),
        rows("SELECT * FROM " + duckDb.accepted() + " ORDER BY _file, _line"));
    assertThat(columns(duckDb.rejects())).as(source + " rejects columns").isEqualTo(columns(spark.rejects()));
    assertSameRows(source + " rejects", rows(spark.rejects().orderBy("location")),
        rows("SELECT * FROM " + duckDb.rejects() + " ORDER BY location"));
    SourceCount count = duckDb.count();
    assertThat(count).as(source + " counts").isEqualTo(spark.count());
    assertThat(count.rowsIn()).as(source + " rows read").isPositive();
  }

  private static void assertSameRows(String what, List<List<Object>> spark, List<List<Object>> duckDb) {
    assertThat(duckDb).as(what + ": rows").hasSameSizeAs(spark);
    for (int index = 0; index < spark.size(); index++) {
      assertThat(duckDb.get(index)).as(what + ": row " + (index + 1) + " of " + spark.size()).isEqualTo(spark.get(index));
    }
  }

  private static void assertSameFailure(Runnable spark, Runnable duckDb) {
    Throwable sparkFailure = catchThrowable(spark::run);
    Throwable duckDbFailure = catchThrowable(duckDb::run);
    assertThat(sparkFailure).isInstanceOf(PipelineException.class);
    assertThat(duckDbFailure).isInstanceOf(PipelineException.class).hasMessage(sparkFailure.getMessage());
    assertThat(((PipelineException) duckDbFailure).category()).isEqualTo(((PipelineException) sparkFailure).category());
  }

  private static List<String> columns(Dataset<Row> rows) {
    return Arrays.stream(rows.schema().fields()).map(field -> field.name() + " " + DuckDbTable.typeOf(field.dataType())).toList();
  }

  private static List<String> columns(String relation) {
    return rows("SELECT column_name || ' ' || column_type FROM (DESCRIBE " + DuckDbTable.quote(relation) + ")").stream()
        .map(row -> (String) row.get(0)).toList();
  }

  private static List<List<Object>> rows(Dataset<Row> rows) {
    List<List<Object>> values = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      List<Object> fields = new ArrayList<>();
      for (int index = 0; index < row.size(); index++) {
        fields.add(row.get(index));
      }
      values.add(fields);
    }
    return values;
  }

  private static List<List<Object>> rows(String sql) {
    List<List<Object>> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> fields = new ArrayList<>();
        for (int index = 1; index <= width; index++) {
          Object value = result.getObject(index);
          fields.add(value instanceof java.sql.Date date ? date.toLocalDate() : value);
        }
        values.add(fields);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return values;
  }

}
