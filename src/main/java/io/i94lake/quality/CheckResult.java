package io.i94lake.quality;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one constraint on one table, with the value observed and the rule it was held to.
 *
 * @param observed the measured value; null when it could not be measured (the table is missing, say)
 * @param threshold the rule, e.g. {@code >= 0.99}
 */
public record CheckResult(String table, String constraint, Level level, boolean passed, Double observed,
                          String threshold, String message) {
  public CheckResult {
    requireNonNull(table, "table is null");
    requireNonNull(constraint, "constraint is null");
    requireNonNull(level, "level is null");
    requireNonNull(threshold, "threshold is null");
    requireNonNull(message, "message is null");
  }

  /** Blocks publishing: an error-level constraint that did not pass. */
  public boolean blocks() {
    return level == Level.ERROR && !passed;
  }

  /** "immigration: port_code found in port 0.4100 (>= 0.99)" */
  public String summary() {
    return table + ": " + constraint + " " + (observed == null ? "not measured" : format(observed)) + " (" + threshold + ")";
  }

  /** A value as people write it: 1, 0.98, 0.8730, 0.3333 (at most four decimals). */
  public static String format(double value) {
    if (Double.isInfinite(value) || Double.isNaN(value)) {
      return String.valueOf(value);
    }
    return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
