package io.i94lake.lake;

import org.apache.iceberg.Table;

/** Rewrites the small files of a table's {@code main} into fewer, as a new snapshot with the same rows. */
public interface Compaction {
  /** @return the new snapshot of {@code main} */
  long compact(Table table);
}
