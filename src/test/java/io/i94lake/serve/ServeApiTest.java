package io.i94lake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.i94lake.Fixtures;
import io.i94lake.engine.LakeReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API over a lake built from the bundled sample, each answer checked against the same question asked with
 * {@code i94lake sql} on that lake.
 */
class ServeApiTest {
  static final String TOKEN = "alice-token-0123456789";
  private static Fixtures.SampleLake sample;
  private static String lake;
  private static ServeServer server;
  private static ServeClient client;

  @BeforeAll
  static void serveTheSample() {
    sample = Fixtures.sampleLake();
    lake = sample.folder().toString();
    server = ServeServer.start(LakeReading.of(sample.lake().lake()), "127.0.0.1", 0, Tokens.parse("alice=" + TOKEN + ",bob=bob-token-0123456789", "test"),
        Duration.ZERO);
    client = new ServeClient(server.port());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode sql(String query) {
    return ServeClient.sql(lake, query);
  }

  /** "key=count" of each element, in order. */
  private static List<String> pairs(JsonNode rows, String key, String count) {
    List<String> pairs = new ArrayList<>();
    rows.forEach(row -> pairs.add(row.get(key).asText() + "=" + row.get(count).asLong()));
    return pairs;
  }

  @Test
  void everyAnswerNamesTheSnapshotsItWasAnsweredFrom() {
    long immigration = sample.lake().lake().icebergTable("immigration").currentSnapshot().snapshotId();
    for (String path : List.of("/health", "/api/snapshot", "/api/arrivals", "/api/destinations/states/CA", "/api/search?q=boston")) {
      ServeClient.Answer answer = client.get(path);
      assertThat(answer.json().at("/snapshots/immigration").asLong()).as(path).isEqualTo(immigration);
      assertThat(answer.response().headers().firstValue("I94lake-Snapshot")).as(path).hasValue(String.valueOf(immigration));
    }
    JsonNode snapshot = client.json("/api/snapshot");
    assertThat(snapshot.get("published_by_run").asText()).isEqualTo(sample.summary().runId());
    assertThat(snapshot.get("arrivals").asLong()).isEqualTo(1000);
    assertThat(snapshot.get("snapshots").size()).isEqualTo(LakeVersion.TABLES.size());
    assertThat(client.json("/health").get("status").asText()).isEqualTo("ok");
  }

  @Test
  void arrivalCountsByEachDimensionAgreeWithSql() {
    JsonNode answer = client.json("/api/arrivals");
    assertThat(answer.get("total").asLong()).isEqualTo(sql("SELECT count(*) AS n FROM immigration").get(0).get("n").asLong());
    assertThat(pairs(answer.get("by_month"), "month", "arrivals")).isEqualTo(pairs(sql(
        "SELECT lpad(CAST(year AS STRING), 4, '0') || '-' || lpad(CAST(month AS STRING), 2, '0') AS month, count(*) AS n "
        + "FROM immigration GROUP BY 1 ORDER BY 1"), "month", "n"));
    assertThat(pairs(answer.get("by_visa_category"), "visa_category", "arrivals")).isEqualTo(pairs(sql(
        "SELECT visa_category, count(*) AS n FROM immigrant GROUP BY 1 ORDER BY n DESC, visa_category"), "visa_category", "n"));
    assertThat(pairs(answer.get("by_travel_mode"), "travel_mode", "arrivals")).isEqualTo(pairs(sql(
        "SELECT travel_mode, count(*) AS n FROM immigration GROUP BY 1 ORDER BY n DESC, travel_mode"), "travel_mode", "n"));
    assertThat(pairs(answer.get("by_port"), "port_code", "arrivals")).isEqualTo(pairs(sql(
        "SELECT port_code, count(*) AS n FROM immigration GROUP BY 1 ORDER BY n DESC, port_code LIMIT 10"), "port_code", "n"));
    assertThat(pairs(answer.get("by_residence_country"), "country_code", "arrivals")).isEqualTo(pairs(sql(
        "SELECT residence_country_code AS code, count(*) AS n FROM immigrant GROUP BY 1 ORDER BY n DESC, code LIMIT 10"), "code", "n"));
    assertThat(answer.at("/by_port/0/city").asText()).as("the busiest port with its city").isEqualTo("New York");
    JsonNode mexico = sql("SELECT country_name FROM country WHERE country_code = "
        + answer.at("/by_residence_country/0/country_code").asInt()).get(0);
    assertThat(answer.at("/by_residence_country/0/country").asText()).isEqualTo(mexico.get("country_name").asText());
  }

  @Test
  void filtersNarrowTheCounts() {
    JsonNode answer = client.json("/api/arrivals?visa_category=student&travel_mode=Air&month=2016-04&top=100");
    JsonNode expected = sql("SELECT count(*) AS n FROM immigration i JOIN immigrant p ON i.cicid = p.cicid "
        + "WHERE p.visa_category = 'Student' AND i.travel_mode = 'Air' AND i.year = 2016 AND i.month = 4");
    assertThat(answer.get("total").asLong()).isEqualTo(expected.get(0).get("n").asLong()).isPositive();
    assertThat(pairs(answer.get("by_visa_category"), "visa_category", "arrivals")).containsExactly("Student=" + answer.get("total").asLong());

    JsonNode mexicans = client.json("/api/arrivals?residence_country=582&port=los&destination_state=CA");
    assertThat(mexicans.get("total").asLong()).isEqualTo(sql("SELECT count(*) AS n FROM immigration i JOIN immigrant p ON "
        + "i.cicid = p.cicid WHERE p.residence_country_code = 582 AND i.port_code = 'LOS' AND i.destination_state_code = 'CA'")
        .get(0).get("n").asLong());
    assertThat(client.json("/api/arrivals?month=2015-01").get("total").asLong()).as("a month without arrivals").isZero();
  }

  @Test
  void filtersTakeSeveralValuesAndAMonthRange() {
    JsonNode answer = client.json("/api/arrivals?visa_category=Student,Business&travel_mode=Air&travel_mode=Sea"
        + "&residence_country=135,209&port=NYC,LOS,HHW&destination_state=NY&destination_state=CA,HI"
        + "&from_month=2016-01&to_month=2016-12&top=100");
    JsonNode expected = sql("SELECT count(*) AS n FROM immigration i JOIN immigrant p ON i.cicid = p.cicid "
        + "WHERE p.visa_category IN ('Student', 'Business') AND i.travel_mode IN ('Air', 'Sea') "
        + "AND p.residence_country_code IN (135, 209) AND i.port_code IN ('NYC', 'LOS', 'HHW') "
        + "AND i.destination_state_code IN ('NY', 'CA', 'HI') AND i.arrival_date BETWEEN DATE'2016-01-01' AND DATE'2016-12-31'");
    assertThat(answer.get("total").asLong()).isEqualTo(expected.get(0).get("n").asLong()).isPositive();
    assertThat(answer.get("lake_months").toString()).isEqualTo("[\"2016-04\"]");
    JsonNode twoCountries = client.json("/api/arrivals?residence_country=135&residence_country=582");
    assertThat(twoCountries.get("total").asLong()).isEqualTo(sql("SELECT count(*) AS n FROM immigrant "
        + "WHERE residence_country_code IN (135, 582)").get(0).get("n").asLong());
    assertThat(client.json("/api/arrivals?from_month=2016-05").get("total").asLong()).as("after the lake's months").isZero();
    assertThat(client.json("/api/arrivals?to_month=2016-04").get("total").asLong()).isEqualTo(1000);
  }

  @Test
  void theChoicesAreTheValuesTheArrivalsHave() {
    JsonNode choices = client.json("/api/arrivals/choices");
    assertThat(pairs(choices.get("residence_country"), "value", "arrivals")).isEqualTo(pairs(sql(
        "SELECT residence_country_code AS code, count(*) AS n FROM immigrant WHERE residence_country_code IS NOT NULL "
        + "GROUP BY 1 ORDER BY n DESC, code"), "code", "n"));
    assertThat(pairs(choices.get("port"), "value", "arrivals")).isEqualTo(pairs(sql(
        "SELECT port_code, count(*) AS n FROM immigration WHERE port_code IS NOT NULL GROUP BY 1 ORDER BY n DESC, port_code"),
        "port_code", "n"));
    assertThat(pairs(choices.get("months"), "value", "arrivals")).containsExactly("2016-04=1000");
    assertThat(choices.get("destination_state")).hasSize(sql("SELECT count(*) AS n FROM us_state").get(0).get("n").asInt());
    assertThat(choices.at("/residence_country/0/label").asText()).isEqualTo(sql("SELECT country_name FROM country "
        + "WHERE country_code = " + choices.at("/residence_country/0/value").asText()).get(0).get("country_name").asText());
  }

  @Test
  void theMapCountsEveryStateAndPlacesThePortsAtTheirCity() {
    JsonNode map = client.json("/api/map?visa_category=Pleasure");
    List<String> expected = new ArrayList<>();
    sql("SELECT s.state_code, count(a.cicid) AS n FROM us_state s LEFT JOIN (SELECT i.cicid, i.destination_state_code "
        + "FROM immigration i JOIN immigrant p ON i.cicid = p.cicid WHERE p.visa_category = 'Pleasure') a "
        + "ON a.destination_state_code = s.state_code GROUP BY 1 ORDER BY 1").forEach(state ->
        expected.add(state.get("state_code").asText() + "=" + state.get("n").asLong()));
    assertThat(pairs(map.get("by_state"), "state_code", "arrivals")).isEqualTo(expected);
    long inStates = 0;
    for (JsonNode state : map.get("by_state")) {
      inStates += state.get("arrivals").asLong();
      assertThat(state.get("on_map").asBoolean()).as(state.get("state_code").asText())
          .isEqualTo(!List.of("PR", "GU", "VI", "AS", "MP").contains(state.get("state_code").asText()));
    }
    assertThat(inStates + map.get("elsewhere").asLong()).isEqualTo(map.get("total").asLong());
    JsonNode newYork = null;
    long placed = 0;
    for (JsonNode port : map.get("ports")) {
      placed += port.get("arrivals").asLong();
      if (port.get("port_code").asText().equals("NYC")) {
        newYork = port;
      }
    }
    assertThat(placed + map.get("ports_not_placed").asLong()).isEqualTo(map.get("total").asLong());
    map.get("ports").forEach(port -> assertThat(UsStatesMap.POSTAL_CODES).as("port " + port.get("port_code") + " on the map")
        .containsValue(port.get("state_code").asText()));
    JsonNode city = sql("SELECT c.latitude, c.longitude FROM port p JOIN us_city c ON c.city_id = p.city_id "
        + "WHERE p.port_code = 'NYC'").get(0);
    double[] expectedPosition = AlbersUsa.project(city.get("longitude").asDouble(), city.get("latitude").asDouble()).orElseThrow();
    assertThat(newYork).as("port NYC on the map").isNotNull();
    assertThat(new double[] {newYork.get("x").asDouble(), newYork.get("y").asDouble()}).containsExactly(expectedPosition);
  }

  @Test
  void theMapsAirportsFallInTheirOwnState() {
    Map<String, List<List<double[]>>> states = new java.util.HashMap<>();
    JsonNode geometry = client.json("/api/map/states");
    assertThat(geometry.get("features")).as("the 50 states and DC").hasSize(51);
    for (JsonNode feature : geometry.get("features")) {
      List<List<double[]>> rings = new ArrayList<>();
      feature.at("/geometry/coordinates").forEach(polygon -> polygon.forEach(ring -> {
        List<double[]> points = new ArrayList<>();
        ring.forEach(point -> points.add(new double[] {point.get(0).asDouble(), point.get(1).asDouble()}));
        rings.add(points);
      }));
      states.put(feature.at("/properties/name").asText(), rings);
    }
    JsonNode airports = client.json("/api/map/airports").get("airports");
    long onMap = sql("SELECT count(*) AS n FROM us_airport WHERE type IN ('large_airport', 'medium_airport') "
        + "AND state_code NOT IN ('PR', 'GU', 'VI', 'AS', 'MP')").get(0).get("n").asLong();
    assertThat((long) airports.size()).as("large and medium airports of the 50 states and DC").isEqualTo(onMap);
    int inside = 0;
    List<String> astray = new ArrayList<>();
    for (JsonNode airport : airports) {
      double x = airport.get("x").asDouble();
      double y = airport.get("y").asDouble();
      String own = airport.get("state_code").asText();
      if (inside(states.get(own), x, y)) {
        inside++;
      } else if (distance(states.get(own), x, y) > 5) {
        astray.add(airport.get("airport_id").asText() + " " + own);
      }
    }
    // a map pixel is some 4 km: an airport across a state line from its city (KDCA, KDLS) is still within 5
    assertThat(astray).as("airports drawn over 5 pixels away from their own state").isEmpty();
    assertThat(inside).as("airports inside their state's outline (coastal ones may fall just offshore)")
        .isGreaterThan(airports.size() * 95 / 100);
  }

  // even-odd rule over every ring of the state
  private static boolean inside(List<List<double[]>> rings, double x, double y) {
    boolean inside = false;
    for (List<double[]> ring : rings) {
      for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        double[] a = ring.get(i);
        double[] b = ring.get(j);
        if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
          inside = !inside;
        }
      }
    }
    return inside;
  }

  private static double distance(List<List<double[]>> rings, double x, double y) {
    if (inside(rings, x, y)) {
      return 0;
    }
    double nearest = Double.MAX_VALUE;
    for (List<double[]> ring : rings) {
      for (int i = 1; i < ring.size(); i++) {
        double[] a = ring.get(i - 1);
        double[] b = ring.get(i);
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double t = dx == 0 && dy == 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
        nearest = Math.min(nearest, Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy));
      }
    }
    return nearest;
  }

  @Test
  void aStateProfileSumsItsCitiesAndCountsWhoChoseIt() {
    JsonNode profile = client.json("/api/destinations/states/ca");
    assertThat(profile.get("state_name").asText()).isEqualTo("California");
    JsonNode people = sql("SELECT sum(total_population) AS population, sum(foreign_born) AS foreign_born, count(*) AS cities, "
        + "round(sum(median_age * total_population) / sum(total_population), 1) AS median_age, sum(asian) AS asian "
        + "FROM us_demographics WHERE state_code = 'CA'").get(0);
    assertThat(profile.at("/demographics/population").asLong()).isEqualTo(people.get("population").asLong());
    assertThat(profile.at("/demographics/foreign_born").asLong()).isEqualTo(people.get("foreign_born").asLong());
    assertThat(profile.at("/demographics/cities").asLong()).isEqualTo(people.get("cities").asLong());
    assertThat(profile.at("/demographics/median_age").asDouble()).isEqualTo(people.get("median_age").asDouble());
    assertThat(profile.at("/demographics/race/asian").asLong()).isEqualTo(people.get("asian").asLong());
    assertThat(profile.at("/demographics/foreign_born_share").asDouble())
        .isCloseTo(people.get("foreign_born").asDouble() / people.get("population").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(profile.at("/airports/total").asLong())
        .isEqualTo(sql("SELECT count(*) AS n FROM us_airport WHERE state_code = 'CA'").get(0).get("n").asLong());
    List<String> weather = new ArrayList<>();
    profile.get("weather").forEach(city -> weather.add(city.get("city").asText() + " " + city.get("measured_on").asText()
        + " " + city.get("avg_temp_c").asDouble()));
    List<String> expectedWeather = new ArrayList<>();
    sql("SELECT city, measured_on, avg_temp_c FROM us_weather WHERE state_code = 'CA'").forEach(city -> expectedWeather.add(
        city.get("city").asText() + " " + city.get("measured_on").asText() + " " + city.get("avg_temp_c").asDouble()));
    assertThat(weather).containsExactlyInAnyOrderElementsOf(expectedWeather);
    List<String> temperatures = new ArrayList<>();
    profile.get("temperature_by_month").forEach(city -> city.get("months").forEach(month -> temperatures.add(
        city.get("city").asText() + " " + month.get("measured_on").asText() + " " + month.get("avg_temp_c").asDouble())));
    List<String> expectedTemperatures = new ArrayList<>();
    sql("SELECT city, measured_on, avg_temp_c FROM us_temperature WHERE state_code = 'CA' ORDER BY city, city_id, measured_on")
        .forEach(month -> expectedTemperatures.add(month.get("city").asText() + " " + month.get("measured_on").asText() + " "
            + month.get("avg_temp_c").asDouble()));
    assertThat(temperatures).as("California's cities, month by month").isEqualTo(expectedTemperatures).isNotEmpty();
    assertThat(profile.at("/arrivals/total").asLong()).isEqualTo(sql(
        "SELECT count(*) AS n FROM immigration WHERE destination_state_code = 'CA'").get(0).get("n").asLong()).isPositive();
    assertThat(pairs(profile.at("/arrivals/by_visa_category"), "visa_category", "arrivals")).isEqualTo(pairs(sql(
        "SELECT visa_category, count(*) AS n FROM immigration_demographics WHERE destination_state_code = 'CA' "
            + "GROUP BY 1 ORDER BY n DESC, visa_category"), "visa_category", "n"));
  }

  @Test
  void aCityProfileCountsTheArrivalsThroughItsPorts() {
    JsonNode newYork = sql("SELECT c.city_id, c.city FROM port p JOIN us_city c ON p.city_id = c.city_id WHERE p.port_code = 'NYC'").get(0);
    JsonNode profile = client.json("/api/destinations/cities/" + newYork.get("city_id").asLong());
    assertThat(profile.get("city").asText()).isEqualTo("New York");
    assertThat(profile.at("/arrivals/total").asLong()).isEqualTo(sql("SELECT count(*) AS n FROM immigration i JOIN port p "
        + "ON i.port_code = p.port_code WHERE p.city_id = " + newYork.get("city_id").asLong()).get(0).get("n").asLong());
    assertThat(profile.at("/demographics/population").asLong()).isEqualTo(sql("SELECT total_population FROM us_demographics "
        + "WHERE city_id = " + newYork.get("city_id").asLong()).get(0).get("total_population").asLong());
  }

  @Test
  void everyCityFoundBySearchOpensItsProfile() {
    for (String name : List.of("Boston", "Austin")) {
      JsonNode match = client.json("/api/search?q=" + name).at("/matches/0");
      assertThat(match.get("kind").asText()).isEqualTo("city");
      JsonNode profile = client.json(match.get("profile").asText());
      assertThat(profile.get("city").asText()).as(match.get("profile").asText()).isEqualTo(name);
      assertThat(profile.get("city_id").asText()).isEqualTo(match.get("id").asText());
    }
    long largest = sql("SELECT max(city_id) AS id FROM us_city").get(0).get("id").asLong();
    assertThat(String.valueOf(largest)).as("the largest city id has 16 digits (52 bits)").hasSize(16);
    assertThat(largest).as("below 2^53, so exact in JavaScript").isLessThan(1L << 53);
    assertThat(client.json("/api/destinations/cities/" + largest).get("city_id").asText()).isEqualTo(String.valueOf(largest));
    assertThat(client.get("/api/destinations/cities/" + Long.MAX_VALUE).status()).as("a 64-bit id no city has").isEqualTo(404);
    Map<String, String> malformed = Map.of(
        "/api/destinations/cities/9223372036854775808", "400 city_id '9223372036854775808' is malformed: expected a whole number from 0 to 9223372036854775807",
        "/api/destinations/cities/-5", "400 city_id '-5' is malformed: expected a whole number from 0 to 9223372036854775807");
    malformed.forEach((path, message) -> {
      ServeClient.Answer answer = client.get(path);
      assertThat(answer.status() + " " + answer.json().get("error").asText()).as(path).isEqualTo(message);
    });
  }

  @Test
  void idsJavaScriptCannotHoldExactlyAreSentAsText() {
    long immigration = sample.lake().lake().icebergTable("immigration").currentSnapshot().snapshotId();
    JsonNode snapshot = client.json("/api/snapshot");
    assertThat(snapshot.at("/snapshots/immigration").isTextual()).as("snapshots.immigration is a JSON string").isTrue();
    assertThat(snapshot.at("/snapshots/immigration").asText()).isEqualTo(String.valueOf(immigration));
    snapshot.get("snapshots").forEach(id -> assertThat(id.isTextual()).as("snapshot id " + id).isTrue());
    JsonNode boston = client.json("/api/search?q=Boston");
    assertThat(boston.at("/matches/0/id").isTextual()).as("a city match's id").isTrue();
    assertThat(boston.at("/profile/city_id").isTextual()).as("a city profile's city_id").isTrue();
    boston.at("/profile/weather").forEach(city -> assertThat(city.get("city_id").isTextual()).as("weather city_id").isTrue());
  }

  @Test
  void staticFilesAreServedWithTheirTypeInUtf8() {
    Map<String, String> expected = Map.of(
        "/", "text/html;charset=utf-8",
        "/index.html", "text/html;charset=utf-8",
        "/app.js", "text/javascript;charset=utf-8",
        "/style.css", "text/css;charset=utf-8",
        "/overview.js", "text/javascript;charset=utf-8",
        "/webjars/echarts/5.3.1/dist/echarts.min.js", "text/javascript;charset=utf-8",
        "/webjars/echarts/5.3.1/package.json", "application/json;charset=utf-8");
    expected.forEach((path, type) -> {
      ServeClient.Answer answer = client.get(path);
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.response().headers().firstValue("Content-Type").orElse("none").replace(" ", "").toLowerCase())
          .as(path + " Content-Type").isEqualTo(type);
    });
  }

  @Test
  void otherMethodsThanGetOnTheApiAreNotAllowed() {
    for (String method : List.of("POST", "PUT", "DELETE")) {
      for (String path : List.of("/api/arrivals", "/api/destinations/states/CA", "/api/regulator/overstays", "/health")) {
        ServeClient.Answer answer = client.send(method, path, TOKEN);
        assertThat(answer.status()).as(method + " " + path).isEqualTo(405);
        assertThat(answer.response().headers().firstValue("Allow")).as(method + " " + path).hasValue("GET, HEAD");
        assertThat(answer.json().get("error").asText()).as(method + " " + path)
            .isEqualTo(method + " is not allowed on " + path + ": it answers GET and HEAD only");
      }
    }
    assertThat(client.send("POST", "/api/nothing-here", null).status()).isEqualTo(404);
  }

  @Test
  void theDashboardIsServedWithSecurityHeaders() {
    for (String path : List.of("/", "/index.html", "/app.js", "/api/arrivals")) {
      var headers = client.get(path).response().headers();
      List<String> policy = List.of(headers.firstValue("Content-Security-Policy").orElse("").split(";\\s*"));
      assertThat(policy).as(path + " Content-Security-Policy")
          .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
  }

  @Test
  void searchFindsStatesAndCitiesByName() {
    JsonNode boston = client.json("/api/search?q=Boston");
    assertThat(boston.at("/matches/0/name").asText()).isEqualTo("Boston");
    assertThat(boston.at("/profile/kind").asText()).isEqualTo("city");
    assertThat(boston.at("/profile/state_code").asText()).isEqualTo("MA");
    assertThat(boston.at("/profile/airports/total").asInt()).as("Boston's airports").isEqualTo(10);
    assertThat(boston.at("/profile/airports/main_total").asInt()).as("Boston's main airports").isEqualTo(1);
    assertThat(boston.at("/profile/airports/main/0/airport_id").asText()).isEqualTo("KBOS");
    assertThat(boston.at("/profile/airports/main/0/name").asText()).isEqualTo("Boston Logan International Airport");
    assertThat(boston.at("/profile/airports/main/0/iata_code").asText()).isEqualTo("BOS");
    assertThat(client.json("/api/destinations/states/TX").at("/airports/main/0/type").asText()).as("Texas's first main airport").isEqualTo("large_airport");
    JsonNode texas = client.json("/api/search?q=texas");
    assertThat(texas.at("/profile/kind").asText()).isEqualTo("state");
    assertThat(texas.at("/profile/state_code").asText()).isEqualTo("TX");
    assertThat(client.json("/api/search?q=zzqx").get("matches")).isEmpty();
  }

  @Test
  void aRegulatorLooksUpOneArrivalByCicidOrAdmissionNumber() {
    JsonNode expected = sql("SELECT i.cicid, i.admission_number, i.arrival_date, i.departure_date, i.allowed_until, i.port_code, "
        + "p.city AS port_city, p.state_code AS port_state_code, i.travel_mode, m.visa_type, m.visa_category, m.age, m.gender, "
        + "m.citizenship_country_code, m.residence_country_code, c.country_name AS citizenship_country "
        + "FROM immigration i JOIN immigrant m ON i.cicid = m.cicid JOIN port p ON i.port_code = p.port_code "
        + "LEFT JOIN country c ON m.citizenship_country_code = c.country_code "
        + "WHERE i.departure_date IS NOT NULL AND i.allowed_until IS NOT NULL ORDER BY i.cicid LIMIT 1").get(0);
    JsonNode record = client.json("/api/regulator/arrivals/" + expected.get("cicid").asLong(), TOKEN).get("record");
    expected.fieldNames().forEachRemaining(field ->
        assertThat(record.get(field).asText()).as(field).isEqualTo(expected.get(field).asText()));
    JsonNode byAdmission = client.json("/api/regulator/admissions/" + expected.get("admission_number").asLong(), TOKEN);
    assertThat(byAdmission.at("/records/0/cicid").asLong()).isEqualTo(expected.get("cicid").asLong());
    assertThat(byAdmission.at("/snapshots/immigration").asLong()).isPositive();
  }

  @Test
  void arrivalsAtAPortBetweenTwoDatesComePageByPage() {
    String query = "/api/regulator/arrivals?port=NYC&from=2016-04-01&to=2016-04-15&page_size=10";
    JsonNode first = client.json(query, TOKEN);
    JsonNode expected = sql("SELECT cicid FROM immigration WHERE port_code = 'NYC' AND arrival_date BETWEEN DATE'2016-04-01' "
        + "AND DATE'2016-04-15' ORDER BY arrival_date, cicid");
    assertThat(first.get("total").asInt()).isEqualTo(expected.size()).isGreaterThan(10);
    assertThat(first.get("records")).hasSize(10);
    JsonNode second = client.json(query + "&page=2", TOKEN);
    assertThat(second.at("/records/0/cicid").asLong()).isEqualTo(expected.get(10).get("cicid").asLong());
    assertThat(second.get("pages").asInt()).isEqualTo((expected.size() + 9) / 10);
  }

  @Test
  void overstaysAndPermitsEndingAgreeWithSql() {
    JsonNode overstays = client.json("/api/regulator/overstays?as_of=2016-06-30&page_size=1000", TOKEN);
    JsonNode expected = sql("SELECT m.citizenship_country_code AS code, count(*) AS n FROM immigration i JOIN immigrant m "
        + "ON i.cicid = m.cicid WHERE i.allowed_until IS NOT NULL AND (i.departure_date > i.allowed_until "
        + "OR (i.departure_date IS NULL AND i.allowed_until < DATE'2016-06-30')) GROUP BY 1 ORDER BY n DESC, code");
    long total = 0;
    for (JsonNode country : expected) {
      total += country.get("n").asLong();
    }
    assertThat(overstays.get("total").asLong()).isEqualTo(total).isPositive();
    assertThat(overstays.at("/counts/by_citizenship_country/0/records").asLong()).isEqualTo(expected.get(0).get("n").asLong());
    assertThat(overstays.at("/counts/departed_after_permit").asLong() + overstays.at("/counts/no_departure_recorded").asLong())
        .isEqualTo(total);

    JsonNode ending = client.json("/api/regulator/permits-ending?as_of=2016-04-20&within_days=200", TOKEN);
    assertThat(ending.get("total").asLong()).isEqualTo(sql("SELECT count(*) AS n FROM immigration WHERE departure_date IS NULL "
        + "AND allowed_until BETWEEN DATE'2016-04-20' AND DATE'2016-11-06'").get(0).get("n").asLong()).isPositive();
    ending.get("records").forEach(record -> assertThat(record.get("departure_date").isNull()).isTrue());
  }

  @Test
  void aListExportsAsCsv() {
    ServeClient.Answer csv = client.get("/api/regulator/overstays?as_of=2016-06-30&format=csv", TOKEN);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.response().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", RegulatorAnswers.COLUMNS));
    long total = client.json("/api/regulator/overstays?as_of=2016-06-30", TOKEN).get("total").asLong();
    assertThat(lines).hasSize((int) total + 1);
  }

  @Test
  void regulatorAnswersNeedAValidToken() {
    long cicid = sql("SELECT min(cicid) AS cicid FROM immigration").get(0).get("cicid").asLong();
    for (String token : new String[] {null, "wrong-token-0123456789", ""}) {
      for (String path : List.of("/api/regulator/arrivals/" + cicid, "/api/regulator/overstays?format=csv",
          "/api/regulator/arrivals/not-a-number")) {
        ServeClient.Answer answer = client.get(path, token);
        assertThat(answer.status()).as(path + " with token " + token).isEqualTo(401);
        assertThat(answer.json().get("error").asText()).containsAnyOf("regulators", "token");
        assertThat(answer.body()).doesNotContain(String.valueOf(cicid).substring(1), "arrival_date");
      }
    }
    assertThat(client.get("/api/regulator/arrivals/" + cicid, "bob-token-0123456789").status()).isEqualTo(200);
  }

  @Test
  void badRequestsGetA4xxSayingWhatWasWrong() {
    Map<String, String> expected = Map.ofEntries(
        Map.entry("/api/destinations/states/ZZ", "404 No US state or territory has the code 'ZZ'"),
        Map.entry("/api/destinations/cities/12x", "400 city_id '12x' is malformed: expected a whole number from 0 to"),
        Map.entry("/api/arrivals?month=April", "400 month 'April' is not a month such as 2016-04"),
        Map.entry("/api/arrivals?visa_category=Tourist", "400 visa_category 'Tourist' is not one of Business, Pleasure, Student"),
        Map.entry("/api/arrivals?top=1000", "400 top 1000 is over the limit of 100"),
        Map.entry("/api/arrivals?port=XXXX", "400 port 'XXXX' is not a port of entry code"),
        Map.entry("/api/arrivals?from_month=2016-05&to_month=2016-04", "400 to_month 2016-04 is before from_month 2016-05"),
        Map.entry("/api/map?month=2016-04&from_month=2016-04", "400 Give either month or from_month and to_month, not both"),
        Map.entry("/api/map?residence_country=582,abc", "400 residence_country 'abc' is not a whole number"),
        Map.entry("/api/search?q=a", "400 Search text 'a' is too short"),
        Map.entry("/api/nothing-here", "404 Nothing is at /api/nothing-here"));
    expected.forEach((path, message) -> {
      ServeClient.Answer answer = client.get(path);
      assertThat(answer.status() + " " + answer.json().get("error").asText()).as(path).startsWith(message);
      assertThat(answer.body()).as(path).doesNotContain("Exception", "\tat ");
    });
    Map<String, String> regulator = Map.of(
        "/api/regulator/arrivals/12345abc", "400 cicid '12345abc' is malformed",
        "/api/regulator/arrivals/1", "404 No arrival has cicid 1",
        "/api/regulator/overstays?page_size=5000", "400 page_size 5000 is over the limit of 1000",
        "/api/regulator/overstays?as_of=yesterday", "400 as_of 'yesterday' is not a date such as 2016-04-30",
        "/api/regulator/arrivals?from=2016-04-10&to=2016-04-01", "400 to 2016-04-01 is before from 2016-04-10",
        "/api/regulator/arrivals?port=QQQ", "404 No port of entry has the code 'QQQ'");
    regulator.forEach((path, message) -> {
      ServeClient.Answer answer = client.get(path, TOKEN);
      assertThat(answer.status() + " " + answer.json().get("error").asText()).as(path).startsWith(message);
    });
  }

  @Test
  void pipelineStatusShowsTheLastRunsAndTheirChecks() {
    JsonNode runs = client.json("/api/runs").get("runs");
    JsonNode run = null;
    for (JsonNode candidate : runs) {
      if (candidate.get("run_id").asText().equals(sample.summary().runId())) {
        run = candidate;
      }
    }
    assertThat(run).as("the run that built the sample lake").isNotNull();
    assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.get("checks")).hasSize(sample.summary().checks().size());
    assertThat(run.get("checks_passed").asInt()).isEqualTo((int) sample.summary().checks().stream().filter(c -> c.passed()).count());
  }

  @Test
  void theDashboardAndTheChartLibraryAreServedFromTheJar() {
    ServeClient.Answer page = client.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Overview", "Destinations", "Regulator", "Pipeline");
    ServeClient.Answer echarts = client.get("/webjars/echarts/5.3.1/dist/echarts.min.js");
    assertThat(echarts.status()).isEqualTo(200);
    assertThat(echarts.body().length()).isGreaterThan(500_000);
  }
}
