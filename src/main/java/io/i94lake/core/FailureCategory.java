package io.i94lake.core;

/**
 * Why a run failed. The same category names the exit code, the log line and (later) the alert subject.
 */
public enum FailureCategory {
  SOURCE_MISSING(3),
  SOURCE_MALFORMED(4),
  CHECK_FAILED(5),
  COMMIT_CONFLICT(6),
  WRITE_FAILED(7);

  private final int exitCode;

  FailureCategory(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
