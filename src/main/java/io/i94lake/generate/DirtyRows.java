package io.i94lake.generate;

/**
 * Which records of a month are dirty: exactly {@code floor(rows × share)} of them, spread evenly, so that any
 * chunk of rows knows its own count without the others ({@code dirty(a, c) = dirty(a, b) + dirty(b, c)}).
 *
 * @param perMillion the dirty share in millionths (1,000 is 0.1%)
 */
public record DirtyRows(long perMillion) {
  static final long MILLION = 1_000_000L;

  public DirtyRows {
    if (perMillion < 0 || perMillion > MILLION) {
      throw new IllegalArgumentException("The dirty share must lie in 0..1, not " + perMillion / (double) MILLION);
    }
  }

  /** A share such as {@code 0.001}, to the millionth. */
  public static DirtyRows ofShare(String share) {
    java.math.BigDecimal millionths = new java.math.BigDecimal(share).multiply(java.math.BigDecimal.valueOf(MILLION));
    try {
      return new DirtyRows(millionths.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Cannot use dirty share " + share + ": give it to the millionth (0.001, 0.000025)");
    }
  }

  public boolean isDirty(long row) {
    return before(row + 1) > before(row);
  }

  /** The dirty records among rows {@code [first, end)}. */
  public long count(long first, long end) {
    return before(end) - before(first);
  }

  public double share() {
    return perMillion / (double) MILLION;
  }

  private long before(long row) {
    return Math.multiplyExact(row, perMillion) / MILLION;
  }
}
