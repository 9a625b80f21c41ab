package io.i94lake.pipeline;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.PublishedRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Points readers back at what a run published, or at what was published at a time: a publish of its own, through
 * the published-run pointer, recorded in the run history as a run, so readers and the history agree.
 */
public final class Rollback {
  private final Lake lake;
  private final Consumer<String> progress;

  public Rollback(Lake lake, Consumer<String> progress) {
    this.lake = lake;
    this.progress = progress;
  }

  /**
   * What a rollback did.
   *
   * @param snapshots the snapshot readers see now of each table
   * @param changed false when readers saw that already (nothing was published, nothing recorded)
   */
  public record Outcome(String runId, Map<String, Long> snapshots, boolean changed) {}

  /** @param target a run id, or a time (ISO instant {@code 2026-11-25T17:00:00Z}, or a local date-time taken as UTC) */
  public Outcome to(String target) {
    Instant started = Instant.now();
    String runId = RunId.next(started);
    try (LakeLock lock = LakeRecovery.lockForWriting(lake, runId, Duration.ZERO, progress)) {
      Map<String, Long> snapshots = TimeTravel.publishedAsOf(lake, target);
      snapshots.forEach((table, snapshot) -> {
        if (!lake.hasTable(table) || lake.icebergTable(table).snapshot(snapshot) == null) {
          throw new IllegalArgumentException("Cannot roll back to " + target + ": table " + table + " no longer has snapshot "
              + snapshot + " (the table was dropped or its snapshots expired); nothing was changed");
        }
      });
      Optional<PublishedRun> current = lake.published();
      if (current.isPresent() && current.get().snapshots().equals(snapshots)) {
        return new Outcome(current.get().runId(), snapshots, false);
      }
      lake.publish(runId, snapshots, null);
      RunOptions options = RunOptions.of(lake.warehouse(), "").withTrigger(Trigger.ROLLBACK);
      new RunHistory(lake).record(new RunSummary(runId, Trigger.ROLLBACK, RunState.SUCCEEDED, options, List.of(), List.of(),
          List.of(), List.of(), List.of(), null, snapshots, null, null, started, Duration.between(started, Instant.now())),
          "rollback to " + target);
      return new Outcome(runId, snapshots, true);
    }
  }
}
