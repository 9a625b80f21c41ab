package io.i94lake.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The public answers: counts and profiles of places, never one person's record. */
final class PublicAnswers {
  static final int MAX_SEARCH_RESULTS = 20;
  static final int MAX_MAIN_AIRPORTS = 50;
  private static final List<String> RACES = List.of("american_indian_alaska_native", "asian", "black_african_american",
      "hispanic_latino", "white");
  private static final String COUNTED = " FROM arrival_count";
  // a country, or what stands for one: "unknown" without a code, "code 123" for a code the dictionary lacks
  private static final String COUNTRY_NAME = "CASE WHEN g.code IS NULL THEN 'unknown' ELSE coalesce(c.country_name, 'code ' || g.code) END";
  private static final String MAIN_AIRPORT = "(iata_code IS NOT NULL OR type IN ('large_airport', 'medium_airport'))";
  // a state's main airports start with its large ones (Dallas/Fort Worth before the LBJ Ranch strip)
  private static final String LARGEST_FIRST = "CASE type WHEN 'large_airport' THEN 0 WHEN 'medium_airport' THEN 1 ELSE 2 END";
  // states and cities named like the text: 0 exact name (or a state's code), 2 starting with it, 4 containing it;
  // a city ranks one below a state; then the most populous, the name, and the order of the tables
  private static final String SEARCH = """
      SELECT kind, id, name, state_code, profile FROM (
        SELECT 'state' AS kind, state_code AS id, state_name AS name, state_code,
               '/api/destinations/states/' || state_code AS profile,
               CASE WHEN lower(state_name) = $1 OR lower(state_code) = $1 THEN 0 WHEN starts_with(lower(state_name), $1) THEN 2
                    WHEN contains(lower(state_name), $1) THEN 4 END AS rank,
               0 AS population, 0 AS source, rowid AS position
        FROM us_state
        UNION ALL
        SELECT 'city', CAST(c.city_id AS VARCHAR), c.city, c.state_code, '/api/destinations/cities/' || c.city_id,
               CASE WHEN lower(c.city) = $1 THEN 1 WHEN starts_with(lower(c.city), $1) THEN 3
                    WHEN contains(lower(c.city), $1) THEN 5 END,
               coalesce(d.total_population, 0), 1, c.rowid
        FROM us_city c LEFT JOIN us_demographics d ON d.city_id = c.city_id
      )
      WHERE rank IS NOT NULL
      ORDER BY rank, population DESC, name, source, position
      LIMIT $2""";

  private final ServedQueries sql;

  PublicAnswers(ServedQueries sql) {
    this.sql = sql;
  }

  /** Arrivals passing a filter, by month, country of residence, visa category, travel mode and port. */
  Map<String, Object> arrivals(ArrivalFilter filter, int top) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", total(filter));
    answer.put("by_month", byMonth(filter));
    answer.put("by_residence_country", byResidenceCountry(filter, top));
    answer.put("by_visa_category", largestFirst(filter, "visa_category", "visa_category", Integer.MAX_VALUE));
    answer.put("by_travel_mode", largestFirst(filter, "travel_mode", "travel_mode", Integer.MAX_VALUE));
    answer.put("by_port", sql.rows("SELECT coalesce(g.code, 'unknown') AS port_code, p.port_name, p.city, p.state_code, "
        + "p.is_valid, g.arrivals FROM (SELECT port_code AS code, CAST(sum(arrivals) AS BIGINT) AS arrivals" + COUNTED
        + filter.where() + " GROUP BY 1 ORDER BY arrivals DESC, coalesce(code, 'null') LIMIT ?) g "
        + "LEFT JOIN port p ON p.port_code = g.code ORDER BY g.arrivals DESC, coalesce(g.code, 'null')",
        withTop(filter, top)));
    answer.put("by_destination_state", largestFirst(filter, "destination_state_code", "state_code", top));
    if (filter.ports().size() == 1) {
      // the port asked for, so that a dashboard can say what it is even when nobody arrived there
      answer.put("port", port(filter.ports().get(0)));
    }
    // so that a dashboard can say a month range without arrivals is outside what the lake holds
    answer.put("lake_months", lakeMonths());
    return answer;
  }

  private List<Object> lakeMonths() {
    return sql.rows("SELECT DISTINCT month FROM arrival_count WHERE month IS NOT NULL ORDER BY month").stream()
        .map(row -> row.get("month")).toList();
  }

  /**
   * The values the arrivals have for each filter of {@code /api/arrivals}, each with a label and its arrivals,
   * most arrivals first (months in order): what a dashboard offers to filter by.
   */
  Map<String, Object> choices() {
    Map<String, Object> choices = new LinkedHashMap<>();
    choices.put("months", sql.rows("SELECT month AS value, month AS label, CAST(sum(arrivals) AS BIGINT) AS arrivals"
        + COUNTED + " WHERE month IS NOT NULL GROUP BY month ORDER BY month"));
    choices.put("residence_country", sql.rows("SELECT CAST(g.code AS VARCHAR) AS value, coalesce(c.country_name, 'code ' "
        + "|| g.code) AS label, g.arrivals FROM (SELECT residence_country_code AS code, CAST(sum(arrivals) AS BIGINT) AS "
        + "arrivals" + COUNTED + " WHERE residence_country_code IS NOT NULL GROUP BY 1) g LEFT JOIN country c ON "
        + "c.country_code = g.code ORDER BY g.arrivals DESC, g.code"));
    choices.put("visa_category", valuesOf("visa_category"));
    choices.put("travel_mode", valuesOf("travel_mode"));
    choices.put("port", sql.rows("SELECT g.code AS value, g.code || coalesce(' ' || p.city, '') AS label, g.arrivals "
        + "FROM (SELECT port_code AS code, CAST(sum(arrivals) AS BIGINT) AS arrivals" + COUNTED
        + " WHERE port_code IS NOT NULL GROUP BY 1) g LEFT JOIN port p ON p.port_code = g.code ORDER BY g.arrivals DESC, g.code"));
    choices.put("destination_state", sql.rows("SELECT s.state_code AS value, s.state_name AS label, "
        + "CAST(coalesce(sum(a.arrivals), 0) AS BIGINT) AS arrivals FROM us_state s LEFT JOIN arrival_count a "
        + "ON a.destination_state_code = s.state_code GROUP BY s.state_code, s.state_name ORDER BY arrivals DESC, s.state_code"));
    return choices;
  }

  private List<Map<String, Object>> valuesOf(String column) {
    return sql.rows("SELECT " + column + " AS value, " + column + " AS label, CAST(sum(arrivals) AS BIGINT) AS arrivals"
        + COUNTED + " WHERE " + column + " IS NOT NULL GROUP BY 1 ORDER BY arrivals DESC, value");
  }

  /**
   * The map of arrivals passing a filter: every state's arrivals as destination (0 when none), whether the map
   * draws it, and the ports of entry placed at their city's position with their arrivals.
   */
  Map<String, Object> map(ArrivalFilter filter) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", total(filter));
    List<Map<String, Object>> states = sql.rows("SELECT s.state_code, s.state_name, CAST(coalesce(g.arrivals, 0) AS BIGINT) "
        + "AS arrivals FROM us_state s LEFT JOIN (SELECT destination_state_code AS code, sum(arrivals) AS arrivals" + COUNTED
        + filter.where() + " GROUP BY 1) g ON g.code = s.state_code ORDER BY s.state_code", filter.parameters().toArray());
    states.forEach(state -> state.put("on_map", UsStatesMap.draws(state.get("state_code"))));
    answer.put("by_state", states);
    answer.put("elsewhere", sql.number("SELECT CAST(coalesce(sum(arrivals), 0) AS BIGINT)" + COUNTED + filter.where()
        + " AND (destination_state_code IS NULL OR destination_state_code NOT IN (SELECT state_code FROM us_state))",
        filter.parameters().toArray()));
    List<Map<String, Object>> ports = sql.rows("SELECT g.code AS port_code, p.port_name, p.city, p.state_code, "
        + "c.latitude, c.longitude, g.arrivals FROM (SELECT port_code AS code, CAST(sum(arrivals) AS BIGINT) AS arrivals"
        + COUNTED + filter.where() + " GROUP BY 1) g JOIN port p ON p.port_code = g.code LEFT JOIN us_city c ON "
        + "c.city_id = p.city_id ORDER BY g.arrivals DESC, g.code", filter.parameters().toArray());
    answer.put("ports", placed(ports));
    answer.put("ports_not_placed", ports.stream().filter(port -> !port.containsKey("x"))
        .mapToLong(port -> (Long) port.get("arrivals")).sum());
    return answer;
  }

  /** The large and medium airports, placed on the map. */
  Map<String, Object> mapAirports() {
    List<Map<String, Object>> airports = sql.rows("SELECT airport_id, name, type, iata_code, city, state_code, latitude, "
        + "longitude FROM us_airport WHERE type IN ('large_airport', 'medium_airport') AND latitude IS NOT NULL ORDER BY rowid");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("airports", placed(airports));
    answer.put("meaning", "large and medium airports of us_airport at their coordinates; those outside the map's "
        + "50 states and DC (Puerto Rico, Guam, ...) are left out");
    return answer;
  }

  // the rows of a state the map draws get their x and y and are listed; the others are left out
  // (the projection of the lower 48 would put Puerto Rico in the sea off Florida)
  private static List<Map<String, Object>> placed(List<Map<String, Object>> rows) {
    List<Map<String, Object>> placed = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object latitude = row.remove("latitude");
      Object longitude = row.remove("longitude");
      boolean drawn = UsStatesMap.draws(row.get("state_code"));
      if (drawn && latitude instanceof Double lat && longitude instanceof Double lon) {
        AlbersUsa.project(lon, lat).ifPresent(xy -> {
          row.put("x", xy[0]);
          row.put("y", xy[1]);
          placed.add(row);
        });
      }
    }
    return placed;
  }

  private long total(ArrivalFilter filter) {
    return sql.number("SELECT CAST(coalesce(sum(arrivals), 0) AS BIGINT)" + COUNTED + filter.where(), filter.parameters().toArray());
  }

  private List<Map<String, Object>> byMonth(ArrivalFilter filter) {
    return sql.rows("SELECT month, CAST(sum(arrivals) AS BIGINT) AS arrivals" + COUNTED + filter.where()
        + " AND month IS NOT NULL GROUP BY month ORDER BY month", filter.parameters().toArray());
  }

  // the counts by one column, biggest first (ties by value, null sorted as "null"), null reported as "unknown"
  private List<Map<String, Object>> largestFirst(ArrivalFilter filter, String column, String name, int top) {
    return sql.rows("SELECT coalesce(" + column + ", 'unknown') AS " + name + ", CAST(sum(arrivals) AS BIGINT) AS arrivals"
        + COUNTED + filter.where() + " GROUP BY " + column + " ORDER BY arrivals DESC, coalesce(" + column + ", 'null') LIMIT ?",
        withTop(filter, top));
  }

  private List<Map<String, Object>> byResidenceCountry(ArrivalFilter filter, int top) {
    return sql.rows("SELECT g.code AS country_code, " + COUNTRY_NAME + " AS country, g.arrivals FROM (SELECT "
        + "residence_country_code AS code, CAST(sum(arrivals) AS BIGINT) AS arrivals" + COUNTED + filter.where()
        + " GROUP BY 1 ORDER BY arrivals DESC, code NULLS FIRST LIMIT ?) g LEFT JOIN country c ON c.country_code = g.code "
        + "ORDER BY g.arrivals DESC, g.code NULLS FIRST", withTop(filter, top));
  }

  private static Object[] withTop(ArrivalFilter filter, int top) {
    return Stream.concat(filter.parameters().stream(), Stream.of(top)).toArray();
  }

  private Map<String, Object> port(String code) {
    Map<String, Object> port = new LinkedHashMap<>();
    port.put("port_code", code);
    Map<String, Object> known = sql.row("SELECT port_name, city, state_code, is_valid FROM port WHERE port_code = ?", code)
        .orElse(null);
    for (String column : List.of("port_name", "city", "state_code", "is_valid")) {
      port.put(column, known == null ? null : known.get(column));
    }
    return port;
  }

  boolean isPort(String code) {
    return sql.exists("SELECT 1 FROM port WHERE port_code = ?", code);
  }

  boolean isState(String code) {
    return sql.exists("SELECT 1 FROM us_state WHERE state_code = ?", code);
  }

  List<Map<String, Object>> states() {
    return sql.rows("SELECT state_code, state_name FROM us_state ORDER BY state_name, rowid");
  }

  /** A state: its larger cities' demographics summed, its cities' latest weather, its airports and who chose it. */
  Map<String, Object> state(String code) {
    Map<String, Object> state = sql.row("SELECT state_code, state_name FROM us_state WHERE state_code = ?",
        code.toUpperCase(Locale.ROOT)).orElse(null);
    if (state == null) {
      throw ApiError.notFound("No US state or territory has the code '" + code + "'; see /api/destinations/states for the "
          + sql.number("SELECT count(*) FROM us_state") + " codes");
    }
    String stateCode = (String) state.get("state_code");
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("kind", "state");
    profile.put("state_code", stateCode);
    profile.put("state_name", state.get("state_name"));
    profile.put("demographics", summed(" WHERE state_code = ?", stateCode));
    profile.put("weather", weather(" WHERE state_code = ?", stateCode));
    profile.put("temperature_by_month", temperatures(" WHERE state_code = ?", stateCode));
    profile.put("airports", airports(" WHERE state_code = ?", stateCode));
    profile.put("arrivals", chosenBy(ArrivalFilter.destinationState(stateCode),
        "arrivals who gave " + stateCode + " as their destination (i94addr)"));
    return profile;
  }

  /** A city: its demographics, latest weather, airports, and the arrivals through its ports of entry. */
  Map<String, Object> city(long cityId) {
    Map<String, Object> city = sql.row("SELECT c.city, c.state_code, s.state_name, c.latitude, c.longitude FROM us_city c "
        + "LEFT JOIN us_state s ON s.state_code = c.state_code WHERE c.city_id = ?", cityId).orElseThrow(() ->
        ApiError.notFound("No US city has the id " + cityId + "; find one with /api/search?q=NAME"));
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("kind", "city");
    profile.put("city_id", String.valueOf(cityId));
    profile.putAll(city);
    boolean measured = sql.exists("SELECT 1 FROM us_demographics WHERE city_id = ?", cityId);
    profile.put("demographics", measured ? summed(" WHERE city_id = ?", cityId) : null);
    profile.put("weather", weather(" WHERE city_id = ?", cityId));
    profile.put("temperature_by_month", temperatures(" WHERE city_id = ?", cityId));
    profile.put("airports", airports(" WHERE city_id = ?", cityId));
    Map<String, Object> arrivals = chosenBy(ArrivalFilter.portsOfCity(cityId), "arrivals through the city's ports of entry");
    arrivals.put("ports", sql.rows("SELECT port_code FROM port WHERE city_id = ? ORDER BY port_code", cityId).stream()
        .map(port -> port.get("port_code")).toList());
    profile.put("arrivals", arrivals);
    return profile;
  }

  /** States and cities whose name starts with (then contains) the text, the best match's profile first. */
  Map<String, Object> search(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    if (wanted.length() < 2) {
      throw ApiError.badRequest("Search text '" + text + "' is too short: give at least 2 letters of a city or state name");
    }
    List<Map<String, Object>> matches = sql.rows(SEARCH, wanted, MAX_SEARCH_RESULTS);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("query", text);
    answer.put("matches", matches);
    answer.put("profile", matches.isEmpty() ? null : "state".equals(matches.get(0).get("kind"))
        ? state((String) matches.get(0).get("id")) : city(Long.parseLong((String) matches.get(0).get("id"))));
    return answer;
  }

  private Map<String, Object> chosenBy(ArrivalFilter filter, String meaning) {
    Map<String, Object> arrivals = new LinkedHashMap<>();
    arrivals.put("meaning", meaning);
    arrivals.put("total", total(filter));
    arrivals.put("by_month", byMonth(filter));
    arrivals.put("by_visa_category", largestFirst(filter, "visa_category", "visa_category", Integer.MAX_VALUE));
    arrivals.put("by_residence_country", byResidenceCountry(filter, 10));
    return arrivals;
  }

  /**
   * Demographics of the cities a condition picks, summed; median age weighted by population, race counts summed
   * (each race only when some city was picked).
   */
  private Map<String, Object> summed(String where, Object value) {
    Map<String, Object> sums = sql.row("SELECT count(*) AS cities, CAST(coalesce(sum(total_population), 0) AS BIGINT) AS population, "
        + "CAST(coalesce(sum(foreign_born), 0) AS BIGINT) AS foreign_born, "
        + "CAST(sum(male_population) AS BIGINT) AS male, CAST(sum(female_population) AS BIGINT) AS female, "
        + "sum(median_age * total_population) FILTER (WHERE median_age IS NOT NULL) AS weighted_age, "
        + "CAST(coalesce(sum(total_population) FILTER (WHERE median_age IS NOT NULL), 0) AS BIGINT) AS aged_population, "
        + String.join(", ", RACES.stream().map(race -> "CAST(coalesce(sum(" + race + "), 0) AS BIGINT) AS " + race).toList())
        + " FROM us_demographics" + where, value).orElseThrow();
    long population = (Long) sums.get("population");
    long foreignBorn = (Long) sums.get("foreign_born");
    long agedPopulation = (Long) sums.get("aged_population");
    Map<String, Object> races = new LinkedHashMap<>();
    if ((Long) sums.get("cities") > 0) {
      RACES.forEach(race -> races.put(race, sums.get(race)));
    }
    Map<String, Object> summed = new LinkedHashMap<>();
    summed.put("cities", sums.get("cities"));
    summed.put("population", population);
    summed.put("foreign_born", foreignBorn);
    summed.put("male", sums.get("male"));
    summed.put("female", sums.get("female"));
    summed.put("foreign_born_share", population == 0 ? null : Math.round(1e4 * foreignBorn / (double) population) / 1e4);
    summed.put("median_age", agedPopulation == 0 ? null
        : Math.round(10 * (Double) sums.get("weighted_age") / agedPopulation) / 10.0);
    summed.put("race", races);
    summed.put("note", "cities of 65,000 people or more in the demographics file");
    return summed;
  }

  private List<Map<String, Object>> weather(String where, Object value) {
    return sql.rows("SELECT CAST(city_id AS VARCHAR) AS city_id, city, state_code, measured_on, avg_temp_c, temp_uncertainty_c "
        + "FROM us_weather" + where + " ORDER BY rowid", value);
  }

  // each city's monthly temperatures over its last three measured years, a series a city
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> temperatures(String where, Object value) {
    Map<Object, Map<String, Object>> byCity = new LinkedHashMap<>();
    for (Map<String, Object> month : sql.rows("SELECT CAST(city_id AS VARCHAR) AS city_id, city, measured_on, avg_temp_c "
        + "FROM us_temperature" + where + " ORDER BY city, city_id, measured_on", value)) {
      Map<String, Object> city = byCity.computeIfAbsent(month.remove("city_id"), id -> new LinkedHashMap<>(
          Map.of("city_id", id, "city", month.get("city"), "months", new ArrayList<>())));
      month.remove("city");
      ((List<Object>) city.get("months")).add(month);
    }
    return List.copyOf(byCity.values());
  }

  private Map<String, Object> airports(String where, Object value) {
    Map<String, Object> byType = new LinkedHashMap<>();
    long total = 0;
    for (Map<String, Object> type : sql.rows("SELECT coalesce(type, 'null') AS type, count(*) AS airports FROM us_airport"
        + where + " GROUP BY 1 ORDER BY 1", value)) {
      byType.put((String) type.get("type"), type.get("airports"));
      total += (Long) type.get("airports");
    }
    Map<String, Object> airports = new LinkedHashMap<>();
    airports.put("total", total);
    airports.put("by_type", byType);
    // the ones a traveller flies to first: large and medium airports and those with an IATA code
    airports.put("main_total", sql.number("SELECT count(*) FROM us_airport" + where + " AND " + MAIN_AIRPORT, value));
    airports.put("main", sql.rows("SELECT airport_id, name, type, iata_code, city, latitude, longitude FROM us_airport" + where
        + " AND " + MAIN_AIRPORT + " ORDER BY " + LARGEST_FIRST + ", rowid LIMIT ?", value, MAX_MAIN_AIRPORTS));
    return airports;
  }
}
