package io.i94lake.core;

/** Short forms of failures for terminals, logs and the run history. */
public final class Messages {
  private Messages() {}

  /** The first line of a failure's message, or its type when it has none. */
  public static String firstLine(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
