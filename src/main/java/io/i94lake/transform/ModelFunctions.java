package io.i94lake.transform;

import static java.util.Map.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The named functions the table models call, each spelled for both engines. A model calls them like SQL functions
 * ({@code city_id(city, state_code)}); {@link Model#sql} replaces each call by its engine's expression, so the rule
 * is written here once per engine and nowhere else. Both spellings must give the same value bit for bit: the
 * parity test holds them to it.
 */
final class ModelFunctions {
  /** A function's expression on one engine, given its arguments' SQL text. */
  record Spelling(Function<List<String>, String> spark, Function<List<String>, String> duckdb) {
    String in(Dialect dialect, List<String> arguments) {
      return (dialect == Dialect.SPARK ? spark : duckdb).apply(arguments);
    }
  }

  // days from the SAS epoch 1960-01-01 to 1900-01-01 and to 2199-12-31: anything outside is not a date of this data
  static final LocalDate SAS_EPOCH = LocalDate.of(1960, 1, 1);
  static final int FIRST_SAS_DAY = sasDay(LocalDate.of(1900, 1, 1));
  static final int LAST_SAS_DAY = sasDay(LocalDate.of(2199, 12, 31));

  static final Map<String, Spelling> ALL = Map.ofEntries(
      // "St. Louis", "SAINT LOUIS" and "st louis " all become "ST LOUIS"; DuckDB replaces every match only with 'g'
      entry("normalized_name", new Spelling(
          a -> abbreviated("regexp_replace(upper(trim(regexp_replace(regexp_replace(" + a.get(0)
              + ", '[.]', ' '), '\\\\s+', ' '))), '^SAINT ', 'ST ')"),
          a -> abbreviated("regexp_replace(upper(trim(regexp_replace(regexp_replace(" + a.get(0)
              + ", '[.]', ' ', 'g'), '\\s+', ' ', 'g'))), '^SAINT ', 'ST ')"))),
      // the first 13 hex digits (52 bits) of md5 of NAME|STATE: BOSTON|MA is 1110014953598037; null without both
      entry("city_id", new Spelling(
          a -> cityId(a, key -> "CAST(conv(substr(md5(" + key + "), 1, 13), 16, 10) AS BIGINT)"),
          a -> cityId(a, key -> "CAST('0x' || substr(md5(" + key + "), 1, 13) AS BIGINT)"))),
      // a SAS day number (days since 1960-01-01) as a date; null when missing, fractional or out of range
      entry("sas_date", same(a -> "CASE WHEN " + a.get(0) + " = floor(" + a.get(0) + ") AND " + a.get(0) + " BETWEEN "
          + FIRST_SAS_DAY + " AND " + LAST_SAS_DAY + " THEN DATE '1960-01-01' + CAST(" + a.get(0) + " AS INT) END")),
      // an MMDDYYYY text (the I-94 dtaddto) as a date; null when it is no such date or its year is outside 1900..2199
      entry("month_day_year", new Spelling(
          a -> "CASE WHEN " + a.get(0) + " RLIKE '^[0-9]{8}$' AND substr(" + a.get(0) + ", 5, 4) BETWEEN '1900' AND '2199'"
              + " THEN try_to_date(" + a.get(0) + ", 'MMddyyyy') END",
          a -> "CASE WHEN regexp_full_match(" + a.get(0) + ", '[0-9]{8}') AND substr(" + a.get(0) + ", 5, 4)"
              + " BETWEEN '1900' AND '2199' THEN CAST(try_strptime(" + a.get(0) + ", '%m%d%Y') AS DATE) END")),
      // a whole number stored as DOUBLE as a BIGINT; null when missing or fractional
      entry("whole_number", same(a -> "CASE WHEN " + a.get(0) + " = floor(" + a.get(0) + ") THEN CAST(" + a.get(0) + " AS BIGINT) END")),
      // the mean of coordinates in degrees to 6 decimals (0.1 m), from a sum of whole nano-degrees: a sum of doubles
      // depends on the order of the rows, and rounding a double to 6 decimals differs between engines
      entry("mean_degrees", same(a -> "(round(sum(CAST(round(" + a.get(0) + " * 1000000000.0E0) AS BIGINT)) / (count(" + a.get(0)
          + ") * 1000.0E0)) / 1000000.0E0)")),
      // a number as people write it (196000001200.5, not 1.960000012005E11), to six decimals; null beyond 10^32
      entry("number_text", new Spelling(
          a -> "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(TRY_CAST(" + a.get(0) + " AS DECIMAL(38, 6)) AS STRING)))",
          a -> "rtrim(rtrim(CAST(TRY_CAST(" + a.get(0) + " AS DECIMAL(38, 6)) AS VARCHAR), '0'), '.')")),
      // whether a text matches a regular expression anywhere (write expressions both Java and RE2 read alike)
      entry("matches", new Spelling(a -> "(" + a.get(0) + " RLIKE " + a.get(1) + ")", a -> "regexp_matches(" + a.get(0) + ", " + a.get(1) + ")")),
      // the distinct values of a group, sorted
      entry("sorted_set", new Spelling(a -> "array_sort(collect_set(" + a.get(0) + "))", a -> "list_sort(list_distinct(list(" + a.get(0) + ")))")),
      // a struct of columns, whose fields are named as the columns: min(ordered(a, b, c)) is the least (a, b, c)
      entry("ordered", new Spelling(
          a -> "named_struct(" + String.join(", ", a.stream().map(column -> "'" + plainName(column) + "', " + column).toList()) + ")",
          a -> "struct_pack(" + String.join(", ", a.stream().map(column -> plainName(column) + " := " + column).toList()) + ")")),
      // the number of distinct keys of these columns, a key with a null in any column not counted (Spark's
      // count(DISTINCT a, b)); DuckDB counts a row of nulls as a value, so its keys with a null are left out first
      entry("distinct_keys", new Spelling(
          a -> "count(DISTINCT " + String.join(", ", a) + ")",
          a -> a.size() == 1 ? "count(DISTINCT " + a.get(0) + ")" : "count(DISTINCT CASE WHEN "
              + String.join(" AND ", a.stream().map(column -> column + " IS NOT NULL").toList())
              + " THEN row(" + String.join(", ", a) + ") END)")),
      // great-circle (haversine) distance in kilometres between two points given in degrees
      entry("distance_km", same(a -> "(2 * 6371.0E0 * asin(sqrt(power(sin(radians(" + a.get(2) + " - " + a.get(0) + ") / 2), 2) + cos(radians("
          + a.get(0) + ")) * cos(radians(" + a.get(2) + ")) * power(sin(radians(" + a.get(3) + " - " + a.get(1) + ") / 2), 2))))")));

  private ModelFunctions() {}

  /** The SAS day number of a date. */
  static int sasDay(LocalDate date) {
    return (int) (date.toEpochDay() - SAS_EPOCH.toEpochDay());
  }

  private static Spelling same(Function<List<String>, String> both) {
    return new Spelling(both, both);
  }

  private static String abbreviated(String name) {
    return "regexp_replace(regexp_replace(" + name + ", '^FORT ', 'FT '), '^MOUNT ', 'MT ')";
  }

  private static String cityId(List<String> arguments, Function<String, String> id) {
    String state = "upper(trim(" + arguments.get(1) + "))";
    return "CASE WHEN " + arguments.get(0) + " IS NOT NULL AND " + state + " IS NOT NULL THEN "
        + id.apply("normalized_name(" + arguments.get(0) + ") || '|' || " + state) + " END";
  }

  private static String plainName(String column) {
    if (!column.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("ordered() takes column names, not " + column);
    }
    return column;
  }
}
