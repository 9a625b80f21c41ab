package io.i94lake.pipeline;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Moves {@code main} of the lake's tables back to what a run published, or to what they were at a time. Recorded
 * in the run history as a run of its own, so readers and the history agree on what is served.
 */
public final class Rollback {
  private final Lake lake;
  private final RunHistory history;

  public Rollback(Lake lake) {
    this.lake = lake;
    this.history = new RunHistory(lake);
  }

  /**
   * @param target a run id, or a time (ISO instant {@code 2026-11-25T17:00:00Z}, or a local date-time taken as UTC)
   * @return the snapshot each table was moved to
   */
  public Map<String, Long> to(String target) {
    Instant started = Instant.now();
    String runId = RunId.next(started);
    try (LakeLock lock = LakeLock.acquire(lake, runId, Duration.ZERO)) {
      Map<String, Long> snapshots = snapshotsOf(target);
      snapshots.forEach((table, snapshot) -> {
        if (!lake.hasTable(table) || lake.icebergTable(table).snapshot(snapshot) == null) {
          throw new IllegalArgumentException("Cannot roll back to " + target + ": table " + table + " no longer has snapshot "
              + snapshot + " (the table was dropped or its snapshots expired); nothing was changed");
        }
      });
      snapshots.forEach(lake::setMain);
      RunOptions options = RunOptions.of(lake.warehouse(), "").withTrigger(Trigger.ROLLBACK);
      history.record(new RunSummary(runId, Trigger.ROLLBACK, RunState.SUCCEEDED, options, List.of(), List.of(), List.of(),
          List.of(), List.of(), null, snapshots, null, null, started, Duration.between(started, Instant.now())), "rollback to " + target);
      return snapshots;
    }
  }

  private Map<String, Long> snapshotsOf(String target) {
    Row run = history.run(target).orElse(null);
    if (run != null) {
      String published = run.getAs("published_snapshots");
      if (published == null) {
        throw new IllegalArgumentException("Cannot roll back to run " + target + ": it published nothing (it "
            + run.<String>getAs("state").toLowerCase() + ")");
      }
      return RunHistory.snapshots(published);
    }
    Instant time = time(target);
    Map<String, Long> snapshots = new TreeMap<>();
    for (String table : lake.tableNames()) {
      if (!RunHistory.TABLES.contains(table)) {
        OptionalLong snapshot = lake.mainSnapshotAt(table, time);
        snapshot.ifPresent(id -> snapshots.put(table, id));
      }
    }
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("Cannot roll back to " + target + ": no table had data then");
    }
    return snapshots;
  }

  /** An ISO instant, or a local date-time taken as UTC. */
  public static Instant time(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        throw new IllegalArgumentException("'" + text + "' is neither a run id of this lake nor a time such as "
            + "2026-11-25T17:00:00Z or 2026-11-25 17:00:00 (UTC)");
      }
    }
  }
}
