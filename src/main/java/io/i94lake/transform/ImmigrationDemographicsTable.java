package io.i94lake.transform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code immigration_demographics}: each arrival (key {@code cicid}, partitioned like {@code immigration}) with its
 * visa, travel mode, countries of citizenship and residence by name, and its destination state's demographics:
 * the population and foreign-born of the state's cities in the demographics file (one row per city, never the race
 * rows) and their population-weighted median age.
 */
public final class ImmigrationDemographicsTable {

  private ImmigrationDemographicsTable() {}

  /**
   * The demographics of each state, summed over its cities (one row per state). The age weights are summed as
   * decimals: a sum of doubles depends on the order Spark adds the rows in, which depends on the partitioning, and the
   * same input must give the same table on any cluster.
   */
  public static Dataset<Row> stateDemographics(Dataset<Row> usDemographics) {
    return usDemographics.groupBy("state_code").agg(
            sum("total_population").as("state_population"),
            sum("foreign_born").as("state_foreign_born"),
            sum(col("median_age").cast("decimal(12,4)").multiply(col("total_population"))).as("age_weight"),
            sum(when(col("median_age").isNotNull(), col("total_population"))).as("aged_population"))
        .select(col("state_code"), col("state_population"), col("state_foreign_born"),
            col("state_foreign_born").divide(col("state_population")).as("state_foreign_born_share"),
            col("age_weight").divide(col("aged_population")).cast("double").as("state_median_age"));
  }

  /** @param arrivals described arrival records (see {@link I94Arrivals#describe}) */
  public static Dataset<Row> build(Dataset<Row> arrivals, Dataset<Row> usDemographics, Dataset<Row> usStates,
                                   Dataset<Row> countries) {
    Dataset<Row> citizenship = countries.select(col("country_code").as("citizenship_country_code"),
        col("country_name").as("citizenship_country"));
    Dataset<Row> residence = countries.select(col("country_code").as("residence_country_code"),
        col("country_name").as("residence_country"));
    Dataset<Row> states = usStates.select(col("state_code").as("destination_state_code"), col("state_name").as("destination_state"));
    Dataset<Row> demographics = stateDemographics(usDemographics).withColumnRenamed("state_code", "destination_state_code");
    return arrivals
        .join(broadcast(states), new String[] {"destination_state_code"}, "left")
        .join(broadcast(demographics), new String[] {"destination_state_code"}, "left")
        .join(broadcast(citizenship), new String[] {"citizenship_country_code"}, "left")
        .join(broadcast(residence), new String[] {"residence_country_code"}, "left")
        .select("cicid", "arrival_date", "port_code", "travel_mode", "visa_category", "visa_type", "age", "gender",
            "citizenship_country_code", "citizenship_country", "residence_country_code", "residence_country",
            "destination_state_code", "destination_state", "state_population", "state_foreign_born",
            "state_foreign_born_share", "state_median_age", "year", "month");
  }
}
