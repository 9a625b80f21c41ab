package io.i94lake.serve;

import io.i94lake.lake.Lake;
import io.i94lake.pipeline.RunHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Keeps the server on the lake's {@code main}: at most once per interval, a request re-reads the tables'
 * metadata (Iceberg {@link Table#refresh()}: a small file per table) and, when a snapshot moved, loads the new
 * version before answering. A failed run never moves {@code main}, so it changes nothing here.
 */
final class LakeWatcher {
  private final Lake lake;
  private final long intervalNanos;
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private volatile ServedLake current;
  private volatile long checkedAt;
  private RunStatus runStatus;

  LakeWatcher(Lake lake, Duration interval) {
    this.lake = lake;
    this.intervalNanos = interval.toNanos();
    for (String table : LakeVersion.TABLES) {
      if (!lake.hasTable(table)) {
        throw new IllegalArgumentException("Cannot serve the lake at " + lake.warehouse() + ": it has no table " + table
            + "; load it first with `i94lake run --lake " + lake.warehouse() + "`");
      }
      tables.put(table, lake.icebergTable(table));
    }
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
    if (lake.hasTable(RunHistory.RUNS)) {
      Table runs = lake.icebergTable(RunHistory.RUNS);
      snapshot = runs.currentSnapshot() == null ? -1 : runs.currentSnapshot().snapshotId();
    }
    if (runStatus == null || runStatus.runsSnapshot() != snapshot) {
      runStatus = RunStatus.read(lake, snapshot);
    }
    return runStatus;
  }

  private LakeVersion readVersion() {
    Map<String, Long> snapshots = new HashMap<>();
    Instant publishedAt = Instant.EPOCH;
    for (Map.Entry<String, Table> entry : tables.entrySet()) {
      Table table = entry.getValue();
      table.refresh();
      Snapshot snapshot = table.currentSnapshot();
      if (snapshot == null) {
        throw new IllegalStateException("Cannot serve table " + entry.getKey() + ": it has no published snapshot yet");
      }
      snapshots.put(entry.getKey(), snapshot.snapshotId());
      for (HistoryEntry moved : table.history()) {
        if (moved.snapshotId() == snapshot.snapshotId() && moved.timestampMillis() > publishedAt.toEpochMilli()) {
          publishedAt = Instant.ofEpochMilli(moved.timestampMillis());
        }
      }
    }
    return new LakeVersion(snapshots, publishedAt);
  }
}
