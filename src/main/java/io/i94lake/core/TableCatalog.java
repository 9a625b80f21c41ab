package io.i94lake.core;

import static io.i94lake.core.LakeTable.Kind.ANALYTICS;
import static io.i94lake.core.LakeTable.Kind.DIMENSION;
import static io.i94lake.core.LakeTable.Kind.FACT;
import static io.i94lake.core.LakeTable.Kind.HISTORY;
import static io.i94lake.core.LakeTable.Kind.POINTER;

import java.util.List;

/**
 * The lake's tables, in the order runs report them: the one place their names, keys, grain and partitioning are
 * written. The pipeline, the checks, the warehouse copy and {@code serve} read them from here.
 */
public final class TableCatalog {
  private static final List<String> MONTHLY = List.of("year", "month");

  public static final LakeTable US_STATE = new LakeTable("us_state", "one row per US state, DC and territory",
      List.of("state_code"), List.of(), DIMENSION, true, List.of());
  public static final LakeTable COUNTRY = new LakeTable("country", "one row per country code of citizenship or residence",
      List.of("country_code"), List.of(), DIMENSION, true, List.of());
  public static final LakeTable PORT = new LakeTable("port", "one row per I-94 port of entry",
      List.of("port_code"), List.of(), DIMENSION, true, List.of(List.of("state_code")));
  public static final LakeTable US_AIRPORT = new LakeTable("us_airport",
      "one row per airport in a state, DC or territory of us_state", List.of("airport_id"), List.of(), DIMENSION, true,
      List.of(List.of("state_code"), List.of("iata_code")));
  public static final LakeTable US_DEMOGRAPHICS = new LakeTable("us_demographics", "one row per city",
      List.of("city_id"), List.of(), DIMENSION, true, List.of(List.of("state_code")));
  public static final LakeTable US_WEATHER = new LakeTable("us_weather",
      "the latest monthly temperature of each US city of the temperature file", List.of("city_id"), List.of(), DIMENSION,
      true, List.of(List.of("state_code")));
  public static final LakeTable US_CITY = new LakeTable("us_city", "one row per US city named by any source",
      List.of("city_id"), List.of(), DIMENSION, true, List.of(List.of("state_code")));
  public static final LakeTable AIRPORT_WEATHER = new LakeTable("airport_weather",
      "each US airport with its city's latest weather", List.of("airport_id"), List.of(), ANALYTICS, false,
      List.of(List.of("state_code")));
  public static final LakeTable IMMIGRATION = new LakeTable("immigration", "one row per arrival record",
      List.of("cicid"), MONTHLY, FACT, true,
      List.of(List.of("admission_number"), List.of("port_code", "arrival_date"), List.of("allowed_until")));
  public static final LakeTable IMMIGRANT = new LakeTable("immigrant", "the person of each arrival record",
      List.of("cicid"), MONTHLY, FACT, true, List.of(List.of("admission_number")));
  public static final LakeTable IMMIGRATION_DEMOGRAPHICS = new LakeTable("immigration_demographics",
      "each arrival with its destination and countries", List.of("cicid"), MONTHLY, ANALYTICS, false,
      List.of(List.of("port_code", "arrival_date"), List.of("destination_state_code")));
  public static final LakeTable REJECTS = new LakeTable("rejects",
      "every input row that could not become a table row", List.of(), List.of("source", "year", "month"),
      LakeTable.Kind.REJECTS, false, List.of());
  public static final LakeTable RUNS = new LakeTable("runs", "one row per run", List.of("run_id"), List.of(), HISTORY,
      false, List.of());
  public static final LakeTable RUN_TASKS = new LakeTable("run_tasks", "one row per task of a run",
      List.of("run_id", "task"), List.of(), HISTORY, false, List.of());
  public static final LakeTable RUN_CHECKS = new LakeTable("run_checks", "one row per check of a run",
      List.of("run_id", "table_name", "check_name"), List.of(), HISTORY, false, List.of());
  public static final LakeTable PUBLISHED = new LakeTable("published", "one row per table readers see",
      List.of("table_name"), List.of(), POINTER, false, List.of());

  /** Every table of the lake. */
  public static final List<LakeTable> ALL = List.of(US_STATE, COUNTRY, PORT, US_AIRPORT, US_DEMOGRAPHICS, US_WEATHER,
      US_CITY, AIRPORT_WEATHER, IMMIGRATION, IMMIGRANT, IMMIGRATION_DEMOGRAPHICS, REJECTS, RUNS, RUN_TASKS,
      RUN_CHECKS, PUBLISHED);

  private TableCatalog() {}

  /** The tables a run writes and publishes, in the order runs report them. */
  public static List<LakeTable> published() {
    return ALL.stream().filter(LakeTable::published).toList();
  }

  /** The names of the tables a run writes and publishes. */
  public static List<String> publishedNames() {
    return published().stream().map(LakeTable::name).toList();
  }

  /** The tables {@code serve} answers from. */
  public static List<LakeTable> served() {
    return ALL.stream().filter(LakeTable::served).toList();
  }

  /** The tables whose row count is held against the last published one (all a run writes, but rejects). */
  public static List<LakeTable> counted() {
    return published().stream().filter(table -> table.kind() != LakeTable.Kind.REJECTS).toList();
  }

  public static LakeTable named(String name) {
    return ALL.stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("The lake has no table " + name + "; its tables: " + ALL));
  }
}
