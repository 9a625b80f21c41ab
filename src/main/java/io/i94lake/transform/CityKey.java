package io.i94lake.transform;

import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;

/**
 * The key of a US city: its normalized name and its state. {@code city_id} is a hash of that key, so the same
 * city gets the same id in every run, on every machine, whichever source named it first.
 */
public final class CityKey {
  private CityKey() {}

  /** "St. Louis", "SAINT LOUIS" and "st louis " all become "ST LOUIS". */
  public static Column normalizedName(Column city) {
    Column name = upper(trim(regexp_replace(regexp_replace(city, "\\.", " "), "\\s+", " ")));
    name = regexp_replace(name, "^SAINT ", "ST ");
    name = regexp_replace(name, "^FORT ", "FT ");
    return regexp_replace(name, "^MOUNT ", "MT ");
  }

  /** A non-negative 64-bit id of (normalized city, state code); null when either is missing. */
  public static Column cityId(Column city, Column stateCode) {
    Column state = upper(trim(stateCode));
    return when(city.isNotNull().and(state.isNotNull()),
        xxhash64(normalizedName(city), state).bitwiseAND(Long.MAX_VALUE));
  }
}
