package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.DuckDbSettings;
import io.i94lake.engine.Engines;
import io.i94lake.lake.Lake;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunState;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.TaskRecord;
import io.i94lake.quality.CheckResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A run of some tables ({@code run --tables}) on a lake published from the sample: it writes, checks and publishes
 * those tables only, the pointer keeps every other table where it was, and the history says which tables it covered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableSubsetRunTest {
  private static Path folder;
  private static Lake lake;

  @BeforeAll
  static void publishTheSample() {
    folder = Fixtures.newFolder("table-subset-lake");
    Fixtures.run(Fixtures.sampleRaw(), folder);
    lake = Engines.duckdb(null, new Configuration(), DuckDbSettings.DEFAULT).open(folder.toString());
  }

  // every snapshot of every table, so that a snapshot written but not published shows too
  private static Map<String, List<Long>> allSnapshots() {
    Map<String, List<Long>> snapshots = new TreeMap<>();
    for (String table : lake.tableNames()) {
      List<Long> ids = new java.util.ArrayList<>();
      lake.icebergTable(table).snapshots().forEach(snapshot -> ids.add(snapshot.snapshotId()));
      snapshots.put(table, ids);
    }
    return snapshots;
  }

  private static Map<String, Long> publishedSnapshots() {
    return new TreeMap<>(lake.published().orElseThrow().snapshots());
  }

  @Test
  @Order(1)
  void anUnknownTableIsAUsageErrorNamingItAndTheTablesAndTheLakeIsUntouched() {
    Map<String, List<Long>> before = allSnapshots();
    int runs = new RunHistory(lake).runs().size();

    Cli cli = Cli.run("run", "--lake", folder.toString(), "--tables", "us_state,us_states");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
    assertThat(cli.err()).contains("Cannot run table us_states: a run writes no such table; its tables: us_state, country, port,");
    assertThat(allSnapshots()).as("every snapshot of every table").isEqualTo(before);
    assertThat(new RunHistory(lake).runs()).as("runs recorded").hasSize(runs);
  }

  @Test
  @Order(2)
  void aRunOfOneTableWritesChecksAndPublishesOnlyThatTable() {
    Map<String, Long> published = publishedSnapshots();
    Map<String, List<Long>> before = allSnapshots();

    RunSummary run = Fixtures.run(Fixtures.options(Fixtures.sampleRaw(), folder).withTables(List.of("us_state")));

    Map<String, Long> after = publishedSnapshots();
    assertThat(after.keySet()).isEqualTo(published.keySet());
    assertThat(after.get("us_state")).as("us_state's published snapshot").isNotEqualTo(published.get("us_state"))
        .isEqualTo(run.published().get("us_state"));
    published.keySet().stream().filter(table -> !table.equals("us_state")).forEach(table ->
        assertThat(after.get(table)).as("published snapshot of %s", table).isEqualTo(published.get(table)));
    Map<String, List<Long>> snapshots = allSnapshots();
    before.keySet().stream().filter(table -> !List.of("us_state", "published", "runs", "run_tasks", "run_checks").contains(table))
        .forEach(table -> assertThat(snapshots.get(table)).as("snapshots of %s", table).isEqualTo(before.get(table)));
    assertThat(run.published()).containsOnlyKeys("us_state");
    assertThat(run.tables()).extracting(table -> table.write().table()).containsExactly("us_state");
    assertThat(run.checks()).isNotEmpty().extracting(CheckResult::table).containsOnly("us_state");
    assertThat(run.tasks()).extracting(TaskRecord::task)
        .containsExactlyInAnyOrder("read state_labels", "read demographics", "us_state", "check us_state", "checks", "publish");
    assertThat(new RunHistory(lake).run(run.runId()).orElseThrow().tables()).isEqualTo("us_state");
  }

  @Test
  @Order(3)
  void aResumedRunCoversTheTablesOfTheRunItResumes() {
    // someone broke us_weather: its write fails until it is repaired
    TableIdentifier weather = TableIdentifier.of(Lake.NAMESPACE, "us_weather");
    lake.icebergCatalog().dropTable(weather, true);
    lake.icebergCatalog().createTable(weather, new Schema(Types.NestedField.optional(1, "city_id", Types.LongType.get()),
        Types.NestedField.optional(2, "measured_on", Types.BooleanType.get())), PartitionSpec.unpartitioned());
    Pipeline pipeline = new Pipeline(Engines.duckdb(null, new Configuration(), DuckDbSettings.DEFAULT), message -> { });

    RunSummary broken = pipeline.run(Fixtures.options(Fixtures.sampleRaw(), folder).withTables(List.of("us_city", "us_weather")));
    lake.icebergCatalog().dropTable(weather, true);
    RunSummary resumed = pipeline.resume(folder.toString(), broken.runId());

    assertThat(broken.state()).isEqualTo(RunState.FAILED);
    assertThat(resumed.state()).as(String.valueOf(resumed.failure())).isEqualTo(RunState.SUCCEEDED);
    assertThat(resumed.options().tables()).containsExactly("us_weather", "us_city");
    assertThat(resumed.published()).containsOnlyKeys("us_weather", "us_city");
    RunHistory history = new RunHistory(lake);
    assertThat(history.run(broken.runId()).orElseThrow().tables()).isEqualTo("us_weather,us_city");
    assertThat(history.run(resumed.runId()).orElseThrow().tables()).isEqualTo("us_weather,us_city");
  }
}
