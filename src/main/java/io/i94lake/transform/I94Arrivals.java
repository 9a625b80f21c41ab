package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;

import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Splits dated I-94 records (see the model {@code i94_dated}) by the month they belong to, so that a run writes its
 * arrival tables month after month.
 */
public final class I94Arrivals {

  private I94Arrivals() {}

  /**
   * The dated records of one month. The raw arrival day is filtered first, so that Parquet skips the row groups
   * of other months.
   */
  public static Dataset<Row> inMonth(Dataset<Row> dated, YearMonth month) {
    int firstDay = ModelFunctions.sasDay(month.atDay(1));
    int lastDay = ModelFunctions.sasDay(month.atEndOfMonth());
    Column arrivalDay = col("arrdate");
    Column mayBelong = arrivalDay.between(firstDay, lastDay).or(arrivalDay.isNull())
        .or(arrivalDay.lt(ModelFunctions.FIRST_SAS_DAY)).or(arrivalDay.gt(ModelFunctions.LAST_SAS_DAY)).or(arrivalDay.notEqual(floor(arrivalDay)));
    return dated.filter(mayBelong)
        .filter(col("year").equalTo(month.getYear()).and(col("month").equalTo(month.getMonthValue())));
  }

  /** The dated records whose month is unknown: they can only be rejected. */
  public static Dataset<Row> undated(Dataset<Row> dated) {
    return dated.filter(col("year").isNull().or(col("month").isNull()));
  }
}
