package io.i94lake.source;

import static io.i94lake.source.FieldType.DATE;
import static io.i94lake.source.FieldType.LATITUDE;
import static io.i94lake.source.FieldType.LONGITUDE;
import static io.i94lake.source.FieldType.NUMBER;
import static io.i94lake.source.FieldType.TEXT;
import static io.i94lake.source.TextColumn.optional;
import static io.i94lake.source.TextColumn.required;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Reads monthly city temperatures in Kaggle's {@code GlobalLandTemperaturesByCity.csv} layout. {@code dt} is
 * ISO {@code YYYY-MM-DD} in the original and {@code M/D/YYYY} in copies saved by Excel; coordinates carry a
 * hemisphere letter ({@code 32.95N}, {@code 100.53W}); a month without a measure has an empty temperature.
 */
public final class TemperatureReader {
  public static final String SOURCE = "temperatures";
  public static final TextLayout LAYOUT = new TextLayout(SOURCE, ',', List.of(
      required("measured_on", "dt", DATE),
      optional("avg_temp_c", "AverageTemperature", NUMBER),
      optional("temp_uncertainty_c", "AverageTemperatureUncertainty", NUMBER),
      required("city", "City", TEXT),
      required("country", "Country", TEXT),
      required("latitude", "Latitude", LATITUDE),
      required("longitude", "Longitude", LONGITUDE)));

  private TemperatureReader() {}

  public static SourceRead read(SparkSession spark, List<String> files) {
    return SourceRead.ofText(SOURCE, files, new DelimitedTextReader(spark).read(files, LAYOUT));
  }
}
