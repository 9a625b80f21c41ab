package io.i94lake.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One table of the lake, as every stage needs to know it: what one row is, its columns, its key, how it is
 * partitioned, what kind of table it is, whether the API serves it, and the lookups a warehouse copy indexes.
 * A table a run writes (but {@code rejects}) is built by the model of its name, which names the model's inputs.
 *
 * @param grain what one row is: "one row per I-94 port of entry"
 * @param key the columns that identify a row; empty when no column does (rejects)
 * @param partitioning the columns it is partitioned by, by identity; empty when it is not
 * @param served whether {@code serve} answers from it
 * @param indexes the lookups of its warehouse copy, each an ordered list of columns
 * @param rowsFrom the raw source its rows come from, whose rejected rows a run reports with it; null when its rows
 *     come from other tables
 * @param columns its columns, in order
 */
public record LakeTable(String name, String grain, List<String> key, List<String> partitioning, Kind kind, boolean served,
                        List<List<String>> indexes, String rowsFrom, List<Column> columns) {
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
    columns = List.copyOf(columns);
    List<String> names = columns.stream().map(Column::name).toList();
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("Table " + name + " names a column twice: " + names);
    }
    Stream.concat(Stream.concat(key.stream(), partitioning.stream()), indexes.stream().flatMap(List::stream))
        .filter(column -> !names.contains(column)).findFirst().ifPresent(column -> {
          throw new IllegalArgumentException("Table " + name + " has no column " + column + " for its key, partitioning or"
              + " indexes; its columns: " + names);
        });
  }

  /** Written by a run on its audit branch and published through the pointer. */
  public boolean published() {
    return kind == Kind.DIMENSION || kind == Kind.ANALYTICS || kind == Kind.FACT || kind == Kind.REJECTS;
  }

  /** Partitioned by month of arrival: a run writes only the months it processes. */
  public boolean monthly() {
    return partitioning.contains("year") && partitioning.contains("month");
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }

  @Override
  public String toString() {
    return name;
  }
}
