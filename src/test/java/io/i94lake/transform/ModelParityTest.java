package io.i94lake.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.Fixtures;
import io.i94lake.engine.SparkModels;
import io.i94lake.generate.ArrivalFormat;
import io.i94lake.generate.DirtyRows;
import io.i94lake.generate.GenerateOptions;
import io.i94lake.generate.Generator;
import io.i94lake.source.AirportReader;
import io.i94lake.source.DemographicsReader;
import io.i94lake.source.I94Reader;
import io.i94lake.source.LabelDictionaryReader;
import io.i94lake.source.SourceRead;
import io.i94lake.source.TemperatureReader;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every model gives the same rows on Spark and on DuckDB, in every column, from the same inputs: the bundled sample's
 * sources, and a generated month of arrivals with dirty records.
 */
class ModelParityTest {
  private static final List<String> DIMENSIONS = List.of("us_state", "country", "port", "us_demographics",
      "us_airport", "weather_cities", "us_weather", "us_temperature", "us_city", "airport_weather");
  private static final List<String> OF_ARRIVALS = List.of("immigration", "immigrant", "immigration_demographics");

  private static Connection duckdb;
  private static SparkModels spark;
  private static Path inputs;

  @BeforeAll
  static void loadTheSameInputsIntoBothEngines() throws Exception {
    SparkSession session = Fixtures.spark();
    Path raw = Fixtures.sampleRaw();
    Path generated = Fixtures.newFolder("parity-month");
    new Generator(new GenerateOptions(generated, List.of(YearMonth.of(2016, 5)), 5_000, 3, ArrivalFormat.PARQUET, 1,
        List.of(), 1, DirtyRows.ofShare("0.01"), raw), null, false).run();

    LabelDictionaryReader.Dictionary dictionary =
        LabelDictionaryReader.read(session, raw.resolve("I94_SAS_Labels_Descriptions.SAS").toString());
    List<SourceRead> sources = new ArrayList<>(dictionary.all());
    sources.add(AirportReader.read(session, List.of(raw.resolve("airport-codes_csv.csv").toString())));
    sources.add(DemographicsReader.read(session, List.of(raw.resolve("us-cities-demographics.csv").toString())));
    sources.add(TemperatureReader.read(session, List.of(raw.resolve("GlobalLandTemperaturesByCity_US-subset.csv").toString(),
        raw.resolve("GlobalLandTemperaturesByCity_2012-2013-subset.csv").toString())));
    Dataset<Row> i94 = new I94Reader(session).read(List.of(raw.resolve("i94").toString())).rows()
        .unionByName(new I94Reader(session).read(List.of(generated.resolve("i94").toString())).rows());

    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    spark = new SparkModels(session, "parity");
    inputs = Fixtures.newFolder("parity-inputs");
    for (SourceRead source : sources) {
      spark.input(source.source(), source.accepted());
      load(source.source(), source.accepted());
    }
    spark.input("i94", i94);
    load("i94", i94);
  }

  @AfterAll
  static void close() throws SQLException {
    spark.release();
    duckdb.close();
  }

  // the rows as Spark has them, handed to DuckDB through Parquet
  private static void load(String name, Dataset<Row> rows) throws SQLException {
    Path folder = inputs.resolve(name);
    rows.write().parquet(folder.toString());
    execute("CREATE TABLE " + name + " AS SELECT * FROM read_parquet('" + folder + "/*.parquet')");
  }

  @Test
  void dimensionModelsGiveTheSameRows() throws Exception {
    for (String model : DIMENSIONS) {
      execute("CREATE OR REPLACE TABLE " + model + " AS " + Model.named(model).sql(Dialect.DUCKDB, name -> name));
      assertSameRows(model, spark.get(model));
    }
  }

  @Test
  void arrivalModelsGiveTheSameRowsAndTheSameReasonsForRejects() throws Exception {
    Model dated = Model.named("i94_dated");
    Dataset<Row> sparkDated = spark.run(dated, Map.of());
    execute("CREATE TABLE i94_dated AS " + dated.sql(Dialect.DUCKDB, name -> name));
    assertSameRows("i94_dated", sparkDated);
    assertThat(query("SELECT count(*) FROM i94_dated WHERE unusable_because IS NOT NULL").get(0))
        .as("dirty records of the generated month").isNotEqualTo("0");

    String accepted = "_error IS NULL AND unusable_because IS NULL";
    Dataset<Row> sparkArrivals = spark.run(Model.named("arrivals"), Map.of("i94", sparkDated.filter(accepted)));
    execute("CREATE TABLE usable AS SELECT * FROM i94_dated WHERE " + accepted);
    Model arrivals = Model.named("arrivals");
    execute("CREATE TABLE arrivals AS " + arrivals.sql(Dialect.DUCKDB, name -> name.equals("i94") ? "usable" : name));
    assertSameRows("arrivals", sparkArrivals);
    for (String table : List.of("port", "us_state", "country", "us_demographics")) {
      execute("CREATE TABLE IF NOT EXISTS " + table + " AS " + Model.named(table).sql(Dialect.DUCKDB, name -> name));
    }
    for (String model : OF_ARRIVALS) {
      assertSameRows(model, spark.run(Model.named(model), Map.of("arrivals", sparkArrivals)),
          Model.named(model).sql(Dialect.DUCKDB, name -> name));
    }
  }

  private static void assertSameRows(String model, Dataset<Row> onSpark) throws SQLException {
    assertSameRows(model, onSpark, "SELECT * FROM " + model);
  }

  private static void assertSameRows(String model, Dataset<Row> onSpark, String duckDbQuery) throws SQLException {
    List<String> sparkRows = onSpark.collectAsList().stream().map(ModelParityTest::text).sorted().toList();
    List<String> duckRows = query(duckDbQuery).stream().sorted().toList();
    assertThat(sparkRows).as("rows of %s", model).isNotEmpty();
    List<String> onlySpark = new ArrayList<>(sparkRows);
    onlySpark.removeAll(duckRows);
    List<String> onlyDuckDb = new ArrayList<>(duckRows);
    onlyDuckDb.removeAll(sparkRows);
    assertThat(onlyDuckDb.stream().limit(3).toList()).as("rows of %s only on DuckDB (%d), beside rows only on Spark (%d) such as %s",
        model, onlyDuckDb.size(), onlySpark.size(), onlySpark.stream().limit(3).toList()).isEmpty();
    assertThat(duckRows).as("rows of %s on DuckDB, against Spark's", model).hasSameSizeAs(sparkRows);
  }

  private static String text(Row row) {
    List<String> values = new ArrayList<>();
    for (int index = 0; index < row.length(); index++) {
      Object value = row.get(index);
      values.add(value instanceof Seq<?> seq ? CollectionConverters.asJava(seq).toString() : String.valueOf(value));
    }
    return String.join(" | ", values);
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          Object value = result.getObject(column);
          values.add(value instanceof Array array ? Arrays.asList((Object[]) array.getArray()).toString() : String.valueOf(value));
        }
        rows.add(String.join(" | ", values));
      }
    }
    return rows;
  }

  private static void execute(String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(sql);
    }
  }
}
