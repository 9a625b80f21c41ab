package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.SparkLake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code i94lake schedule} on the bundled sample, on one lake and in order: a cron firing every two seconds runs one
 * run at a time (a run lasts longer: the firings meanwhile are skipped) and stops after --max-runs; a firing missed
 * while no schedule ran runs once at start-up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleTest {
  private static Path lakeFolder;

  @BeforeAll
  static void newLake() {
    lakeFolder = Fixtures.newFolder("schedule-lake");
  }

  private static List<RunRecord> scheduledRuns() {
    return new RunHistory(SparkLake.open(Fixtures.spark(), lakeFolder.toString()).lake()).runs().stream()
        .filter(run -> run.trigger().equals("schedule")).sorted(Comparator.comparing(RunRecord::startedAt)).toList();
  }

  @Test
  @Order(1)
  void aFrequentScheduleNeverOverlapsRunsAndStopsAfterMaxRuns() {
    Cli cli = Cli.run("schedule", "--cron", "*/2 * * * * ?", "--zone", "UTC", "--max-runs", "2", "--stop-after", "30m",
        "--lake", lakeFolder.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).doesNotContain("missed")
        .contains("firing of ", ": starting a run", "skipped the firing of ", "is still going",
            "stopping the schedule: 2 runs done (--max-runs 2)", "2 runs, 2 published, 0 failed");
    assertThat(cli.out()).as("maintain after each published run").contains("maintain: expired", "maintain: removed",
        "kept those of the last 2 published runs");
    List<RunRecord> runs = scheduledRuns();
    assertThat(runs).hasSize(2);
    Instant firstEnded = runs.get(0).endedAt();
    Instant secondStarted = runs.get(1).startedAt();
    assertThat(secondStarted).as("the second run starts after the first ended").isAfterOrEqualTo(firstEnded);
    assertThat(runs).extracting(run -> run.state()).containsOnly("SUCCEEDED");
    assertThat(LakeLock.holder(SparkLake.open(Fixtures.spark(), lakeFolder.toString()).lake())).as("no run left behind").isEmpty();
  }

  @Test
  @Order(2)
  void aFiringMissedWhileNoScheduleRanRunsOnceAtStartUp() throws InterruptedException {
    // a daily firing a second ago, at least two seconds after the last scheduled run ended; the next one is tomorrow
    List<RunRecord> before = scheduledRuns();
    Instant lastEnded = before.get(before.size() - 1).endedAt();
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastEnded.plusSeconds(3)).toMillis()));
    ZonedDateTime missed = ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    String daily = missed.getSecond() + " " + missed.getMinute() + " " + missed.getHour() + " * * ?";

    Cli catchUp = Cli.run("schedule", "--cron", daily, "--zone", "UTC", "--max-runs", "1", "--stop-after", "5m",
        "--lake", lakeFolder.toString());

    assertThat(catchUp.exitCode()).as(catchUp.err()).isZero();
    assertThat(catchUp.out()).contains("was missed while no schedule was running: running it now", "missed firing of ",
        "1 run, 1 published");
    assertThat(scheduledRuns()).hasSize(3);

    Cli again = Cli.run("schedule", "--cron", daily, "--zone", "UTC", "--stop-after", "2s", "--lake", lakeFolder.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).as("that firing has run now").doesNotContain("missed").contains("--stop-after 2s elapsed", "0 runs");
    assertThat(scheduledRuns()).hasSize(3);
  }
}
