package io.i94lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.Fixtures;
import io.i94lake.core.TableCatalog;
import io.i94lake.engine.DuckDbCheckTables;
import io.i94lake.engine.DuckDbConnections;
import io.i94lake.engine.DuckDbSettings;
import io.i94lake.engine.SparkCheckTables;
import io.i94lake.engine.SparkLake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every check measures the same value on Spark and on DuckDB over the same rows: the tables of the sample lake as
 * Spark reads them, handed to DuckDB through Parquet, and an empty table.
 */
class CheckParityTest {
  private static final Map<String, Dataset<Row>> SPARK_TABLES = new HashMap<>();
  // checks are measured from several threads: each on a connection of its own to the one database
  private static DuckDbConnections duckDbConnections;
  private static Connection duckdb;
  private static SparkCheckTables spark;

  @BeforeAll
  static void loadTheSampleLakeIntoBothEngines() throws SQLException {
    SparkLake lake = Fixtures.sampleLake().lake();
    Path parquet = Fixtures.newFolder("check-parity");
    duckDbConnections = new DuckDbConnections(DuckDbSettings.DEFAULT);
    duckdb = duckDbConnections.connection();
    for (String table : TableCatalog.publishedNames().stream().filter(lake.lake()::hasTable).toList()) {
      Dataset<Row> rows = lake.read(table);
      SPARK_TABLES.put(table, rows);
      rows.write().parquet(parquet.resolve(table).toString());
      execute("CREATE TABLE " + table + " AS SELECT * FROM read_parquet('" + parquet.resolve(table) + "/*.parquet')");
    }
    SPARK_TABLES.put("no_port", SPARK_TABLES.get("port").limit(0));
    execute("CREATE TABLE no_port AS SELECT * FROM port WHERE false");
    spark = new SparkCheckTables(Fixtures.spark(), table -> Optional.ofNullable(SPARK_TABLES.get(table)));
  }

  @AfterAll
  static void close() throws SQLException {
    spark.release();
    duckDbConnections.close();
  }

  @Test
  void theRunsChecksObserveTheSameValuesOnBothEngines() {
    List<CheckResult> onSpark = new CheckRunner(spark).run(LakeChecks.DEFAULTS.forRun());
    List<CheckResult> onDuckDb = new CheckRunner(duckDbTables()).run(LakeChecks.DEFAULTS.forRun());
    assertThat(onSpark).as("the sample lake passes its error checks").noneMatch(CheckResult::blocks);
    assertThat(onDuckDb).isEqualTo(onSpark);
  }

  @Test
  void failingChecksOfEveryKindObserveTheSameValuesOnBothEngines() {
    List<Check> checks = List.of(
        Check.error("immigration").hasCompleteness("departure_date", 1.0)
            .isUnique("port_code", "destination_state_code")
            .isContainedIn("travel_mode", List.of("Air", "it's", "back\\slash", "{{port}}"))
            .satisfies("arrival before the 15th", "day(arrival_date) < 15", 1.0)
            .sharePresentIn("port_code", "us_airport", "iata_code", 1.0)
            .sharePresentIn("destination_state_code", "us_city", "state_code", 1.0)
            .hasRowCountBetween(0, 10),
        Check.error("immigrant").hasValuesBetween("age", 20.5, 60).isUnique("gender").satisfies("never", "false", 0.5),
        Check.warning("us_city").isUnique("state_code").isComplete("city"),
        Check.error("no_port").isComplete("port_code").isUnique("port_code").isContainedIn("port_code", List.of("BOS"))
            .satisfies("never", "false", 1.0).hasRowCountBetween(1, 2)
            .sharePresentIn("state_code", "us_state", "state_code", 1.0),
        Check.error("port").sharePresentIn("state_code", "no_port", "state_code", 1.0)
            .sharePresentIn("state_code", "no_such_table", "state_code", 1.0),
        Check.error("no_such_table").isComplete("port_code"));
    List<CheckResult> onSpark = new CheckRunner(spark).run(checks);
    List<CheckResult> onDuckDb = new CheckRunner(duckDbTables()).run(checks);
    assertThat(onDuckDb).isEqualTo(onSpark);
    assertThat(onSpark.stream().filter(result -> !result.passed()).map(CheckResult::constraint).toList())
        .as("failed on Spark").containsExactly("departure_date completeness", "port_code, destination_state_code duplicates",
            "travel_mode in [Air, it's, back\\slash, {{port}}]", "arrival before the 15th", "port_code found in us_airport.iata_code",
            "destination_state_code found in us_city.state_code", "row count", "age between 20.5 and 60", "gender duplicates", "never",
            "state_code duplicates", "row count", "state_code found in no_port.state_code",
            "state_code found in no_such_table.state_code", "port_code completeness");
  }

  private static DuckDbCheckTables duckDbTables() {
    return DuckDbCheckTables.unpublished(duckdb, table -> SPARK_TABLES.containsKey(table) ? Optional.of(table) : Optional.empty());
  }

  private static void execute(String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(sql);
    }
  }
}
