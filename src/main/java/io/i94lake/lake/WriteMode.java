package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Collection;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * What a write does to the rows already on a table's branch: the same four changes {@link LakeAudit} makes with
 * Spark, for writers that hand Iceberg finished files ({@link ParquetCommit}).
 *
 * @param kind the change
 * @param replaced the rows a {@link Kind#REPLACE_ROWS} write replaces (a filter on partition columns); null otherwise
 */
public record WriteMode(Kind kind, Expression replaced) {
  /** The changes a write can make. */
  public enum Kind {
    /** Every row goes; the new rows are the table. */
    REPLACE_TABLE,
    /** The partitions the new rows fall in are replaced; the others stay. */
    REPLACE_PARTITIONS,
    /** The rows matching a filter go, also where no new row falls (a month now empty is emptied). */
    REPLACE_ROWS,
    /** The new rows are added to those there. */
    APPEND
  }

  public WriteMode {
    requireNonNull(kind, "kind is null");
    if ((kind == Kind.REPLACE_ROWS) != (replaced != null)) {
      throw new IllegalArgumentException("Cannot make write mode " + kind + ": a filter of the rows replaced goes with "
          + Kind.REPLACE_ROWS + " only, and it needs one; filter: " + replaced);
    }
  }

  public static WriteMode replaceTable() {
    return new WriteMode(Kind.REPLACE_TABLE, null);
  }

  public static WriteMode replacePartitions() {
    return new WriteMode(Kind.REPLACE_PARTITIONS, null);
  }

  /** Replaces the rows matching a filter on partition columns; every new row must match it too. */
  public static WriteMode replaceRows(Expression replaced) {
    return new WriteMode(Kind.REPLACE_ROWS, requireNonNull(replaced, "filter of the rows replaced is null"));
  }

  /** Replaces the rows of these months (columns {@code year} and {@code month}), also those no new row falls in. */
  public static WriteMode replaceMonths(Collection<YearMonth> months) {
    if (months.isEmpty()) {
      throw new IllegalArgumentException("Cannot replace the rows of months: no month named");
    }
    Expression replaced = Expressions.alwaysFalse();
    for (YearMonth month : months) {
      replaced = Expressions.or(replaced, Expressions.and(
          Expressions.equal("year", month.getYear()), Expressions.equal("month", month.getMonthValue())));
    }
    return replaceRows(replaced);
  }

  public static WriteMode append() {
    return new WriteMode(Kind.APPEND, null);
  }
}
