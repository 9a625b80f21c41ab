package io.i94lake.schedule;

import static java.util.Objects.requireNonNull;

import io.i94lake.pipeline.RunHistory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What readers see: the last run that published (or rolled back), when, and the {@code main} snapshot of each table it set.
 */
public record PublishedRun(String runId, String trigger, Instant publishedAt, Map<String, Long> snapshots) {
  public PublishedRun {
    requireNonNull(runId, "runId is null");
    requireNonNull(publishedAt, "publishedAt is null");
    snapshots = new TreeMap<>(snapshots);
  }

  /** The last published run in a lake's history, if any run ever published. */
  public static Optional<PublishedRun> last(RunHistory history) {
    return history.lastPublished().map(PublishedRun::of);
  }

  static PublishedRun of(Row run) {
    return new PublishedRun(run.getAs("run_id"), run.getAs("trigger"), run.getAs("ended_at"),
        RunHistory.snapshots(run.getAs("published_snapshots")));
  }
}
