package io.i94lake.generate;

/**
 * The ways a generated record is broken so that the pipeline must reject it (see {@code I94Arrivals.decode} and the
 * CSV reader): each keeps its year and month (i94yr, i94mon), so it is rejected in its month, except a line cut short,
 * which has no readable field and is rejected among the records of unknown month.
 */
enum DirtyKind {
  CICID_MISSING(false),
  CICID_FRACTIONAL(false),
  ARRIVAL_MISSING(false),
  ARRIVAL_FRACTIONAL(false),
  ARRIVAL_OUT_OF_RANGE(false),
  /** A number field holding text ({@code i94bir} = {@code n/a}): only in CSV. */
  NUMBER_AS_TEXT(true),
  /** A line that stops after a few fields: only in CSV. */
  LINE_CUT_SHORT(true);

  private final boolean textOnly;

  DirtyKind(boolean textOnly) {
    this.textOnly = textOnly;
  }

  boolean textOnly() {
    return textOnly;
  }
}
