package io.i94lake.serve;

import io.i94lake.engine.LakeReading;
import io.i94lake.lake.PublishedRun;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the server on the lake's published run: at most once per interval, a request re-reads the published-run
 * pointer (one small table) and, when it names other snapshots, loads the new version before answering; the old
 * version closes once the requests answering from it are done. A failed run never moves the pointer, so it changes
 * nothing here.
 */
final class LakeWatcher implements AutoCloseable {
  private final LakeReading lake;
  private final long intervalNanos;
  private volatile ServedLake current;
  private volatile long checkedAt;
  private RunStatus runStatus;
  private boolean closed;

  LakeWatcher(LakeReading lake, Duration interval) {
    this.lake = lake;
    this.intervalNanos = interval.toNanos();
    current = ServedLake.load(lake, readVersion());
    checkedAt = System.nanoTime();
  }

  /** The newest published version (checked at most once per interval), held for a request: release it when done. */
  ServedLake hold() {
    refreshWhenDue();
    while (true) {
      ServedLake lake = current;
      if (lake.hold()) {
        return lake;
      }
      if (lake == current) {
        throw new IllegalStateException("The server is stopping: it no longer answers from the lake");
      }
      // replaced and closed between reading and holding it: the newer one is current now
    }
  }

  private void refreshWhenDue() {
    if (System.nanoTime() - checkedAt < intervalNanos) {
      return;
    }
    synchronized (this) {
      if (System.nanoTime() - checkedAt < intervalNanos) {
        return;
      }
      try {
        LakeVersion version = readVersion();
        if (!version.sameSnapshots(current.version)) {
          ServedLake replaced = current;
          current = ServedLake.load(lake, version);
          replaced.release();
        }
      } catch (RuntimeException e) {
        // the lake could not be read now (a file moved away, a full disk): go on answering from the last version
        System.err.println("i94lake serve: cannot look for a new snapshot, still answering from immigration snapshot "
            + current.version.snapshot("immigration") + ": " + e);
      }
      checkedAt = System.nanoTime();
    }
  }

  /** The last runs and their checks, read again when the run history changed. */
  synchronized RunStatus runStatus() {
    RunStatus.Snapshots snapshots = RunStatus.Snapshots.of(lake);
    if (runStatus == null || !runStatus.snapshots().equals(snapshots)) {
      runStatus = RunStatus.read(lake, snapshots);
    }
    return runStatus;
  }

  /** Stops serving: the current version closes once its last request is answered. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      current.release();
    }
  }

  // what the published-run pointer names now
  private LakeVersion readVersion() {
    PublishedRun published = lake.published().orElseThrow(() -> new IllegalArgumentException("Cannot serve the lake at "
        + lake.warehouse() + ": no run has published it yet; load it first with `i94lake run --lake " + lake.warehouse() + "`"));
    Map<String, Long> snapshots = new HashMap<>();
    for (String table : LakeVersion.TABLES) {
      if (!published.has(table) && !LakeVersion.REQUIRED.contains(table)) {
        continue;
      }
      if (!published.has(table)) {
        throw new IllegalArgumentException("Cannot serve the lake at " + lake.warehouse() + ": run " + published.runId()
            + " published no table " + table + "; load it with `i94lake run --lake " + lake.warehouse() + "`");
      }
      snapshots.put(table, published.snapshot(table));
    }
    return new LakeVersion(snapshots, published.publishedAt(), published.runId());
  }
}
