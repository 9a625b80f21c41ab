package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One task of a run as the history keeps it.
 *
 * @param state SUCCEEDED, FAILED, SKIPPED (not started after another task failed) or DONE_BEFORE (a resumed run
 *     did not repeat it)
 * @param error the failure's message, null when none
 */
public record TaskRecord(String task, String state, int attempts, Instant started, Instant ended, long rowsIn,
                         long rowsOut, long rowsRejected, String error) {
  public TaskRecord {
    requireNonNull(task, "task is null");
    requireNonNull(state, "state is null");
  }
}
