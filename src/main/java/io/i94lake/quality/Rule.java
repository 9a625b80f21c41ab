package io.i94lake.quality;

/** A bound on an observed value. */
public record Rule(double minimum, double maximum) {
  public Rule {
    if (maximum < minimum) {
      throw new IllegalArgumentException("A rule's maximum " + maximum + " is below its minimum " + minimum);
    }
  }

  public static Rule atLeast(double minimum) {
    return new Rule(minimum, Double.POSITIVE_INFINITY);
  }

  public static Rule atMost(double maximum) {
    return new Rule(Double.NEGATIVE_INFINITY, maximum);
  }

  public static Rule between(double minimum, double maximum) {
    return new Rule(minimum, maximum);
  }

  public boolean holds(double observed) {
    return observed >= minimum && observed <= maximum;
  }

  @Override
  public String toString() {
    if (maximum == Double.POSITIVE_INFINITY) {
      return ">= " + CheckResult.format(minimum);
    }
    if (minimum == Double.NEGATIVE_INFINITY) {
      return "<= " + CheckResult.format(maximum);
    }
    return minimum == maximum ? "= " + CheckResult.format(minimum)
        : "between " + CheckResult.format(minimum) + " and " + CheckResult.format(maximum);
  }
}
