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
}
