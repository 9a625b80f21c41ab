package io.i94lake.transform;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code us_city}: every US city named by airports, demographics, ports or the temperature file, once per
 * (city, state); key {@code city_id}. Its name is the demographics spelling when there is one, then the airports',
 * the temperature file's, the ports'. Its coordinates are the mean of its airports', else its temperature grid
 * cell's, else unknown.
 */
public final class UsCityTable {

  private UsCityTable() {}

  public static Dataset<Row> build(Dataset<Row> usAirports, Dataset<Row> usDemographics, Dataset<Row> ports,
                                   Dataset<Row> weatherCities) {
    Dataset<Row> names = names(usDemographics, 1, "demographics")
        .unionByName(names(usAirports, 2, "airports"))
        .unionByName(names(weatherCities, 3, "temperatures"))
        .unionByName(names(ports, 4, "ports"));
    // the least (priority, city, state) wins, so that two spellings from one source give the same name in every run
    return names.groupBy("city_id").agg(
            min(struct(col("priority"), col("city"), col("state_code"))).as("first"),
            array_sort(collect_set(col("named_by"))).as("named_by"))
        .join(meanCoordinates(usAirports, "airport"), new String[] {"city_id"}, "left")
        .join(meanCoordinates(weatherCities, "grid"), new String[] {"city_id"}, "left")
        .select(
            col("city_id"), col("first.city").as("city"), col("first.state_code").as("state_code"),
            coalesce(col("airport_latitude"), col("grid_latitude")).as("latitude"),
            coalesce(col("airport_longitude"), col("grid_longitude")).as("longitude"),
            col("named_by"));
  }

  private static Dataset<Row> names(Dataset<Row> rows, int priority, String source) {
    return rows.filter(col("city_id").isNotNull())
        .select(col("city_id"), col("city"), col("state_code"), lit(priority).as("priority"), lit(source).as("named_by"));
  }

  private static Dataset<Row> meanCoordinates(Dataset<Row> rows, String prefix) {
    return rows.filter(col("city_id").isNotNull()).groupBy("city_id").agg(
        meanDegrees("latitude").as(prefix + "_latitude"), meanDegrees("longitude").as(prefix + "_longitude"));
  }

  // rounded to 6 decimals (0.1 m): a double sum depends on the order of its terms, which depends on the partitioning
  private static Column meanDegrees(String column) {
    return round(avg(column), 6);
  }
}
