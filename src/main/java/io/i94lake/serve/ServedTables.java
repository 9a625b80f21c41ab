package io.i94lake.serve;

import io.i94lake.core.ColumnType;
import io.i94lake.core.LakeTable;
import io.i94lake.core.TableCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables of a served database, made from views of the published snapshots (schema {@code lake}, see
 * {@link io.i94lake.engine.DuckDbReader#createViews}): what the API answers from, and nothing else.
 */
final class ServedTables {
  /** The schema of the snapshot views, dropped once the tables are made. */
  static final String SNAPSHOTS = "lake";

  /**
   * The places (states, countries, ports, cities, airports, demographics, weather: a few thousand rows), copied
   * whole and in the order of their files, which answers keep (by rowid) where they list rows.
   */
  static final List<String> PLACES = TableCatalog.served().stream()
      .filter(table -> table.kind() == LakeTable.Kind.DIMENSION).map(LakeTable::name).toList();

  /**
   * The names an arrival's record shows with its port and countries, as ENUM types of the port and country tables'
   * values: one or two bytes an arrival instead of the text, so that a record needs no join when it is read.
   */
  static final List<String> NAME_TYPES = List.of(
      "CREATE TYPE port_name AS ENUM (SELECT DISTINCT port_name FROM port WHERE port_name IS NOT NULL)",
      "CREATE TYPE port_city AS ENUM (SELECT DISTINCT city FROM port WHERE city IS NOT NULL)",
      "CREATE TYPE country_name AS ENUM (SELECT DISTINCT country_name FROM country WHERE country_name IS NOT NULL)");

  /**
   * arrival: every arrival as a regulator's record shows it, with its person's visa, age, gender and countries and
   * the names of its port and countries; one row per arrival; key cicid.
   */
  static final String ARRIVAL = """
      CREATE TABLE arrival AS
      SELECT i.cicid, i.admission_number, i.arrival_date, i.departure_date, i.allowed_until,
             coalesce(i.duration_of_status, false) AS duration_of_status, i.allowed_until_text, i.port_code,
             CAST(t.port_name AS port_name) AS port_name, CAST(t.city AS port_city) AS port_city,
             t.state_code AS port_state_code, i.travel_mode, p.visa_category, p.visa_type,
             CASE WHEN p.age >= 0 THEN p.age END AS age, -- a negative age is no age
             p.gender, p.citizenship_country_code, CAST(c.country_name AS country_name) AS citizenship_country,
             p.residence_country_code, CAST(r.country_name AS country_name) AS residence_country,
             i.destination_state_code, i.year, i.month
      FROM lake.immigration i
      LEFT JOIN lake.immigrant p ON i.cicid = p.cicid AND i.year = p.year AND i.month = p.month
      LEFT JOIN port t ON t.port_code = i.port_code
      LEFT JOIN country c ON c.country_code = p.citizenship_country_code
      LEFT JOIN country r ON r.country_code = p.residence_country_code""";

  /** A single arrival is looked up by cicid through an ART index (an admission number scans the column). */
  static final String ARRIVAL_INDEX = "CREATE INDEX arrival_cicid ON arrival (cicid)";

  /**
   * arrival_count: the arrivals counted by month, country of residence, visa category, travel mode, port and
   * destination state (136,907 groups for April 2016), so that a public breakdown sums groups, not arrivals.
   */
  static final String ARRIVAL_COUNT = """
      CREATE TABLE arrival_count AS
      SELECT printf('%04d-%02d', year, month) AS month, residence_country_code, visa_category, travel_mode, port_code,
             destination_state_code, count(*) AS arrivals
      FROM arrival
      GROUP BY ALL""";

  private ServedTables() {}

  private static String emptyTable(LakeTable table) {
    return "CREATE TABLE " + table.name() + " (" + table.columns().stream()
        .map(column -> column.name() + " " + duckDbType(column.type())).collect(Collectors.joining(", ")) + ")";
  }

  private static String duckDbType(ColumnType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case INT -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case STRING_ARRAY -> "VARCHAR[]";
    };
  }

  /**
   * The statements that make the served tables from the snapshot views, in order.
   *
   * @param published the tables the published run has: a place it lacks (a lake published before that table
   *     existed) is served empty, with its catalog columns
   */
  static List<String> statements(Set<String> published) {
    List<String> statements = new ArrayList<>();
    PLACES.forEach(table -> statements.add(published.contains(table)
        ? "CREATE TABLE " + table + " AS SELECT * FROM " + SNAPSHOTS + "." + table : emptyTable(TableCatalog.named(table))));
    // the arrivals' order is no answer's (lists sort): copied in any order, a second faster on April
    statements.addAll(NAME_TYPES);
    statements.add("SET preserve_insertion_order = false");
    statements.add(ARRIVAL);
    statements.add(ARRIVAL_INDEX);
    statements.add(ARRIVAL_COUNT);
    statements.add("RESET preserve_insertion_order");
    statements.add("DROP SCHEMA " + SNAPSHOTS + " CASCADE");
    return statements;
  }
}
