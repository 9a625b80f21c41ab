package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code us_airport}: airports in a US state, DC or a territory of {@code us_state} (Puerto Rico, Guam, the
 * Virgin Islands). One row per airport; key {@code airport_id} (the source's ident). Latitude and longitude the
 * right way round (the source writes "longitude, latitude").
 */
public final class UsAirportTable {

  private UsAirportTable() {}

  /**
   * @param airports accepted airport rows
   * @param usStates the {@code us_state} table
   */
  public static Dataset<Row> build(Dataset<Row> airports, Dataset<Row> usStates) {
    Column country = upper(col("iso_country"));
    // "US-PA" -> PA; territories have their own country code (PR, GU, VI)
    Column stateCode = when(country.equalTo("US"), upper(substring_index(col("iso_region"), "-", -1))).otherwise(country);
    Column gpsCode = col("gps_code");
    return airports
        .withColumn("state_code", stateCode)
        .join(usStates.select("state_code"), "state_code")
        .select(
            col("ident").as("airport_id"),
            col("name"),
            col("type"),
            col("iata_code"),
            when(gpsCode.rlike("^[A-Z]{4}$"), gpsCode).as("icao_code"),
            col("gps_code"),
            col("local_code"),
            col("elevation_ft"),
            col("municipality").as("city"),
            CityKey.cityId(col("municipality"), col("state_code")).as("city_id"),
            col("state_code"),
            col("latitude"),
            col("longitude"));
  }
}
