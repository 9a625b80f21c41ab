package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.core.TableCatalog;
import io.i94lake.engine.DuckDbReader;
import io.i94lake.engine.DuckDbSettings;
import io.i94lake.engine.Engines;
import io.i94lake.engine.LakeReading;
import io.i94lake.generate.ArrivalFormat;
import io.i94lake.generate.DirtyRows;
import io.i94lake.generate.GenerateOptions;
import io.i94lake.generate.Generator;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.quality.CheckResult;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole run gives the same lake on Spark and on DuckDB: the bundled sample's sources and two generated months of
 * I-94 Parquet with dirty records (so that DuckDB reads each month from its own files, as the count found them), run
 * once by each engine into a lake of its own; every table alike in columns, types and rows, the same counts and the
 * same checks. (The sample's I-94 CSV is held to Spark by ClusterRunTest, ModelParityTest and DuckDbSourcesTest.)
 */
class EngineParityTest {
  private static RunSummary onSpark;
  private static RunSummary onDuckDb;
  private static Path sparkLake;
  private static Path duckDbLake;

  @BeforeAll
  static void runBothEngines() throws Exception {
    Path raw = Fixtures.sampleRaw();
    Path generated = Fixtures.newFolder("engine-parity-month");
    new Generator(new GenerateOptions(generated, List.of(YearMonth.of(2016, 5), YearMonth.of(2016, 6)), 5_000, 3, ArrivalFormat.PARQUET, 1,
        List.of(), 1, DirtyRows.ofShare("0.01"), raw), null, false).run();
    sparkLake = Fixtures.newFolder("engine-parity-spark");
    duckDbLake = Fixtures.newFolder("engine-parity-duckdb");
    onSpark = new Pipeline(Engines.spark(Fixtures.spark()), message -> { }).run(options(raw, generated, sparkLake));
    onDuckDb = new Pipeline(Engines.duckdb(null, new Configuration(), DuckDbSettings.DEFAULT), message -> { }).run(options(raw, generated, duckDbLake));
  }

  private static RunOptions options(Path raw, Path generated, Path lake) {
    return Fixtures.options(raw, lake).withI94(List.of(generated.resolve("i94").toString()));
  }

  @Test
  void bothRunsPublishWithTheSameCountsAndChecks() {
    assertThat(onSpark.succeeded()).as("the Spark run: %s", onSpark.failure()).isTrue();
    assertThat(onDuckDb.succeeded()).as("the DuckDB run: %s", onDuckDb.failure()).isTrue();
    assertThat(onDuckDb.months()).containsExactly(YearMonth.of(2016, 5), YearMonth.of(2016, 6));
    assertThat(onDuckDb.sources()).isEqualTo(onSpark.sources());
    assertThat(onDuckDb.rowsRejected()).as("the dirty records are rejected").isPositive();
    assertThat(results(onDuckDb)).isEqualTo(results(onSpark));
  }

  @Test
  void everyTableHasTheSameColumnsTypesAndRows() throws SQLException {
    for (String table : TableCatalog.publishedNames()) {
      assertThat(rows(duckDbLake, "DESCRIBE " + table)).as("columns of %s", table).isEqualTo(rows(sparkLake, "DESCRIBE " + table));
      String all = "SELECT * " + (table.equals("rejects") ? "EXCLUDE (run_id) " : "") + "FROM " + table + " ORDER BY ALL";
      List<String> duckDbRows = rows(duckDbLake, all);
      assertThat(duckDbRows).as("rows of %s", table).isNotEmpty().isEqualTo(rows(sparkLake, all));
    }
  }

  private static List<String> results(RunSummary run) {
    return run.checks().stream().map(CheckResult::summary).sorted().toList();
  }

  private static List<String> rows(Path lake, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (DuckDbReader reader = DuckDbReader.open(LakeReading.open(lake.toString()).snapshots(null), DuckDbSettings.DEFAULT);
         ResultSet result = reader.query(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getString(column));
        }
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }
}
