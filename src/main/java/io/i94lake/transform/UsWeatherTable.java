package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code us_weather}: the latest monthly temperature of each US city of the temperature file. One row per city;
 * key {@code city_id}. The file has no state: each city's state comes from {@link WeatherCities}.
 */
public final class UsWeatherTable {

  private UsWeatherTable() {}

  /**
   * @param temperatures accepted temperature rows
   * @param weatherCities the result of {@link WeatherCities#resolve}
   */
  public static Dataset<Row> build(Dataset<Row> temperatures, Dataset<Row> weatherCities) {
    var latestFirst = Window.partitionBy("city_id").orderBy(col("measured_on").desc(), col("latitude"), col("longitude"));
    return temperatures
        .filter(col("country").equalTo(WeatherCities.UNITED_STATES).and(col("avg_temp_c").isNotNull()))
        .join(weatherCities, new String[] {"city", "latitude", "longitude"})
        .withColumn("rank", row_number().over(latestFirst))
        .filter(col("rank").equalTo(1))
        .select("city_id", "city", "state_code", "measured_on", "avg_temp_c", "temp_uncertainty_c",
            "latitude", "longitude", "resolved_by");
  }
}
