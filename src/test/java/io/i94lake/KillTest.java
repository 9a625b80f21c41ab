package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.core.TableCatalog;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.PublishedRun;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.PublishedChecks;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import io.i94lake.quality.CheckResult;
import io.i94lake.quality.LakeChecks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs killed with SIGKILL while writing and at each step of their publish: readers see the run published before or
 * the killed run whole, never a mix; the next command puts {@code main} right and records the dead run; and
 * {@code maintain} then leaves only files the kept runs reach.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillTest {
  // the publish pauses this long before its pointer commit, after it, and after each table's main moved
  private static final String PAUSE_MILLIS = "2500";
  private static Path folder;
  private static SparkLake lake;

  @BeforeAll
  static void firstRun() {
    folder = Fixtures.newFolder("kill-lake");
    Fixtures.run(Fixtures.sampleRaw(), folder);
    lake = SparkLake.open(Fixtures.spark(), folder.toString());
  }

  private static Map<String, Long> mainSnapshots() {
    return lake.lake().mainSnapshots(TableCatalog.publishedNames());
  }

  /** Starts `run` in a child JVM and kills it with SIGKILL when its output has shown {@code marker} {@code times} times. */
  private static String runKilledAt(String marker, int times) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Fixtures.home().resolve("config/jvm.args"),
        "-Di94lake.home=" + Fixtures.home(), "-Di94lake.test.publish-pause-millis=" + PAUSE_MILLIS,
        "-cp", System.getProperty("java.class.path"),
        "io.i94lake.cli.Main", "run", "--lake", folder.toString(), "--raw", Fixtures.sampleRaw().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process child = builder.start();
    int seen = 0;
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.contains(marker) && ++seen == times) {
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).as("the child's output:\n%s", output).isEqualTo(times);
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    return LakeLock.holder(lake.lake()).orElseThrow().runId();
  }

  private static RunRecord historyOf(String runId) {
    return new RunHistory(lake.lake()).run(runId).orElseThrow(() -> new AssertionError("run " + runId + " is not in the history"));
  }

  // what a reader of ours sees: arrivals and arrival people of one run
  private static void assertReadersSeeOneWholeRun() {
    Cli orphans = Cli.run("sql", "--lake", folder.toString(), "--format", "csv",
        "SELECT (SELECT count(*) FROM immigrant WHERE cicid NOT IN (SELECT cicid FROM immigration)) AS orphans,"
            + " (SELECT count(*) FROM immigration) AS arrivals");
    assertThat(orphans.out()).as(orphans.err()).isEqualTo("orphans,arrivals\n0,1000\n");
  }

  @Test
  @Order(1)
  void aRunKilledWhileWritingChangesNothingReadersSee() throws Exception {
    PublishedRun before = lake.lake().published().orElseThrow();
    Map<String, Long> mainsBefore = mainSnapshots();

    String killed = runKilledAt("wrote ", 1);

    assertThat(lake.lake().published()).as("the published run").contains(before);
    assertThat(mainSnapshots()).as("main of every table").isEqualTo(mainsBefore);
    Cli runs = Cli.run("runs", "--lake", folder.toString());
    assertThat(runs.err()).contains("took over the lock of run " + killed, "recorded it as failed");
    assertThat(runs.out()).doesNotContain("now running");
    assertThat(historyOf(killed).state()).isEqualTo("FAILED");
    assertReadersSeeOneWholeRun();
  }

  @Test
  @Order(2)
  void aRunKilledJustBeforeItsPublishLeavesThePublishedRun() throws Exception {
    PublishedRun before = lake.lake().published().orElseThrow();
    Map<String, Long> mainsBefore = mainSnapshots();

    String killed = runKilledAt("publish step", 1);

    assertThat(lake.lake().published()).as("the published run").contains(before);
    assertThat(mainSnapshots()).isEqualTo(mainsBefore);
    Cli check = Cli.run("check", "--lake", folder.toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.err()).contains("took over the lock of run " + killed);
    assertThat(historyOf(killed).error()).contains("nothing of it was published");
  }

  @Test
  @Order(3)
  void aRunKilledWhileMainMovesIsPublishedWholeAndMainIsRepaired() throws Exception {
    PublishedRun before = lake.lake().published().orElseThrow();

    // the pause before the pointer commit, the one after it, the one after the first table's main moved
    String killed = runKilledAt("publish step", 3);

    PublishedRun published = lake.lake().published().orElseThrow();
    assertThat(published.runId()).as("the pointer names the killed run").isEqualTo(killed);
    assertThat(published.snapshots().keySet()).isEqualTo(before.snapshots().keySet());
    assertThat(published.snapshots()).as("every table of the new run, none of the old")
        .allSatisfy((table, snapshot) -> assertThat(snapshot).isNotEqualTo(before.snapshot(table)));
    Map<String, Long> behind = lake.lake().mainsOutOfStep();
    assertThat(behind).as("main of the tables not moved yet").isNotEmpty().hasSizeLessThan(published.snapshots().size());
    List<CheckResult> disagreeing = PublishedChecks.run(lake, LakeChecks.DEFAULTS).stream()
        .filter(result -> result.constraint().equals("main is the published snapshot") && !result.passed()).toList();
    assertThat(disagreeing).as("check finds main out of step").extracting(CheckResult::table)
        .containsExactlyInAnyOrderElementsOf(behind.keySet());
    assertThat(lake.readPublished("immigrant").join(lake.readPublished("immigration"), "cicid").count())
        .as("arrival people with their arrival, read through the pointer before main is repaired").isEqualTo(1000);

    Cli runs = Cli.run("runs", "--lake", folder.toString());

    assertThat(runs.err()).contains("moved main of", "to the published run " + killed);
    assertThat(lake.lake().mainsOutOfStep()).as("main of every table repaired").isEmpty();
    assertThat(mainSnapshots()).isEqualTo(published.snapshots());
    RunRecord record = historyOf(killed);
    assertThat(record.state()).as("it did publish").isEqualTo("SUCCEEDED");
    assertThat(RunHistory.snapshots(record.publishedSnapshots())).isEqualTo(published.snapshots());
  }

  @Test
  @Order(4)
  void maintainLeavesOnlyReachableFilesAndTheKeptRunsReadable() throws Exception {
    Fixtures.run(Fixtures.sampleRaw(), folder);
    List<PublishedRun> publishes = lake.lake().pointer().history();
    assertThat(publishes).hasSizeGreaterThanOrEqualTo(3);
    PublishedRun oldestKept = publishes.get(1);
    Set<Path> filesBefore = lakeFiles();

    Cli dryRun = Cli.run("maintain", "--lake", folder.toString(), "--dry-run", "--keep-runs", "2", "--orphan-age", "0s",
        "--resume-window", "0s");
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out()).contains("would expire", "would remove", "would drop");
    assertThat(lakeFiles()).as("a dry run changes nothing").isEqualTo(filesBefore);

    Cli maintain = Cli.run("maintain", "--lake", folder.toString(), "--keep-runs", "2", "--orphan-age", "0s",
        "--resume-window", "0s");

    assertThat(maintain.exitCode()).as(maintain.err()).isZero();
    assertThat(maintain.out()).contains("expired", "removed", "oldest kept: " + oldestKept.runId());
    assertThat(lakeFiles().size()).as("files in the lake").isLessThan(filesBefore.size());
    assertThat(lakeFiles()).as("every file on disk is reached by a snapshot kept").isEqualTo(reachableFiles());
    for (String table : lake.lake().tableNames()) {
      assertThat(lake.lake().icebergTable(table).refs().keySet()).as("branches of %s", table).containsOnly("main");
    }

    Cli rollback = Cli.run("rollback", "--lake", folder.toString(), "--to", oldestKept.runId());
    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(lake.lake().published().orElseThrow().snapshots()).isEqualTo(oldestKept.snapshots());
    for (String table : oldestKept.snapshots().keySet()) {
      Cli count = Cli.run("sql", "--lake", folder.toString(), "--format", "csv", "SELECT count(*) AS n FROM " + table);
      assertThat(count.exitCode()).as("reading %s of the oldest kept run: %s", table, count.err()).isZero();
    }
    assertReadersSeeOneWholeRun();
    Cli tooOld = Cli.run("rollback", "--lake", folder.toString(), "--to", publishes.get(publishes.size() - 1).runId());
    assertThat(tooOld.exitCode()).isEqualTo(1);
    assertThat(tooOld.err()).contains("no longer has snapshot", "nothing was changed");
  }

  // the files of the lake's tables (Hadoop's .crc checksums of local files left out)
  private static Set<Path> lakeFiles() throws Exception {
    try (Stream<Path> files = Files.walk(folder.resolve(Lake.NAMESPACE))) {
      return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".crc"))
          .collect(Collectors.toCollection(HashSet::new));
    }
  }

  // what Iceberg's own metadata tables say every snapshot, manifest and metadata file of each table reaches
  private static Set<Path> reachableFiles() {
    Set<Path> reachable = new HashSet<>();
    for (String table : lake.lake().tableNames()) {
      String name = lake.table(table);
      for (String query : List.of("SELECT file_path FROM " + name + ".all_files", "SELECT path FROM " + name + ".all_manifests",
          "SELECT manifest_list FROM " + name + ".snapshots", "SELECT file FROM " + name + ".metadata_log_entries")) {
        Fixtures.spark().sql(query).as(Encoders.STRING()).collectAsList()
            .forEach(location -> reachable.add(Path.of(location.replaceFirst("^file:/+", "/"))));
      }
      reachable.add(Path.of(lake.lake().icebergTable(table).location().replaceFirst("^file:/+", "/"), "metadata", "version-hint.text"));
    }
    return reachable;
  }
}
