package io.i94lake.core;

import static java.util.Objects.requireNonNull;

/** A failure the user can act on: its message says what was done, why it failed and with which value. */
public class PipelineException extends RuntimeException {
  private final FailureCategory category;

  public PipelineException(FailureCategory category, String message) {
    this(category, message, null);
  }

  public PipelineException(FailureCategory category, String message, Throwable cause) {
    super(message, cause);
    this.category = requireNonNull(category, "category is null");
  }

  public FailureCategory category() {
    return category;
  }

  public static PipelineException sourceMissing(String format, Object... args) {
    return new PipelineException(FailureCategory.SOURCE_MISSING, String.format(format, args));
  }

  public static PipelineException sourceMalformed(String format, Object... args) {
    return new PipelineException(FailureCategory.SOURCE_MALFORMED, String.format(format, args));
  }
}
