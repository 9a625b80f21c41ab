package io.i94lake.source;

import static io.i94lake.source.FieldType.BIG_WHOLE_NUMBER;
import static io.i94lake.source.FieldType.NUMBER;
import static io.i94lake.source.FieldType.TEXT;
import static io.i94lake.source.TextColumn.optional;
import static io.i94lake.source.TextColumn.required;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Reads US city demographics ({@code us-cities-demographics.csv}): {@code ;}-separated, one row per city, state
 * and race. The city-level figures repeat on every race row of a city.
 */
public final class DemographicsReader {
  public static final String SOURCE = "demographics";
  public static final TextLayout LAYOUT = new TextLayout(SOURCE, ';', List.of(
      required("city", "City", TEXT),
      optional("state", "State", TEXT),
      optional("median_age", "Median Age", NUMBER),
      optional("male_population", "Male Population", BIG_WHOLE_NUMBER),
      optional("female_population", "Female Population", BIG_WHOLE_NUMBER),
      required("total_population", "Total Population", BIG_WHOLE_NUMBER),
      optional("veterans", "Number of Veterans", BIG_WHOLE_NUMBER),
      optional("foreign_born", "Foreign-born", BIG_WHOLE_NUMBER),
      optional("avg_household_size", "Average Household Size", NUMBER),
      required("state_code", "State Code", TEXT),
      required("race", "Race", TEXT),
      optional("count", "Count", BIG_WHOLE_NUMBER)));

  private DemographicsReader() {}

  public static SourceRead read(SparkSession spark, List<String> files) {
    return SourceRead.ofText(SOURCE, files, new DelimitedTextReader(spark).read(files, LAYOUT));
  }
}
