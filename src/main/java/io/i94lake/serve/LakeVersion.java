package io.i94lake.serve;

import io.i94lake.core.LakeTable;
import io.i94lake.core.TableCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reader sees: the published snapshot id of every table the server answers from, the run that published
 * them, and when.
 */
record LakeVersion(Map<String, Long> snapshots, Instant publishedAt, String publishedBy) {
  /** The tables the API answers from; the run history is read apart (it is not published through a branch). */
  static final List<String> TABLES = TableCatalog.served().stream().map(LakeTable::name).toList();
  /**
   * The tables without which there is nothing to serve: the arrivals. A place table a run did not publish (a lake
   * published before that table existed, or a run of some tables on a new lake) is served empty.
   */
  static final List<String> REQUIRED = TableCatalog.served().stream().filter(table -> table.kind() == LakeTable.Kind.FACT)
      .map(LakeTable::name).toList();

  LakeVersion {
    snapshots = java.util.Collections.unmodifiableMap(new TreeMap<>(snapshots));
    if (!snapshots.keySet().containsAll(REQUIRED)) {
      throw new IllegalArgumentException("A lake version needs a snapshot of " + REQUIRED + ", got " + snapshots.keySet());
    }
  }

  /** The snapshot ids as text: JavaScript's numbers would round ids past 2^53 (4058685367998654409 shown as ...654500). */
  Map<String, String> snapshotIds() {
    Map<String, String> ids = new TreeMap<>();
    snapshots.forEach((table, snapshot) -> ids.put(table, String.valueOf(snapshot)));
    return ids;
  }

  long snapshot(String table) {
    return snapshots.get(table);
  }

  /** Same tables at the same snapshots (when they were published does not matter). */
  boolean sameSnapshots(LakeVersion other) {
    return other != null && snapshots.equals(other.snapshots);
  }
}
