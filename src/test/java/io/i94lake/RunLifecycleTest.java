package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.Engines;
import io.i94lake.core.FailureCategory;
import io.i94lake.core.TableCatalog;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import io.i94lake.pipeline.RunState;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.TaskRecord;
import io.i94lake.quality.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs one trusts, on one lake and in order: a failed check leaves readers on the last good data, a failed task
 * is resumed, a second writer is refused, a dead writer's lock is taken over, and main can be rolled back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLifecycleTest {
  private static Path lakeFolder;
  private static SparkLake lake;
  private static RunSummary firstRun;
  private static RunSummary resumedRun;

  @BeforeAll
  static void publishTheSample() {
    lakeFolder = Fixtures.newFolder("lifecycle-lake");
    firstRun = Fixtures.run(Fixtures.sampleRaw(), lakeFolder);
    lake = SparkLake.open(Fixtures.spark(), lakeFolder.toString());
  }

  /** What readers see: the main snapshot of every data table. */
  private static Map<String, Long> mainSnapshots() {
    return TableCatalog.publishedNames().stream().filter(lake.lake()::hasTable)
        .collect(Collectors.toMap(table -> table, table -> lake.lake().icebergTable(table).currentSnapshot().snapshotId(),
            (a, b) -> a, TreeMap::new));
  }

  @Test
  @Order(1)
  void aFailedCheckLeavesReadersOnTheLastGoodData() {
    Map<String, Long> before = mainSnapshots();

    RunSummary dirty = Fixtures.attempt(Fixtures.options(Fixtures.sampleWithUnknownPorts("unknown-ports"), lakeFolder));

    assertThat(dirty.state()).isEqualTo(RunState.FAILED);
    assertThat(dirty.failure().category()).isEqualTo(FailureCategory.CHECK_FAILED);
    CheckResult ports = dirty.failedChecks().stream().filter(check -> check.constraint().equals("port_code found in port.port_code"))
        .findFirst().orElseThrow();
    assertThat(ports.observed()).as("share of known ports in the dirty month").isEqualTo(0.0);
    assertThat(ports.threshold()).isEqualTo(">= 0.98");
    assertThat(dirty.failure().getMessage()).contains("Cannot publish run " + dirty.runId(), "port_code found in port.port_code 0 (>= 0.98)");
    assertThat(mainSnapshots()).as("main of every table").isEqualTo(before);
    assertThat(lake.read("immigration").filter("port_code = 'ZZ9'").count()).as("readers see no dirty row").isZero();
    assertThat(lake.lake().icebergTable("immigration").refs()).as("the failed run's branch is kept").containsKey(dirty.auditBranch());

    RunHistory history = new RunHistory(lake.lake());
    RunRecord recorded = history.run(dirty.runId()).orElseThrow();
    assertThat(recorded.state()).isEqualTo("FAILED");
    assertThat(recorded.failureCategory()).isEqualTo("CHECK_FAILED");
    CheckResult check = history.checks(dirty.runId()).stream()
        .filter(result -> result.constraint().equals("port_code found in port.port_code")).findFirst().orElseThrow();
    assertThat(check.observed()).isEqualTo(0.0);
    assertThat(check.passed()).isFalse();
  }

  @Test
  @Order(0)
  void eachTableIsCheckedOnceItAndTheTablesItLooksUpAreWritten() {
    Map<String, TaskRecord> tasks = firstRun.tasks().stream().collect(Collectors.toMap(TaskRecord::task, task -> task));

    TaskRecord immigrationChecks = tasks.get("check immigration");
    assertThat(immigrationChecks.state()).isEqualTo("SUCCEEDED");
    for (String writer : List.of("arrivals 2016-04", "port", "us_state")) {
      assertThat(immigrationChecks.started()).as("after " + writer).isAfterOrEqualTo(tasks.get(writer).ended());
    }
    assertThat(tasks.keySet()).as("a task per checked table").contains("check us_state", "check immigrant", "check us_weather");
    assertThat(tasks.get("publish").started()).isAfterOrEqualTo(tasks.get("check us_city").ended());
  }

  @Test
  @Order(2)
  void aFailedTaskIsResumedWithoutRepeatingWhatSucceeded() {
    // someone broke a table: its writes fail until it is repaired
    Fixtures.spark().sql("DROP TABLE " + lake.table("us_weather") + " PURGE");
    Fixtures.spark().sql("CREATE TABLE " + lake.table("us_weather") + " (city_id BIGINT, measured_on BOOLEAN) USING iceberg");

    RunSummary broken = Fixtures.attempt(Fixtures.options(Fixtures.sampleRaw(), lakeFolder));

    assertThat(broken.state()).isEqualTo(RunState.FAILED);
    Map<String, TaskRecord> tasks = broken.tasks().stream().collect(Collectors.toMap(TaskRecord::task, task -> task));
    assertThat(tasks.get("us_weather").state()).isEqualTo("FAILED");
    assertThat(tasks.get("us_weather").attempts()).as("a schema conflict is not worth another try").isEqualTo(1);
    assertThat(tasks.get("us_weather").error()).contains("measured_on: boolean -> date");
    assertThat(tasks.get("publish").state()).isEqualTo("SKIPPED");

    Fixtures.spark().sql("DROP TABLE " + lake.table("us_weather") + " PURGE");
    RunSummary resumed = new Pipeline(Engines.spark(Fixtures.spark()), message -> { }).resume(lakeFolder.toString(), broken.runId());
    resumedRun = resumed;

    assertThat(resumed.state()).as(String.valueOf(resumed.failure())).isEqualTo(RunState.SUCCEEDED);
    Map<String, String> states = resumed.tasks().stream().collect(Collectors.toMap(TaskRecord::task, TaskRecord::state));
    assertThat(states).containsEntry("us_weather", "SUCCEEDED").containsEntry("airport_weather", "SUCCEEDED")
        .containsEntry("us_state", "DONE_BEFORE").containsEntry("arrivals 2016-04", "DONE_BEFORE")
        .containsEntry("publish", "SUCCEEDED");
    assertThat(resumed.resumedFrom()).isEqualTo(broken.runId());
    assertThat(lake.read("us_weather").count()).isEqualTo(24);
    assertThat(lake.read("immigration").count()).as("the months written before the failure are published too").isEqualTo(1000);
  }

  @Test
  @Order(3)
  void aSecondWriterIsRefusedNamingTheFirst() {
    try (LakeLock held = LakeLock.acquire(lake.lake(), "20991231T000000Z-holder", Duration.ZERO)) {
      Cli cli = Cli.run("run", "--lake", lakeFolder.toString());

      assertThat(cli.exitCode()).as("exit code of COMMIT_CONFLICT").isEqualTo(6);
      assertThat(cli.err()).contains("run 20991231T000000Z-holder", "is writing the lake", "--wait");
    }
  }

  @Test
  @Order(4)
  void theLockOfADeadWriterIsTakenOverAndItsRunRecordedAsFailed() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Files.writeString(Path.of(lake.lake().warehouse()).resolve("_i94lake_run.lock"), "run=20991231T000000Z-dead\npid=" + finished.pid()
        + "\nhost=" + java.net.InetAddress.getLocalHost().getHostName() + "\nsince=" + Instant.now().minusSeconds(600) + "\n");

    RunSummary next = Fixtures.run(Fixtures.sampleRaw(), lakeFolder);

    assertThat(next.state()).isEqualTo(RunState.SUCCEEDED);
    RunRecord dead = new RunHistory(lake.lake()).run("20991231T000000Z-dead").orElseThrow();
    assertThat(dead.state()).isEqualTo("FAILED");
    assertThat(dead.error()).contains("ended before the run finished");
    assertThat(LakeLock.holder(lake.lake())).as("the lock is released after the run").isEmpty();
  }

  @Test
  @Order(5)
  void mainCanBeRolledBackToWhatARunPublishedAndTheHistoryKeepsEverything() {
    Cli refused = Cli.run("rollback", "--lake", lakeFolder.toString(), "--to", firstRun.runId());
    assertThat(refused.err()).as("us_weather of the first run was dropped in between")
        .contains("table us_weather no longer has snapshot", "nothing was changed");

    Cli rollback = Cli.run("rollback", "--lake", lakeFolder.toString(), "--to", resumedRun.runId());

    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(mainSnapshots()).containsAllEntriesOf(resumedRun.published());
    List<String> triggers = new RunHistory(lake.lake()).runs().stream().map(RunRecord::trigger).toList();
    assertThat(triggers.get(0)).as("the newest run").isEqualTo("rollback");
    assertThat(triggers).as("the first, the dirty, the broken, the resume, the dead, the one after it, the rollback")
        .containsExactlyInAnyOrder("manual", "manual", "manual", "resume", "manual", "manual", "rollback");
    Cli runs = Cli.run("runs", "--lake", lakeFolder.toString(), "--format", "csv");
    assertThat(runs.out()).contains(firstRun.runId(), "CHECK_FAILED", "rollback to " + resumedRun.runId());
  }

  @Test
  @Order(6)
  void checkReportsEveryObservedValueOfThePublishedLakeAlikeOnEitherEngine() {
    Cli check = Cli.run("check", "--lake", lakeFolder.toString());
    Cli onSpark = Cli.run("check", "--lake", lakeFolder.toString(), "--engine", "spark");

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("ok     ERROR   immigration", "cicid duplicates is 0, as required: <= 0",
        "port_code found in port.port_code is 1, as required: >= 0.98", "main is the published snapshot");
    assertThat(onSpark.exitCode()).as(onSpark.out() + onSpark.err()).isZero();
    assertThat(check.out()).as("DuckDB's checks against Spark's").isEqualTo(onSpark.out());
  }
}
