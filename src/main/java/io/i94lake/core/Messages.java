package io.i94lake.core;

/** Short forms of failures for terminals, logs and the run history. */
public final class Messages {
  private Messages() {}

  /** The first line of a failure's message, or its type when it has none. */
  public static String firstLine(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /** A statement or value on one line, cut to {@code max} characters: for messages that quote what a user typed. */
  public static String oneLine(String text, int max) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
