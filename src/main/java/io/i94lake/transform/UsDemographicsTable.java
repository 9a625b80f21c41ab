package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code us_demographics}: one row per US city (key {@code city_id}) with its population figures. The source has
 * one row per city and race, repeating the city's figures on each: the figures are taken once, and each race's
 * count becomes a column of its own (never added to the population, since a person may count in several).
 */
public final class UsDemographicsTable {

  /** Race names of the source and their columns. */
  public static final Map<String, String> RACE_COLUMNS = races();

  private UsDemographicsTable() {}

  /** @param demographics accepted demographics rows */
  public static Dataset<Row> build(Dataset<Row> demographics) {
    List<Column> figures = new ArrayList<>(List.of(
        min("city").as("city"),
        max("state").as("state_name"),
        max("median_age").as("median_age"),
        max("male_population").as("male_population"),
        max("female_population").as("female_population"),
        max("total_population").as("total_population"),
        max("veterans").as("veterans"),
        max("foreign_born").as("foreign_born"),
        max("avg_household_size").as("avg_household_size")));
    RACE_COLUMNS.forEach((race, column) ->
        figures.add(max(when(col("race").equalTo(race), col("count"))).as(column)));
    return demographics
        .withColumn("city_id", CityKey.cityId(col("city"), col("state_code")))
        .groupBy("city_id", "state_code")
        .agg(figures.get(0), figures.subList(1, figures.size()).toArray(Column[]::new))
        .withColumn("foreign_born_share", col("foreign_born").divide(col("total_population")))
        .select(outputColumns());
  }

  private static Column[] outputColumns() {
    List<Column> columns = new ArrayList<>();
    for (String name : List.of("city_id", "city", "state_code", "state_name", "median_age", "male_population",
        "female_population", "total_population", "veterans", "foreign_born", "foreign_born_share", "avg_household_size")) {
      columns.add(col(name));
    }
    RACE_COLUMNS.values().forEach(name -> columns.add(col(name)));
    return columns.toArray(Column[]::new);
  }

  private static Map<String, String> races() {
    Map<String, String> races = new LinkedHashMap<>();
    races.put("American Indian and Alaska Native", "american_indian_alaska_native");
    races.put("Asian", "asian");
    races.put("Black or African-American", "black_african_american");
    races.put("Hispanic or Latino", "hispanic_latino");
    races.put("White", "white");
    return races;
  }
}
