package io.i94lake.transform;

import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.md5;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The key of a US city: its normalized name and its state. {@code city_id} is derived from that key alone, so the
 * same city gets the same id in every run, on every machine, whichever source named it first.
 */
public final class CityKey {
  /** Ids are below 2^53: JavaScript numbers (and so JSON readers) hold every one of them exactly. */
  public static final long ID_LIMIT = 1L << 53;

  private CityKey() {}

  /** "St. Louis", "SAINT LOUIS" and "st louis " all become "ST LOUIS". */
  public static Column normalizedName(Column city) {
    Column name = upper(trim(regexp_replace(regexp_replace(city, "\\.", " "), "\\s+", " ")));
    name = regexp_replace(name, "^SAINT ", "ST ");
    name = regexp_replace(name, "^FORT ", "FT ");
    return regexp_replace(name, "^MOUNT ", "MT ");
  }

  /**
   * The id of (normalized city, state code): the first 13 hex digits (52 bits) of md5 of {@code NAME|STATE}, so
   * {@code BOSTON|MA} is 1110014953598037; null when either is missing. DuckDB computes the same value with
   * {@code CAST('0x' || substr(md5(k), 1, 13) AS BIGINT)}.
   */
  public static Column cityId(Column city, Column stateCode) {
    Column state = upper(trim(stateCode));
    Column key = concat_ws("|", normalizedName(city), state);
    return when(city.isNotNull().and(state.isNotNull()), conv(substring(md5(key), 1, 13), 16, 10).cast("bigint"));
  }
}
