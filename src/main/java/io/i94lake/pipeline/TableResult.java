package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import io.i94lake.lake.TableWrite;

/**
 * A table a run wrote, with the rows of its source that could not become its rows.
 *
 * @param source the source whose rejected rows are counted here, null for tables built from other tables
 */
public record TableResult(TableWrite write, String source, long rowsRejected) {
  public TableResult {
    requireNonNull(write, "write is null");
  }

  /** Two writes of the same table in one run (two months) as one. */
  public TableResult plus(TableResult other) {
    TableWrite both = new TableWrite(write.table(), write.rowsWritten() + other.write.rowsWritten(),
        other.write.snapshotId(), write.elapsed().plus(other.write.elapsed()));
    return new TableResult(both, source != null ? source : other.source, rowsRejected + other.rowsRejected);
  }
}
