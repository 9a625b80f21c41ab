package io.i94lake.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A time as users write it for time travel and rollback. */
public final class PointInTime {
  private PointInTime() {}

  /** An ISO instant ({@code 2026-11-25T17:00:00Z}), or a local date-time taken as UTC ({@code 2026-11-25 17:00:00}). */
  public static Instant parse(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        throw new IllegalArgumentException("'" + text + "' is neither a run id of this lake nor a time such as "
            + "2026-11-25T17:00:00Z or 2026-11-25 17:00:00 (UTC)");
      }
    }
  }
}
