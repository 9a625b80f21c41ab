package io.i94lake.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** How an observed value is measured on a table. */
public sealed interface Metric {
  /**
   * An aggregate over the table's rows, as SQL text both engines run (it may call the models' named functions, such as
   * {@code distinct_keys}); all aggregates of a table are computed in one query.
   */
  record Aggregate(String sql) implements Metric {
    public Aggregate {
      requireNonNull(sql, "sql is null");
    }
  }

  /**
   * How many rows repeat the values of these columns of an earlier row: rows minus distinct keys, a key with a null
   * in any column not counted (Spark's {@code count(DISTINCT a, b)}).
   */
  record Duplicates(List<String> columns) implements Metric {
    public Duplicates {
      columns = List.copyOf(columns);
    }
  }

  /** The share of a column's non-null values found in a column of another table. */
  record SharePresentIn(String column, String referenceTable, String referenceColumn) implements Metric {}

  /** The table's rows divided by the rows it had when last published (1 when it had none). */
  record RowCountChange() implements Metric {}

  /** Hours since the table was last published. */
  record HoursSincePublished() implements Metric {}
}
