package io.i94lake.source;

import static io.i94lake.source.FieldType.PAIR_LATITUDE;
import static io.i94lake.source.FieldType.PAIR_LONGITUDE;
import static io.i94lake.source.FieldType.TEXT;
import static io.i94lake.source.FieldType.WHOLE_NUMBER;
import static io.i94lake.source.TextColumn.optional;
import static io.i94lake.source.TextColumn.required;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the airport table ({@code airport-codes_csv.csv}). Its {@code coordinates} field is one quoted
 * {@code "longitude, latitude"} string: longitude comes first. {@code continent = NA} is North America, not null.
 */
public final class AirportReader {
  public static final String SOURCE = "airports";
  public static final TextLayout LAYOUT = new TextLayout(SOURCE, ',', List.of(
      required("ident", "ident", TEXT),
      optional("type", "type", TEXT),
      optional("name", "name", TEXT),
      optional("elevation_ft", "elevation_ft", WHOLE_NUMBER),
      optional("continent", "continent", TEXT),
      required("iso_country", "iso_country", TEXT),
      optional("iso_region", "iso_region", TEXT),
      optional("municipality", "municipality", TEXT),
      optional("gps_code", "gps_code", TEXT),
      optional("iata_code", "iata_code", TEXT),
      optional("local_code", "local_code", TEXT),
      optional("latitude", "coordinates", PAIR_LATITUDE),
      optional("longitude", "coordinates", PAIR_LONGITUDE)));

  private AirportReader() {}

  public static SourceRead read(SparkSession spark, List<String> files) {
    return SourceRead.ofText(SOURCE, files, new DelimitedTextReader(spark).read(files, LAYOUT));
  }
}
