package io.i94lake.transform;

import java.time.YearMonth;

/**
 * Splits dated I-94 records (see the model {@code i94_dated}) by the month they belong to, so that a run writes its
 * arrival tables month after month: conditions in the SQL both engines run.
 */
public final class I94Arrivals {

  private I94Arrivals() {}

  /**
   * The dated records of one month; of unknown month (they can only be rejected) when {@code month} is null. The
   * raw arrival day is filtered first, so that Parquet skips the row groups of other months.
   */
  public static String inMonth(YearMonth month) {
    if (month == null) {
      return "year IS NULL OR month IS NULL";
    }
    int firstDay = ModelFunctions.sasDay(month.atDay(1));
    int lastDay = ModelFunctions.sasDay(month.atEndOfMonth());
    return "(arrdate BETWEEN " + firstDay + " AND " + lastDay + " OR arrdate IS NULL OR arrdate < " + ModelFunctions.FIRST_SAS_DAY
        + " OR arrdate > " + ModelFunctions.LAST_SAS_DAY + " OR arrdate <> floor(arrdate)) AND year = " + month.getYear()
        + " AND month = " + month.getMonthValue();
  }
}
