package io.i94lake.transform;

import static io.i94lake.source.SourceColumns.ERROR;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decodes raw I-94 arrival records: first their arrival date, the month they belong to and why a record cannot be
 * used (no {@code cicid}, no readable arrival date); then every column the arrival tables show.
 * SAS dates are day numbers since 1960-01-01 (20545 is 2016-04-01). {@code dtaddto} is MMDDYYYY; {@code D/S} means
 * "duration of status" (no date, {@code duration_of_status} true); an unreadable value (such as {@code 183} or
 * year 9999) leaves {@code allowed_until} null and is kept in {@code allowed_until_text}. An age outside 0..120
 * is no age.
 */
public final class I94Arrivals {
  public static final LocalDate SAS_EPOCH = LocalDate.of(1960, 1, 1);
  public static final String NOT_REPORTED = "Not reported";
  public static final int OLDEST_AGE = 120;
  private static final String DURATION_OF_STATUS = "D/S";
  // plain Java: the same rule in Spark expressions repeats its sub-expressions and ran ten times slower
  private static final UserDefinedFunction MONTH_DAY_YEAR =
      udf((UDF1<String, LocalDate>) I94Arrivals::monthDayYear, DataTypes.DateType);
  // days from the SAS epoch to 1900-01-01 and to 2199-12-31: anything outside is not a date of this data
  private static final int FIRST_SAS_DAY = (int) (LocalDate.of(1900, 1, 1).toEpochDay() - SAS_EPOCH.toEpochDay());
  private static final int LAST_SAS_DAY = (int) (LocalDate.of(2199, 12, 31).toEpochDay() - SAS_EPOCH.toEpochDay());

  private I94Arrivals() {}

  /** A SAS day number as a date; null when missing, fractional or out of range. */
  public static Column sasDate(Column dayNumber) {
    return when(dayNumber.equalTo(floor(dayNumber)).and(dayNumber.between(FIRST_SAS_DAY, LAST_SAS_DAY)),
        date_add(lit(SAS_EPOCH), dayNumber.cast(DataTypes.IntegerType)));
  }

  /**
   * An MMDDYYYY text (the I-94 {@code dtaddto}) as a date; null when it is no such date or its year lies outside
   * 1900..2199 (the data has 9999).
   */
  public static LocalDate monthDayYear(String text) {
    if (text == null || text.length() != 8) {
      return null;
    }
    for (int index = 0; index < 8; index++) {
      if (!Character.isDigit(text.charAt(index))) {
        return null;
      }
    }
    int month = Integer.parseInt(text, 0, 2, 10);
    int day = Integer.parseInt(text, 2, 4, 10);
    int year = Integer.parseInt(text, 4, 8, 10);
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  /** A whole number stored as DOUBLE as a BIGINT; null when missing or fractional. */
  public static Column wholeNumber(Column number) {
    return when(number.equalTo(floor(number)), number.cast(DataTypes.LongType));
  }

  /**
   * Adds {@code arrival_date}, {@code year} and {@code month} (of the arrival, else the record's i94yr and i94mon),
   * and appends to {@code _error} why a record cannot be used.
   */
  public static Dataset<Row> decode(Dataset<Row> raw) {
    Column arrivalDate = sasDate(col("arrdate"));
    Column recordYear = wholeNumber(col("i94yr")).cast(DataTypes.IntegerType);
    Column recordMonth = wholeNumber(col("i94mon")).cast(DataTypes.IntegerType);
    Column unusable = col("cicid").isNull().or(wholeNumber(col("cicid")).isNull()).or(col("arrival_date").isNull());
    // the message is built only for the few unusable records
    Column errors = when(unusable, concat_ws("; ",
        when(col("cicid").isNull(), lit("cicid is empty")),
        when(col("cicid").isNotNull().and(wholeNumber(col("cicid")).isNull()),
            concat(lit("cicid '"), col("cicid").cast("string"), lit("' is not a whole number"))),
        when(col("arrdate").isNull(), lit("arrdate is empty")),
        when(col("arrdate").isNotNull().and(col("arrival_date").isNull()),
            concat(lit("arrdate '"), col("arrdate").cast("string"), lit("' is not a SAS day number")))));
    return raw
        .withColumn("arrival_date", arrivalDate)
        .withColumn("year", coalesce(year(col("arrival_date")), recordYear))
        .withColumn("month", coalesce(month(col("arrival_date")), recordMonth))
        .withColumn(ERROR, coalesce(col(ERROR), errors));
  }

  /**
   * Every column of {@code immigration} and {@code immigrant} but {@code city_id} (see
   * {@link ImmigrationTable#build}), decoded from usable records: the tables are projections of this.
   * The few travel modes and visa categories are looked up by a CASE expression, not joined.
   *
   * @param decoded accepted records from {@link #decode}
   * @param modeLabels the dictionary's i94model list (code to label)
   * @param visaLabels the dictionary's I94VISA categories (code to label)
   */
  public static Dataset<Row> describe(Dataset<Row> decoded, Map<String, String> modeLabels, Map<String, String> visaLabels) {
    Column permit = upper(trim(col("dtaddto")));
    Column durationOfStatus = coalesce(permit.equalTo(DURATION_OF_STATUS), lit(false));
    Column allowedUntil = when(durationOfStatus.unary_$bang(), MONTH_DAY_YEAR.apply(permit));
    Column age = wholeNumber(col("i94bir")).cast(DataTypes.IntegerType);
    return decoded
        .withColumn("allowed_until", allowedUntil)
        .select(
            wholeNumber(col("cicid")).as("cicid"),
            wholeNumber(col("admnum")).as("admission_number"),
            col("arrival_date"),
            sasDate(col("depdate")).as("departure_date"),
            col("allowed_until"),
            durationOfStatus.as("duration_of_status"),
            when(permit.isNotNull().and(durationOfStatus.unary_$bang()).and(col("allowed_until").isNull()), col("dtaddto"))
                .as("allowed_until_text"),
            upper(trim(col("i94port"))).as("port_code"),
            upper(trim(col("i94addr"))).as("destination_state_code"),
            coalesce(label(col("i94mode"), modeLabels), lit(NOT_REPORTED)).as("travel_mode"),
            trim(col("airline")).as("airline"),
            trim(col("fltno")).as("flight_number"),
            trim(col("entdepa")).as("arrival_flag"),
            trim(col("entdepd")).as("departure_flag"),
            trim(col("entdepu")).as("update_flag"),
            trim(col("matflag")).as("match_flag"),
            when(age.between(0, OLDEST_AGE), age).as("age"),
            wholeNumber(col("biryear")).cast(DataTypes.IntegerType).as("birth_year"),
            upper(trim(col("gender"))).as("gender"),
            trim(col("occup")).as("occupation"),
            wholeNumber(col("i94cit")).cast(DataTypes.IntegerType).as("citizenship_country_code"),
            wholeNumber(col("i94res")).cast(DataTypes.IntegerType).as("residence_country_code"),
            label(col("i94visa"), visaLabels).as("visa_category"),
            trim(col("visatype")).as("visa_type"),
            trim(col("visapost")).as("visa_post"),
            col("year"),
            col("month"));
  }

  // the label of a whole-number code stored as DOUBLE; null for a code not in the list
  private static Column label(Column code, Map<String, String> labels) {
    Column text = wholeNumber(code).cast(DataTypes.StringType);
    Column label = lit(null).cast(DataTypes.StringType);
    for (Map.Entry<String, String> entry : new TreeMap<>(labels).descendingMap().entrySet()) {
      label = when(text.equalTo(entry.getKey()), entry.getValue()).otherwise(label);
    }
    return label;
  }

  /**
   * The decoded records of one month. The raw arrival day is filtered first, so that Parquet skips the row groups
   * of other months.
   */
  public static Dataset<Row> inMonth(Dataset<Row> decoded, YearMonth month) {
    int firstDay = sasDay(month.atDay(1));
    int lastDay = sasDay(month.atEndOfMonth());
    Column arrivalDay = col("arrdate");
    Column mayBelong = arrivalDay.between(firstDay, lastDay).or(arrivalDay.isNull())
        .or(arrivalDay.lt(FIRST_SAS_DAY)).or(arrivalDay.gt(LAST_SAS_DAY)).or(arrivalDay.notEqual(floor(arrivalDay)));
    return decoded.filter(mayBelong)
        .filter(col("year").equalTo(month.getYear()).and(col("month").equalTo(month.getMonthValue())));
  }

  /** The decoded records whose month is unknown: they can only be rejected. */
  public static Dataset<Row> undated(Dataset<Row> decoded) {
    return decoded.filter(col("year").isNull().or(col("month").isNull()));
  }

  private static int sasDay(LocalDate date) {
    return (int) (date.toEpochDay() - SAS_EPOCH.toEpochDay());
  }
}
