package io.i94lake.core;

import static io.i94lake.core.ColumnType.BIGINT;
import static io.i94lake.core.ColumnType.BOOLEAN;
import static io.i94lake.core.ColumnType.DATE;
import static io.i94lake.core.ColumnType.DOUBLE;
import static io.i94lake.core.ColumnType.INT;
import static io.i94lake.core.ColumnType.STRING;
import static io.i94lake.core.ColumnType.STRING_ARRAY;
import static io.i94lake.core.ColumnType.TIMESTAMP;
import static io.i94lake.core.LakeTable.Kind.ANALYTICS;
import static io.i94lake.core.LakeTable.Kind.DIMENSION;
import static io.i94lake.core.LakeTable.Kind.FACT;
import static io.i94lake.core.LakeTable.Kind.HISTORY;
import static io.i94lake.core.LakeTable.Kind.POINTER;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lake's tables, in the order runs report them: the one place their names, columns, keys, grain and
 * partitioning are written. The pipeline, the checks, the warehouse copy and {@code serve} read them from here.
 * A column's meaning says what the sources support, and "as the source gives it" where they say no more.
 */
public final class TableCatalog {
  private static final List<String> MONTHLY = List.of("year", "month");
  private static final String I94 = "i94";

  public static final LakeTable US_STATE = new LakeTable("us_state", "one row per US state, DC and territory",
      List.of("state_code"), List.of(), DIMENSION, true, List.of(), "state_labels", List.of(
          column("state_code", STRING, "two-letter code of the label dictionary's i94addrl list (CA); its catch-all 99 is left out"),
          column("state_name", STRING, "name as the demographics file writes it (North Carolina), else the dictionary's label in title case (Guam)"),
          column("label", STRING, "the dictionary's label as written (N. CAROLINA, WISCONSON)")));
  public static final LakeTable COUNTRY = new LakeTable("country", "one row per country code of citizenship or residence",
      List.of("country_code"), List.of(), DIMENSION, true, List.of(), "country_labels", List.of(
          column("country_code", INT, "I-94 country code of the label dictionary's i94cntyl list (582)"),
          column("country_name", STRING, "readable name (Mexico; INVALID: CANADA becomes Canada)"),
          column("is_valid", BOOLEAN, "false for the dictionary's INVALID:, No Country Code (…) and Collapsed … entries"),
          column("label", STRING, "the dictionary's label as written (MEXICO Air Sea, and Not Reported (I-94, no land arrivals))")));
  public static final LakeTable PORT = new LakeTable("port", "one row per I-94 port of entry",
      List.of("port_code"), List.of(), DIMENSION, true, List.of(List.of("state_code")), "port_labels", List.of(
          column("port_code", STRING, "I-94 port code of the label dictionary's i94prtl list; not an IATA code (LOS is Los Angeles)"),
          column("port_name", STRING, "the dictionary's label without padding (LOS ANGELES, CA)"),
          column("city", STRING, "the port's city as its label names it (Los Angeles); null for placeholders"),
          column("state_code", STRING, "its US state or territory; null for ports abroad (CALGARY, CANADA)"),
          column("city_id", BIGINT, "the city in us_city; null without a US state"),
          column("is_valid", BOOLEAN, "false for No PORT Code (…), Collapsed …, INVALID - … and unknown ports"),
          column("label", STRING, "the dictionary's label as written")));
  public static final LakeTable US_AIRPORT = new LakeTable("us_airport",
      "one row per airport in a state, DC or territory of us_state", List.of("airport_id"), List.of(), DIMENSION, true,
      List.of(List.of("state_code"), List.of("iata_code")), "airports", List.of(
          column("airport_id", STRING, "the source's ident (00A)"),
          column("name", STRING, "the airport's name, as the source gives it"),
          column("type", STRING, "small_airport, medium_airport, large_airport, heliport, seaplane_base, balloonport or closed"),
          column("iata_code", STRING, "IATA code as the source gives it; mostly null"),
          column("icao_code", STRING, "the gps_code when it is four capital letters (an ICAO code), else null"),
          column("gps_code", STRING, "as the source gives it"),
          column("local_code", STRING, "as the source gives it"),
          column("elevation_ft", INT, "elevation in feet; null when unknown"),
          column("city", STRING, "the source's municipality"),
          column("city_id", BIGINT, "the municipality in us_city"),
          column("state_code", STRING, "from iso_region (US-PA is PA); a territory's from its country code (PR, GU, VI, AS, MP)"),
          column("latitude", DOUBLE, "degrees north (the source's coordinates are \"longitude, latitude\")"),
          column("longitude", DOUBLE, "degrees east, negative to the west")));
  public static final LakeTable US_DEMOGRAPHICS = new LakeTable("us_demographics", "one row per city",
      List.of("city_id"), List.of(), DIMENSION, true, List.of(List.of("state_code")), "demographics", List.of(
          column("city_id", BIGINT, "the city in us_city"),
          column("city", STRING, "name as the demographics file writes it"),
          column("state_code", STRING, "its state"),
          column("state_name", STRING, "its state's name as the demographics file writes it"),
          column("median_age", DOUBLE, "median age, years"),
          column("male_population", BIGINT, "men"),
          column("female_population", BIGINT, "women"),
          column("total_population", BIGINT, "people"),
          column("veterans", BIGINT, "veterans"),
          column("foreign_born", BIGINT, "people born abroad"),
          column("foreign_born_share", DOUBLE, "foreign_born / total_population"),
          column("avg_household_size", DOUBLE, "average household size, people"),
          race("american_indian_alaska_native", "American Indian and Alaska Native"),
          race("asian", "Asian"),
          race("black_african_american", "Black or African-American"),
          race("hispanic_latino", "Hispanic or Latino"),
          race("white", "White")));
  public static final LakeTable US_WEATHER = new LakeTable("us_weather",
      "the latest monthly temperature of each US city of the temperature file", List.of("city_id"), List.of(), DIMENSION,
      true, List.of(List.of("state_code")), "temperatures", List.of(
          column("city_id", BIGINT, "the city in us_city"),
          column("city", STRING, "name as the temperature file writes it"),
          column("state_code", STRING, "the state of the nearest same-named known city, else of the nearest airport"),
          column("measured_on", DATE, "first day of the latest month with a temperature"),
          column("avg_temp_c", DOUBLE, "mean temperature of that month, °C"),
          column("temp_uncertainty_c", DOUBLE, "its 95% uncertainty, °C"),
          column("latitude", DOUBLE, "the file's grid position, degrees north (32.95N is 32.95)"),
          column("longitude", DOUBLE, "the file's grid position, degrees east (100.53W is -100.53)"),
          column("resolved_by", STRING, "how the state was found: same-named city or nearest airport")));
  public static final LakeTable US_TEMPERATURE = new LakeTable("us_temperature",
      "one row per US city of the temperature file and month of its last three measured years", List.of("city_id", "measured_on"),
      List.of(), DIMENSION, true, List.of(List.of("state_code")), "temperatures", List.of(
          column("city_id", BIGINT, "the city in us_city"),
          column("city", STRING, "name as the temperature file writes it"),
          column("state_code", STRING, "the state of the nearest same-named known city, else of the nearest airport"),
          column("measured_on", DATE, "first day of the month; the 36 months up to the city's latest measure"),
          column("avg_temp_c", DOUBLE, "mean temperature of that month, °C"),
          column("temp_uncertainty_c", DOUBLE, "its 95% uncertainty, °C")));
  public static final LakeTable US_CITY = new LakeTable("us_city", "one row per US city named by any source",
      List.of("city_id"), List.of(), DIMENSION, true, List.of(List.of("state_code")), null, List.of(
          column("city_id", BIGINT, "stable id of (normalized name, state): the first 13 hex digits of md5('NAME|STATE'), below 2^53"),
          column("city", STRING, "name: the demographics spelling, else the airports', the temperature file's, the ports'"),
          column("state_code", STRING, "its state"),
          column("latitude", DOUBLE, "mean latitude of its airports, else of its temperature grid cells; null when neither"),
          column("longitude", DOUBLE, "mean longitude of its airports, else of its temperature grid cells; null when neither"),
          column("named_by", STRING_ARRAY, "the sources naming it, sorted: airports, demographics, ports, temperatures")));
  public static final LakeTable AIRPORT_WEATHER = new LakeTable("airport_weather",
      "each US airport with its city's latest weather", List.of("airport_id"), List.of(), ANALYTICS, false,
      List.of(List.of("state_code")), null, Stream.of(
          columnsOf(US_AIRPORT, "airport_id", "name", "type", "iata_code", "icao_code", "city_id", "city", "state_code"),
          List.of(column("state_name", STRING, "its state's name (us_state)")),
          columnsOf(US_AIRPORT, "latitude", "longitude", "elevation_ft"),
          List.of(column("measured_on", DATE, "first day of its city's latest month with a temperature; null when the temperature file has no such city"),
              column("avg_temp_c", DOUBLE, "mean temperature of that month, °C; null when the temperature file has no such city"),
              column("temp_uncertainty_c", DOUBLE, "its 95% uncertainty, °C; null when the temperature file has no such city")))
          .flatMap(List::stream).toList());
  public static final LakeTable IMMIGRATION = new LakeTable("immigration", "one row per arrival record",
      List.of("cicid"), MONTHLY, FACT, true,
      List.of(List.of("admission_number"), List.of("port_code", "arrival_date"), List.of("allowed_until")), I94, List.of(
          column("cicid", BIGINT, "record id (cicid)"),
          column("admission_number", BIGINT, "I-94 admission number (admnum); a person entering twice has two records"),
          column("arrival_date", DATE, "from arrdate, a SAS day number (days since 1960-01-01)"),
          column("departure_date", DATE, "from depdate; null when no departure is recorded"),
          column("allowed_until", DATE, "permit end, from dtaddto (MMDDYYYY); null for duration of status or an unreadable value"),
          column("duration_of_status", BOOLEAN, "dtaddto is D/S: admitted for the duration of a status (students), no end date"),
          column("allowed_until_text", STRING, "the raw dtaddto when it could not be read (183, year 9999), else null"),
          column("port_code", STRING, "port of entry (i94port; see port)"),
          column("city_id", BIGINT, "the US city of its port (us_city); null when the port has none"),
          column("destination_state_code", STRING, "i94addr as recorded; may be a code not in us_state"),
          column("travel_mode", STRING, "Air, Sea, Land or Not reported (also for a missing i94mode)"),
          column("airline", STRING, "airline used to arrive (airline)"),
          column("flight_number", STRING, "flight number of that airline (fltno)"),
          column("arrival_flag", STRING, "entdepa: admitted or paroled into the US; codes as the source gives them"),
          column("departure_flag", STRING, "entdepd: departed, lost I-94 or deceased; codes as the source gives them"),
          column("update_flag", STRING, "entdepu: apprehended, overstayed or adjusted to permanent residence; codes as the source gives them"),
          column("match_flag", STRING, "matflag: match of arrival and departure records; codes as the source gives them"),
          column("year", INT, "year of arrival"),
          column("month", INT, "month of arrival, 1 to 12")));
  public static final LakeTable IMMIGRANT = new LakeTable("immigrant", "the person of each arrival record",
      List.of("cicid"), MONTHLY, FACT, true, List.of(List.of("admission_number")), I94, Stream.of(
          columnsOf(IMMIGRATION, "cicid", "admission_number"),
          List.of(column("age", INT, "age in years (i94bir); null outside 0..120"),
              column("birth_year", INT, "year of birth (biryear)"),
              column("gender", STRING, "gender as recorded, upper case: F, M, U or X; null when not recorded"),
              column("occupation", STRING, "occupation to be performed in the US (occup), as the source gives it"),
              column("citizenship_country_code", INT, "country of citizenship (i94cit; see country)"),
              column("residence_country_code", INT, "country of residence (i94res; see country)"),
              column("visa_category", STRING, "Business, Pleasure or Student (i94visa)"),
              column("visa_type", STRING, "class of admission (visatype: B2, F1, WT, …)"),
              column("visa_post", STRING, "Department of State post that issued the visa (visapost)")),
          columnsOf(IMMIGRATION, "year", "month")).flatMap(List::stream).toList());
  public static final LakeTable IMMIGRATION_DEMOGRAPHICS = new LakeTable("immigration_demographics",
      "each arrival with its destination and countries", List.of("cicid"), MONTHLY, ANALYTICS, false,
      List.of(List.of("port_code", "arrival_date"), List.of("destination_state_code")), I94, Stream.of(
          columnsOf(IMMIGRATION, "cicid", "arrival_date", "port_code", "travel_mode"),
          columnsOf(IMMIGRANT, "visa_category", "visa_type", "age", "gender", "citizenship_country_code"),
          List.of(column("citizenship_country", STRING, "its name (country); null for a code not in country")),
          columnsOf(IMMIGRANT, "residence_country_code"),
          List.of(column("residence_country", STRING, "its name (country); null for a code not in country")),
          columnsOf(IMMIGRATION, "destination_state_code"),
          List.of(column("destination_state", STRING, "its name (us_state); null for a code not in us_state"),
              column("state_population", BIGINT, "people in the destination state's cities of the demographics file (65,000 people or more)"),
              column("state_foreign_born", BIGINT, "people born abroad in those cities"),
              column("state_foreign_born_share", DOUBLE, "state_foreign_born / state_population"),
              column("state_median_age", DOUBLE, "those cities' median ages weighted by their population, years")),
          columnsOf(IMMIGRATION, "year", "month")).flatMap(List::stream).toList());
  public static final LakeTable REJECTS = new LakeTable("rejects",
      "every input row that could not become a table row", List.of(), List.of("source", "year", "month"),
      LakeTable.Kind.REJECTS, false, List.of(), null, List.of(
          column("source", STRING, "airports, demographics, temperatures, i94, country_labels, port_labels, …"),
          column("location", STRING, "file:line for text files, file:row for Parquet and SAS7BDAT (rows from 1)"),
          column("reason", STRING, "why, for a person (has 3 fields, expected 12)"),
          column("raw", STRING, "the line as read, or the record as JSON"),
          column("run_id", STRING, "the run that read it"),
          column("year", INT, "for I-94 records, the year they belong to; null otherwise"),
          column("month", INT, "for I-94 records, the month they belong to; null otherwise")));
  public static final LakeTable RUNS = new LakeTable("runs", "one row per run", List.of("run_id"), List.of(), HISTORY,
      false, List.of(), null, List.of(
          column("run_id", STRING, "start time (UTC) and a random suffix: 20261125T170102Z-3fa9c1"),
          column("trigger", STRING, "manual, backfill, schedule, resume, rollback or maintain"),
          column("state", STRING, "SUCCEEDED or FAILED"),
          column("months", STRING, "the I-94 months it processed (2016-01..2016-03); null for none"),
          column("started_at", TIMESTAMP, "when it started"),
          column("ended_at", TIMESTAMP, "when it ended"),
          column("seconds", DOUBLE, "how long it took, seconds"),
          column("rows_in", BIGINT, "rows read from the sources"),
          column("rows_written", BIGINT, "rows written to the tables but rejects"),
          column("rows_rejected", BIGINT, "rows of the sources rejected"),
          column("checks_failed", INT, "error-level checks that failed"),
          column("failure_category", STRING, "SOURCE_MISSING, SOURCE_MALFORMED, CHECK_FAILED, COMMIT_CONFLICT or WRITE_FAILED; null when it succeeded"),
          column("error", STRING, "why it failed; null when it succeeded"),
          column("published_snapshots", STRING, "table=snapshot id,…: what it made readers see; null when it published nothing"),
          column("audit_branch", STRING, "the branch it wrote on, kept when it failed"),
          column("resumed_from", STRING, "the failed run it resumed; null otherwise"),
          column("raw", STRING, "its raw folder (to resume it)"),
          column("i94", STRING, "the I-94 files or folders it was given, one a line; empty for those found in raw"),
          column("max_rejected_share", DOUBLE, "its --max-rejected-share (to resume it)"),
          column("note", STRING, "what a rollback, maintain or a taken-over lock says of it"),
          column("tables", STRING, "the tables it covered, comma-separated; null for runs recorded before runs could cover some")));
  public static final LakeTable RUN_TASKS = new LakeTable("run_tasks", "one row per task of a run",
      List.of("run_id", "task"), List.of(), HISTORY, false, List.of(), null, List.of(
          column("run_id", STRING, "the run (runs)"),
          column("task", STRING, "read a source, write a table or a month of arrivals, check a table, publish"),
          column("state", STRING, "SUCCEEDED, FAILED, SKIPPED after another task failed, or DONE_BEFORE in a resumed run"),
          column("attempts", INT, "tries"),
          column("started_at", TIMESTAMP, "when its first try started; null when it never ran"),
          column("ended_at", TIMESTAMP, "when its last try ended; null when it never ran"),
          column("seconds", DOUBLE, "how long it took, seconds; null when it never ran"),
          column("rows_in", BIGINT, "rows it read"),
          column("rows_out", BIGINT, "rows it wrote"),
          column("rows_rejected", BIGINT, "rows it rejected"),
          column("error", STRING, "why it failed; null otherwise")));
  public static final LakeTable RUN_CHECKS = new LakeTable("run_checks", "one row per check of a run",
      List.of("run_id", "table_name", "check_name"), List.of(), HISTORY, false, List.of(), null, List.of(
          column("run_id", STRING, "the run (runs)"),
          column("table_name", STRING, "the table checked"),
          column("check_name", STRING, "the constraint (cicid duplicates, port_code found in port.port_code)"),
          column("level", STRING, "ERROR (blocks publishing) or WARNING"),
          column("passed", BOOLEAN, "whether the observed value met the threshold"),
          column("observed", DOUBLE, "the value measured; null when there was nothing to measure"),
          column("threshold", STRING, "what was required (>= 0.98)"),
          column("message", STRING, "the result for a person")));
  public static final LakeTable PUBLISHED = new LakeTable("published", "one row per table readers see",
      List.of("table_name"), List.of(), POINTER, false, List.of(), null, List.of(
          column("table_name", STRING, "the table"),
          column("snapshot_id", BIGINT, "its Iceberg snapshot readers see"),
          column("run_id", STRING, "the run, rollback or maintenance that published it"),
          column("published_at", TIMESTAMP, "when")));

  /** Every table of the lake, each after the tables it reads (a run writes them in this order). */
  public static final List<LakeTable> ALL = List.of(US_STATE, COUNTRY, PORT, US_AIRPORT, US_DEMOGRAPHICS, US_WEATHER, US_TEMPERATURE,
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

  /**
   * The tables a run writes and publishes, by name, in the order runs report them.
   *
   * @throws IllegalArgumentException naming a table that is not one, and the tables there are
   */
  public static List<LakeTable> published(Collection<String> names) {
    names.stream().filter(name -> !publishedNames().contains(name)).findFirst().ifPresent(name -> {
      throw new IllegalArgumentException("Cannot run table " + name + ": a run writes no such table; its tables: "
          + String.join(", ", publishedNames()));
    });
    return published().stream().filter(table -> names.contains(table.name())).toList();
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

  private static Column column(String name, ColumnType type, String meaning) {
    return new Column(name, type, meaning);
  }

  private static Column race(String name, String race) {
    return column(name, BIGINT, "people counted as " + race + " (one may count in several); null when the file has no such row");
  }

  // columns that mean in this table what they mean in that one
  private static List<Column> columnsOf(LakeTable table, String... names) {
    return Stream.of(names).map(name -> table.column(name).orElseThrow(() ->
        new IllegalArgumentException("Table " + table.name() + " has no column " + name))).toList();
  }
}
