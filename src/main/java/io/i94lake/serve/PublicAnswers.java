package io.i94lake.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The public answers: counts and profiles of places, never one person's record. */
final class PublicAnswers {
  static final int MAX_SEARCH_RESULTS = 20;
  static final int MAX_MAIN_AIRPORTS = 50;
  private static final List<String> RACES = List.of("american_indian_alaska_native", "asian", "black_african_american",
      "hispanic_latino", "white");

  private final ServedLake lake;

  PublicAnswers(ServedLake lake) {
    this.lake = lake;
  }

  /** Arrivals passing a filter, by month, country of residence, visa category, travel mode and port. */
  Map<String, Object> arrivals(ArrivalFilter filter, int top) {
    ArrivalCounts.Breakdown counts = lake.counts.count(filter);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", counts.total);
    answer.put("by_month", pairs(counts.months(), "month"));
    answer.put("by_residence_country", countries(counts.residenceCountries(top)));
    answer.put("by_visa_category", pairs(counts.visaCategories(), "visa_category"));
    answer.put("by_travel_mode", pairs(counts.travelModes(), "travel_mode"));
    List<Map<String, Object>> ports = new ArrayList<>();
    counts.ports(top).forEach((code, arrivals) -> {
      Map<String, Object> port = port(code);
      port.put("arrivals", arrivals);
      ports.add(port);
    });
    answer.put("by_port", ports);
    answer.put("by_destination_state", pairs(counts.states(top), "state_code"));
    if (filter.ports() != null && filter.ports().size() == 1) {
      // the port asked for, so that a dashboard can say what it is even when nobody arrived there
      answer.put("port", port(filter.ports().iterator().next()));
    }
    return answer;
  }

  private Map<String, Object> port(String code) {
    Map<String, Object> port = new LinkedHashMap<>();
    Map<String, Object> known = lake.places.ports.get(code);
    port.put("port_code", code);
    port.put("port_name", known == null ? null : known.get("port_name"));
    port.put("city", known == null ? null : known.get("city"));
    port.put("state_code", known == null ? null : known.get("state_code"));
    port.put("is_valid", known == null ? null : known.get("is_valid"));
    return port;
  }

  List<Map<String, Object>> states() {
    return lake.places.states.values().stream()
        .map(state -> Map.of("state_code", state.get("state_code"), "state_name", state.get("state_name")))
        .sorted(Comparator.comparing(state -> (String) state.get("state_name"))).toList();
  }

  /** A state: its larger cities' demographics summed, its cities' latest weather, its airports and who chose it. */
  Map<String, Object> state(String code) {
    Map<String, Object> state = lake.places.states.get(code.toUpperCase(Locale.ROOT));
    if (state == null) {
      throw ApiError.notFound("No US state or territory has the code '" + code + "'; see /api/destinations/states for the "
          + lake.places.states.size() + " codes");
    }
    String stateCode = (String) state.get("state_code");
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("kind", "state");
    profile.put("state_code", stateCode);
    profile.put("state_name", state.get("state_name"));
    List<Map<String, Object>> cities = lake.places.demographics.values().stream()
        .filter(city -> stateCode.equals(city.get("state_code"))).toList();
    profile.put("demographics", summed(cities));
    profile.put("weather", lake.places.weather.values().stream().filter(city -> stateCode.equals(city.get("state_code")))
        .map(PublicAnswers::weather).toList());
    profile.put("airports", airports(airport -> stateCode.equals(airport.get("state_code"))));
    profile.put("arrivals", chosenBy(lake.counts.count(ArrivalFilter.destinationState(stateCode)),
        "arrivals who gave " + stateCode + " as their destination (i94addr)"));
    return profile;
  }

  /** A city: its demographics, latest weather, airports, and the arrivals through its ports of entry. */
  Map<String, Object> city(long cityId) {
    Map<String, Object> city = lake.places.cities.get(cityId);
    if (city == null) {
      throw ApiError.notFound("No US city has the id " + cityId + "; find one with /api/search?q=NAME");
    }
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("kind", "city");
    profile.put("city_id", String.valueOf(cityId));
    profile.put("city", city.get("city"));
    profile.put("state_code", city.get("state_code"));
    Map<String, Object> state = lake.places.states.get(city.get("state_code"));
    profile.put("state_name", state == null ? null : state.get("state_name"));
    profile.put("latitude", city.get("latitude"));
    profile.put("longitude", city.get("longitude"));
    Map<String, Object> demographics = lake.places.demographics.get(cityId);
    profile.put("demographics", demographics == null ? null : summed(List.of(demographics)));
    Map<String, Object> weather = lake.places.weather.get(cityId);
    profile.put("weather", weather == null ? List.of() : List.of(weather(weather)));
    profile.put("airports", airports(airport -> Objects.equals(cityId, airport.get("city_id"))));
    Set<String> ports = lake.places.ports.values().stream().filter(port -> Objects.equals(cityId, port.get("city_id")))
        .map(port -> (String) port.get("port_code")).collect(Collectors.toSet());
    Map<String, Object> arrivals = chosenBy(lake.counts.count(ArrivalFilter.ports(ports)),
        "arrivals through the city's ports of entry");
    arrivals.put("ports", ports.stream().sorted().toList());
    profile.put("arrivals", arrivals);
    return profile;
  }

  /** States and cities whose name starts with (then contains) the text, the best match's profile first. */
  Map<String, Object> search(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    if (wanted.length() < 2) {
      throw ApiError.badRequest("Search text '" + text + "' is too short: give at least 2 letters of a city or state name");
    }
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Map<String, Object> state : lake.places.states.values()) {
      String name = ((String) state.get("state_name")).toLowerCase(Locale.ROOT);
      int rank = rank(name, wanted, ((String) state.get("state_code")).equalsIgnoreCase(wanted));
      if (rank >= 0) {
        matches.add(match(rank, "state", state.get("state_code"), state.get("state_name"), state.get("state_code"),
            "/api/destinations/states/" + state.get("state_code"), 0L));
      }
    }
    for (Map<String, Object> city : lake.places.cities.values()) {
      String name = ((String) city.get("city")).toLowerCase(Locale.ROOT);
      int rank = rank(name, wanted, false);
      if (rank >= 0) {
        Map<String, Object> demographics = lake.places.demographics.get((Long) city.get("city_id"));
        long population = demographics == null || demographics.get("total_population") == null ? 0L
            : (Long) demographics.get("total_population");
        matches.add(match(rank + 1, "city", String.valueOf(city.get("city_id")), city.get("city"), city.get("state_code"),
            "/api/destinations/cities/" + city.get("city_id"), population));
      }
    }
    matches.sort(Comparator.<Map<String, Object>>comparingInt(match -> (Integer) match.get("rank"))
        .thenComparing(match -> -(Long) match.get("population"))
        .thenComparing(match -> (String) match.get("name")));
    List<Map<String, Object>> shown = matches.stream().limit(MAX_SEARCH_RESULTS).map(match -> {
      Map<String, Object> copy = new LinkedHashMap<>(match);
      copy.remove("rank");
      copy.remove("population");
      return copy;
    }).toList();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("query", text);
    answer.put("matches", shown);
    answer.put("profile", shown.isEmpty() ? null : "state".equals(shown.get(0).get("kind"))
        ? state((String) shown.get(0).get("id")) : city(Long.parseLong((String) shown.get(0).get("id"))));
    return answer;
  }

  // 0 exact name, 2 name starts with the text, 4 name contains it, -1 no match (cities rank one below states)
  private static int rank(String name, String wanted, boolean exactCode) {
    if (name.equals(wanted) || exactCode) {
      return 0;
    }
    if (name.startsWith(wanted)) {
      return 2;
    }
    return name.contains(wanted) ? 4 : -1;
  }

  private static Map<String, Object> match(int rank, String kind, Object id, Object name, Object stateCode, String profile,
                                           long population) {
    Map<String, Object> match = new LinkedHashMap<>();
    match.put("kind", kind);
    match.put("id", id);
    match.put("name", name);
    match.put("state_code", stateCode);
    match.put("profile", profile);
    match.put("rank", rank);
    match.put("population", population);
    return match;
  }

  private Map<String, Object> chosenBy(ArrivalCounts.Breakdown counts, String meaning) {
    Map<String, Object> arrivals = new LinkedHashMap<>();
    arrivals.put("meaning", meaning);
    arrivals.put("total", counts.total);
    arrivals.put("by_month", pairs(counts.months(), "month"));
    arrivals.put("by_visa_category", pairs(counts.visaCategories(), "visa_category"));
    arrivals.put("by_residence_country", countries(counts.residenceCountries(10)));
    return arrivals;
  }

  /** Demographics of cities summed; median age weighted by population, race counts summed where known. */
  private static Map<String, Object> summed(List<Map<String, Object>> cities) {
    long population = 0;
    long foreignBorn = 0;
    double weightedAge = 0;
    long agedPopulation = 0;
    Map<String, Long> races = new LinkedHashMap<>();
    for (Map<String, Object> city : cities) {
      long people = number(city.get("total_population"));
      population += people;
      foreignBorn += number(city.get("foreign_born"));
      if (city.get("median_age") != null) {
        weightedAge += ((Number) city.get("median_age")).doubleValue() * people;
        agedPopulation += people;
      }
      for (String race : RACES) {
        races.merge(race, number(city.get(race)), Long::sum);
      }
    }
    Map<String, Object> summed = new LinkedHashMap<>();
    summed.put("cities", cities.size());
    summed.put("population", population);
    summed.put("foreign_born", foreignBorn);
    summed.put("foreign_born_share", population == 0 ? null : Math.round(1e4 * foreignBorn / (double) population) / 1e4);
    summed.put("median_age", agedPopulation == 0 ? null : Math.round(10 * weightedAge / agedPopulation) / 10.0);
    summed.put("race", races);
    summed.put("note", "cities of 65,000 people or more in the demographics file");
    return summed;
  }

  private static long number(Object value) {
    return value == null ? 0L : ((Number) value).longValue();
  }

  private static Map<String, Object> weather(Map<String, Object> city) {
    Map<String, Object> weather = new LinkedHashMap<>();
    weather.put("city_id", String.valueOf(city.get("city_id")));
    for (String column : List.of("city", "state_code", "measured_on", "avg_temp_c", "temp_uncertainty_c")) {
      weather.put(column, city.get(column));
    }
    return weather;
  }

  private Map<String, Object> airports(java.util.function.Predicate<Map<String, Object>> where) {
    List<Map<String, Object>> found = lake.places.airports.stream().filter(where).toList();
    Map<String, Long> byType = found.stream().collect(Collectors.groupingBy(airport -> String.valueOf(airport.get("type")),
        java.util.TreeMap::new, Collectors.counting()));
    Map<String, Object> airports = new LinkedHashMap<>();
    airports.put("total", found.size());
    airports.put("by_type", byType);
    // the ones a traveller flies to first: large and medium airports and those with an IATA code
    List<Map<String, Object>> main = found.stream()
        .filter(airport -> airport.get("iata_code") != null || "large_airport".equals(airport.get("type"))
            || "medium_airport".equals(airport.get("type"))).toList();
    airports.put("main_total", main.size());
    airports.put("main", main.stream()
        .limit(MAX_MAIN_AIRPORTS)
        .map(airport -> {
          Map<String, Object> shown = new LinkedHashMap<>();
          for (String column : List.of("airport_id", "name", "type", "iata_code", "city", "latitude", "longitude")) {
            shown.put(column, airport.get(column));
          }
          return shown;
        }).toList());
    return airports;
  }

  private List<Map<String, Object>> countries(Map<Integer, Long> counts) {
    List<Map<String, Object>> countries = new ArrayList<>();
    counts.forEach((code, arrivals) -> {
      Map<String, Object> country = new LinkedHashMap<>();
      country.put("country_code", code);
      country.put("country", code == null ? "unknown" : Objects.requireNonNullElse(lake.places.countryName(code), "code " + code));
      country.put("arrivals", arrivals);
      countries.add(country);
    });
    return countries;
  }

  private static List<Map<String, Object>> pairs(Map<String, Long> counts, String name) {
    List<Map<String, Object>> pairs = new ArrayList<>();
    counts.forEach((key, arrivals) -> {
      Map<String, Object> pair = new LinkedHashMap<>();
      pair.put(name, key);
      pair.put("arrivals", arrivals);
      pairs.add(pair);
    });
    return pairs;
  }
}
