package io.i94lake.transform;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code rejects}: every input row that could not become a table row, with where it was and why.
 * One row per rejected input row; partitioned by source and, for I-94 arrivals, by the month it belongs to.
 */
public final class RejectsTable {

  private RejectsTable() {}

  /**
   * The rejects of a run from the unusable rows of some sources (inputs {@code rejected_0}, {@code rejected_1}, …, each
   * with source, location, reason, raw, year, month; see {@code SourceRead#rejects}).
   *
   * @param sources how many sources
   * @param none true when they are known to have no unusable row: the engines then plan no scan
   */
  public static Model model(String runId, int sources, boolean none) {
    String text = IntStream.range(0, sources)
        .mapToObj(source -> "SELECT source, location, reason, raw, '" + runId.replace("'", "''")
            + "' AS run_id, year, month FROM {{rejected_" + source + "}}")
        .collect(Collectors.joining("\nUNION ALL\n")) + (none ? "\nLIMIT 0" : "");
    return new Model("rejects", text, IntStream.range(0, sources).mapToObj(source -> "rejected_" + source).toList());
  }

  /** The name of the i-th input of {@link #model}. */
  public static String input(int source) {
    return "rejected_" + source;
  }
}
