package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What one commit did to one lake table. */
public record TableWrite(String table, long rowsWritten, long snapshotId, Duration elapsed) {
  public TableWrite {
    requireNonNull(table, "table is null");
    requireNonNull(elapsed, "elapsed is null");
    if (rowsWritten < 0) {
      throw new IllegalArgumentException("Rows written is negative for table " + table + ": " + rowsWritten);
    }
  }
}
