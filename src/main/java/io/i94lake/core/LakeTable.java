package io.i94lake.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One table of the lake, as every stage needs to know it: what one row is, its key, how it is partitioned, what
 * kind of table it is, whether the API serves it, and the lookups a warehouse copy indexes.
 *
 * @param grain what one row is: "one row per I-94 port of entry"
 * @param key the columns that identify a row; empty when no column does (rejects)
 * @param partitioning the columns it is partitioned by, by identity; empty when it is not
 * @param served whether {@code serve} answers from it
 * @param indexes the lookups of its warehouse copy, each an ordered list of columns
 */
public record LakeTable(String name, String grain, List<String> key, List<String> partitioning, Kind kind, boolean served,
                        List<List<String>> indexes) {
  /** What a table holds, which says how a run writes it and who copies it. */
  public enum Kind {
    /** Places, codes and measures arrivals refer to: replaced whole by each run. */
    DIMENSION,
    /** Dimensions joined for analysis: replaced whole, or month by month like the facts they follow. */
    ANALYTICS,
    /** Arrivals: written month by month, large. */
    FACT,
    /** Every input row that could not become a table row. */
    REJECTS,
    /** The run history: appended directly, not through a run's audit branch. */
    HISTORY,
    /** The published-run pointer. */
    POINTER
  }

  public LakeTable {
    requireNonNull(name, "name is null");
    requireNonNull(grain, "grain is null");
    requireNonNull(kind, "kind is null");
    key = List.copyOf(key);
    partitioning = List.copyOf(partitioning);
    indexes = indexes.stream().map(List::copyOf).toList();
  }

  /** Written by a run on its audit branch and published through the pointer. */
  public boolean published() {
    return kind == Kind.DIMENSION || kind == Kind.ANALYTICS || kind == Kind.FACT || kind == Kind.REJECTS;
  }

  /** Partitioned by month of arrival: a run writes only the months it processes. */
  public boolean monthly() {
    return partitioning.contains("year") && partitioning.contains("month");
  }

  @Override
  public String toString() {
    return name;
  }
}
