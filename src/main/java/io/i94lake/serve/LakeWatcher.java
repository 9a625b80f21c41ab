package io.i94lake.serve;

import io.i94lake.engine.SparkLake;
import io.i94lake.lake.PublishedRun;
import io.i94lake.pipeline.RunHistory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.Table;

/**
 * Keeps the server on the lake's published run: at most once per interval, a request re-reads the published-run
 * pointer (one small table) and, when it names other snapshots, loads the new version before answering. A failed
 * run never moves the pointer, so it changes nothing here.
 */
final class LakeWatcher {
  private final SparkLake lake;
  private final long intervalNanos;
  private volatile ServedLake current;
  private volatile long checkedAt;
  private RunStatus runStatus;

  LakeWatcher(SparkLake lake, Duration interval) {
    this.lake = lake;
    this.intervalNanos = interval.toNanos();
    LakeVersion version = readVersion();
    current = ServedLake.load(lake, version);
    checkedAt = System.nanoTime();
  }

  /** What to answer from now: the newest published version, checked at most once per interval. */
  ServedLake current() {
    if (System.nanoTime() - checkedAt >= intervalNanos) {
      synchronized (this) {
        if (System.nanoTime() - checkedAt >= intervalNanos) {
          try {
            LakeVersion version = readVersion();
            if (!version.sameSnapshots(current.version)) {
              current = ServedLake.load(lake, version);
            }
          } catch (RuntimeException e) {
            // the lake could not be read now (a file moved away, a full disk): go on answering from the last version
            System.err.println("i94lake serve: cannot look for a new snapshot, still answering from immigration snapshot "
                + current.version.snapshot("immigration") + ": " + e);
          }
          checkedAt = System.nanoTime();
        }
      }
    }
    return current;
  }

  /** The last runs and their checks, read again when the run history changed. */
  synchronized RunStatus runStatus() {
    long snapshot = -1;
    if (lake.lake().hasTable(RunHistory.RUNS)) {
      Table runs = lake.lake().icebergTable(RunHistory.RUNS);
      snapshot = runs.currentSnapshot() == null ? -1 : runs.currentSnapshot().snapshotId();
    }
    if (runStatus == null || runStatus.runsSnapshot() != snapshot) {
      runStatus = RunStatus.read(lake, snapshot);
    }
    return runStatus;
  }

  // what the published-run pointer names now
  private LakeVersion readVersion() {
    PublishedRun published = lake.lake().published().orElseThrow(() -> new IllegalArgumentException("Cannot serve the lake at "
        + lake.lake().warehouse() + ": no run has published it yet; load it first with `i94lake run --lake " + lake.lake().warehouse() + "`"));
    Map<String, Long> snapshots = new HashMap<>();
    for (String table : LakeVersion.TABLES) {
      if (!published.has(table)) {
        throw new IllegalArgumentException("Cannot serve the lake at " + lake.lake().warehouse() + ": run " + published.runId()
            + " published no table " + table + "; load it with `i94lake run --lake " + lake.lake().warehouse() + "`");
      }
      snapshots.put(table, published.snapshot(table));
    }
    return new LakeVersion(snapshots, published.publishedAt(), published.runId());
  }
}
