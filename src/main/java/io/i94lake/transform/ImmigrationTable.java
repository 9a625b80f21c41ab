package io.i94lake.transform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code immigration}: one row per I-94 arrival record (key {@code cicid}), partitioned by arrival year and month:
 * when and where a person arrived, how, until when they may stay and whether they left. Decoding rules: see
 * {@link I94Arrivals}.
 */
public final class ImmigrationTable {
  public static final List<String> COLUMNS = List.of(
      "cicid", "admission_number", "arrival_date", "departure_date", "allowed_until", "duration_of_status",
      "allowed_until_text", "port_code", "city_id", "destination_state_code", "travel_mode", "airline",
      "flight_number", "arrival_flag", "departure_flag", "update_flag", "match_flag", "year", "month");

  private ImmigrationTable() {}

  /**
   * @param arrivals described arrival records (see {@link I94Arrivals#describe})
   * @param ports the {@code port} table, which gives each port of entry its city
   */
  public static Dataset<Row> build(Dataset<Row> arrivals, Dataset<Row> ports) {
    Dataset<Row> portCities = ports.select(col("port_code").as("port_key"), col("city_id"));
    return arrivals.join(broadcast(portCities), col("port_code").equalTo(col("port_key")), "left")
        .selectExpr(COLUMNS.toArray(String[]::new));
  }
}
