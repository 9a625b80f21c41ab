package io.i94lake.warehouse;

import java.util.List;

/**
 * A lake table as the warehouse holds it: its primary key and the indexes readers' lookups need.
 *
 * @param name the lake table's name, also its name in the warehouse schema
 * @param primaryKey the key columns
 * @param indexes each an ordered list of columns
 * @param fact a large per-arrival table, copied only when asked for
 */
public record WarehouseTable(String name, List<String> primaryKey, List<List<String>> indexes, boolean fact) {
  public WarehouseTable {
    primaryKey = List.copyOf(primaryKey);
    indexes = indexes.stream().map(List::copyOf).toList();
  }

  /** The dimension and analytics tables, then the facts; a regulator looks arrivals up by record, person, port and day, permit end. */
  public static final List<WarehouseTable> ALL = List.of(
      new WarehouseTable("us_state", List.of("state_code"), List.of(), false),
      new WarehouseTable("country", List.of("country_code"), List.of(), false),
      new WarehouseTable("port", List.of("port_code"), List.of(List.of("state_code")), false),
      new WarehouseTable("us_city", List.of("city_id"), List.of(List.of("state_code")), false),
      new WarehouseTable("us_airport", List.of("airport_id"), List.of(List.of("state_code"), List.of("iata_code")), false),
      new WarehouseTable("us_demographics", List.of("city_id"), List.of(List.of("state_code")), false),
      new WarehouseTable("us_weather", List.of("city_id"), List.of(List.of("state_code")), false),
      new WarehouseTable("airport_weather", List.of("airport_id"), List.of(List.of("state_code")), false),
      new WarehouseTable("immigration_demographics", List.of("cicid"),
          List.of(List.of("port_code", "arrival_date"), List.of("destination_state_code")), false),
      new WarehouseTable("immigration", List.of("cicid"), List.of(List.of("admission_number"),
          List.of("port_code", "arrival_date"), List.of("allowed_until")), true),
      new WarehouseTable("immigrant", List.of("cicid"), List.of(List.of("admission_number")), true));

  /** The tables a publish copies. */
  public static List<WarehouseTable> selected(boolean withFacts) {
    return ALL.stream().filter(table -> withFacts || !table.fact()).toList();
  }
}
