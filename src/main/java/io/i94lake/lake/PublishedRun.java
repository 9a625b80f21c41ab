package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What readers see: the run published last and the snapshot of every lake table it set, as one atomic record
 * ({@link PublishedPointer}).
 *
 * @param pointerSnapshot the snapshot of the pointer table that holds this record
 */
public record PublishedRun(String runId, Instant publishedAt, Map<String, Long> snapshots, long pointerSnapshot) {
  public PublishedRun {
    requireNonNull(runId, "runId is null");
    requireNonNull(publishedAt, "publishedAt is null");
    snapshots = Collections.unmodifiableMap(new TreeMap<>(snapshots));
  }

  /** The table's published snapshot. */
  public long snapshot(String table) {
    Long snapshot = snapshots.get(table);
    if (snapshot == null) {
      throw new IllegalArgumentException("Run " + runId + " published no table " + table + " (it published " + snapshots.keySet() + ")");
    }
    return snapshot;
  }

  public boolean has(String table) {
    return snapshots.containsKey(table);
  }
}
