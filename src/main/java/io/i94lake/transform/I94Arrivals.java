package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;

import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Splits dated I-94 records (see the model {@code i94_dated}) by the month they belong to, so that a run writes its
 * arrival tables month after month.
 */
public final class I94Arrivals {
  public static final LocalDate SAS_EPOCH = LocalDate.of(1960, 1, 1);
  // as the model's sas_date: days from the SAS epoch to 1900-01-01 and to 2199-12-31
  private static final int FIRST_SAS_DAY = sasDay(LocalDate.of(1900, 1, 1));
  private static final int LAST_SAS_DAY = sasDay(LocalDate.of(2199, 12, 31));

  private I94Arrivals() {}

  /**
   * The dated records of one month. The raw arrival day is filtered first, so that Parquet skips the row groups
   * of other months.
   */
  public static Dataset<Row> inMonth(Dataset<Row> dated, YearMonth month) {
    int firstDay = sasDay(month.atDay(1));
    int lastDay = sasDay(month.atEndOfMonth());
    Column arrivalDay = col("arrdate");
    Column mayBelong = arrivalDay.between(firstDay, lastDay).or(arrivalDay.isNull())
        .or(arrivalDay.lt(FIRST_SAS_DAY)).or(arrivalDay.gt(LAST_SAS_DAY)).or(arrivalDay.notEqual(floor(arrivalDay)));
    return dated.filter(mayBelong)
        .filter(col("year").equalTo(month.getYear()).and(col("month").equalTo(month.getMonthValue())));
  }

  /** The dated records whose month is unknown: they can only be rejected. */
  public static Dataset<Row> undated(Dataset<Row> dated) {
    return dated.filter(col("year").isNull().or(col("month").isNull()));
  }

  private static int sasDay(LocalDate date) {
    return (int) (date.toEpochDay() - SAS_EPOCH.toEpochDay());
  }
}
