package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code airport_weather}: each US airport with its city, its state's name and the latest monthly temperature of
 * its city (null where the temperature file has no such city). One row per airport; key {@code airport_id}.
 */
public final class AirportWeatherTable {

  private AirportWeatherTable() {}

  public static Dataset<Row> build(Dataset<Row> usAirports, Dataset<Row> usStates, Dataset<Row> usWeather) {
    Dataset<Row> weather = usWeather.select(col("city_id"), col("measured_on"), col("avg_temp_c"), col("temp_uncertainty_c"));
    return usAirports
        .join(usStates.select("state_code", "state_name"), new String[] {"state_code"}, "left")
        .join(weather, new String[] {"city_id"}, "left")
        .select("airport_id", "name", "type", "iata_code", "icao_code", "city_id", "city", "state_code", "state_name",
            "latitude", "longitude", "elevation_ft", "measured_on", "avg_temp_c", "temp_uncertainty_c");
  }
}
