package io.i94lake.transform;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Finds the state of each US city of the temperature file, which names a city and its grid coordinates but no
 * state. A city named like known cities (from demographics or airports) takes the state of the nearest of them,
 * placed at its airports or else at the centre of its state's airports; a city named like no known city takes the
 * state of the nearest airport. So the two Arlingtons (TX and VA) stay two cities.
 * One row per (city, latitude, longitude) of the file.
 */
public final class WeatherCities {
  public static final String UNITED_STATES = "United States";
  private static final int SAME_NAME = 0;
  private static final int ANY_AIRPORT = 1;

  private WeatherCities() {}

  /**
   * @param temperatures accepted temperature rows
   * @param usAirports the {@code us_airport} table
   * @param usDemographics the {@code us_demographics} table
   * @return city, latitude, longitude (as in the file), state_code, city_id, resolved_by, distance_km
   */
  public static Dataset<Row> resolve(Dataset<Row> temperatures, Dataset<Row> usAirports, Dataset<Row> usDemographics) {
    Dataset<Row> places = temperatures.filter(col("country").equalTo(UNITED_STATES))
        .select("city", "latitude", "longitude").distinct();
    Dataset<Row> located = usAirports.filter(col("latitude").isNotNull());

    Dataset<Row> sameNamed = places.withColumn("name_key", CityKey.normalizedName(col("city")))
        .join(knownCities(usAirports, usDemographics, located), col("name_key").equalTo(col("candidate_key")))
        .select(col("city"), col("latitude"), col("longitude"), lit(SAME_NAME).as("match"),
            col("candidate_state"), col("candidate_latitude"), col("candidate_longitude"));
    Dataset<Row> anyAirport = places.crossJoin(located.select(
            col("state_code").as("candidate_state"),
            col("latitude").as("candidate_latitude"),
            col("longitude").as("candidate_longitude")))
        .withColumn("match", lit(ANY_AIRPORT))
        .select("city", "latitude", "longitude", "match", "candidate_state", "candidate_latitude", "candidate_longitude");

    Column distance = Geo.distanceKm(col("latitude"), col("longitude"), col("candidate_latitude"), col("candidate_longitude"));
    // the least (match, distance, state) of each place: an aggregate, not a window, so that the place-by-airport
    // pairs (tens of thousands of airports) are reduced before the shuffle instead of sorted after it
    Column best = min(struct(col("match"), col("distance_km"), col("candidate_state"))).as("best");
    return sameNamed.unionByName(anyAirport)
        .withColumn("distance_km", distance)
        .groupBy("city", "latitude", "longitude").agg(best)
        .select(col("city"), col("latitude"), col("longitude"), col("best.candidate_state").as("state_code"),
            CityKey.cityId(col("city"), col("best.candidate_state")).as("city_id"),
            when(col("best.match").equalTo(SAME_NAME), "same-named city").otherwise("nearest airport").as("resolved_by"),
            col("best.distance_km").as("distance_km"));
  }

  // cities of demographics and airports, placed at their airports or else at their state's centre
  private static Dataset<Row> knownCities(Dataset<Row> usAirports, Dataset<Row> usDemographics, Dataset<Row> located) {
    Dataset<Row> stateCentres = located.groupBy("state_code")
        .agg(avg("latitude").as("state_latitude"), avg("longitude").as("state_longitude"));
    Dataset<Row> airportCities = located.filter(col("city_id").isNotNull()).groupBy("city_id")
        .agg(avg("latitude").as("city_latitude"), avg("longitude").as("city_longitude"));
    return usDemographics.select("city_id", "city", "state_code")
        .unionByName(usAirports.filter(col("city_id").isNotNull()).select("city_id", "city", "state_code"))
        .join(airportCities, new String[] {"city_id"}, "left")
        .join(stateCentres, new String[] {"state_code"}, "left")
        .select(CityKey.normalizedName(col("city")).as("candidate_key"), col("state_code").as("candidate_state"),
            coalesce(col("city_latitude"), col("state_latitude")).as("candidate_latitude"),
            coalesce(col("city_longitude"), col("state_longitude")).as("candidate_longitude"))
        .filter(col("candidate_latitude").isNotNull());
  }
}
