package io.i94lake.pipeline;

import java.util.Locale;

/** What started a run. */
public enum Trigger {
  MANUAL, SCHEDULE, BACKFILL, RESUME, ROLLBACK, MAINTAIN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
