package io.i94lake.quality;

import java.util.List;
import org.apache.spark.sql.Column;

/** How an observed value is measured on a table. */
public sealed interface Metric {
  /** An aggregate over the table's rows; all aggregates of a table are computed in one pass. */
  record Aggregate(Column expression) implements Metric {}

  /** How many rows repeat the values of these columns of an earlier row (rows minus distinct keys). */
  record Duplicates(List<String> columns) implements Metric {}

  /** The share of a column's non-null values found in a column of another table. */
  record SharePresentIn(String column, String referenceTable, String referenceColumn) implements Metric {}

  /** The table's rows divided by the rows it had when last published (1 when it had none). */
  record RowCountChange() implements Metric {}

  /** Hours since the table was last published. */
  record HoursSincePublished() implements Metric {}
}
