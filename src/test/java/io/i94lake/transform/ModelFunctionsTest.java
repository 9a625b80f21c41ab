package io.i94lake.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The functions the models call give the same value on Spark and on DuckDB, and the values README promises. */
class ModelFunctionsTest {
  /** Ids stay below 2^53, so JavaScript numbers (and so JSON readers) hold every one exactly. */
  private static final long ID_LIMIT = 1L << 53;

  private static Connection duckdb;

  @BeforeAll
  static void openDuckDb() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void closeDuckDb() throws SQLException {
    duckdb.close();
  }

  /** The value of an expression on both engines, as text; fails when they differ. */
  private static String value(String expression) throws SQLException {
    Model probe = new Model("probe", "SELECT " + expression, List.of());
    Object spark = Fixtures.spark().sql(probe.sql(Dialect.SPARK, name -> name)).first().get(0);
    try (Statement statement = duckdb.createStatement();
         ResultSet result = statement.executeQuery(probe.sql(Dialect.DUCKDB, name -> name))) {
      result.next();
      String sparkText = Objects.toString(spark, null);
      assertThat(Objects.toString(result.getObject(1), null)).as("%s on DuckDB and on Spark", expression)
          .isEqualTo(sparkText);
      return sparkText;
    }
  }

  private static long cityId(String city, String state) throws SQLException {
    return Long.parseLong(value("city_id('" + city + "', '" + state + "')"));
  }

  /** The definition written out in plain Java, as any other engine would compute it. */
  private static long md5Prefix(String key) throws Exception {
    byte[] digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
    return Long.parseLong(HexFormat.of().formatHex(digest).substring(0, 13), 16);
  }

  @Test
  void pinsTheIdsOfRealCities() throws Exception {
    assertThat(cityId("Boston", "MA")).as("md5('BOSTON|MA') = 3f18d7f0…").isEqualTo(1_110_014_953_598_037L);
    assertThat(cityId("New York", "NY")).isEqualTo(2_662_296_060_613_973L);
    assertThat(cityId("Los Angeles", "CA")).isEqualTo(1_290_891_421_594_430L);
    assertThat(cityId("Silver Spring", "MD")).isEqualTo(4_449_135_226_012_363L);
    assertThat(cityId("Mayagüez", "PR")).as("the key's bytes are UTF-8").isEqualTo(2_007_763_781_531_705L);
    for (String[] city : List.of(new String[] {"BOSTON", "MA"}, new String[] {"HONOLULU", "HI"}, new String[] {"ST PAUL", "MN"})) {
      assertThat(cityId(city[0], city[1])).isEqualTo(md5Prefix(city[0] + "|" + city[1])).isBetween(0L, ID_LIMIT - 1);
    }
  }

  @Test
  void spellingsOfOneCityShareItsId() throws Exception {
    assertThat(cityId("St. Louis", "mo")).as("ST LOUIS|MO").isEqualTo(1_844_913_955_224_067L)
        .isEqualTo(cityId("SAINT LOUIS", "MO")).isEqualTo(cityId(" st  louis ", " MO "));
    assertThat(cityId("Fort Worth", "TX")).as("FT WORTH|TX").isEqualTo(3_352_443_650_072_688L);
    assertThat(value("normalized_name('Mount  Vernon.')")).isEqualTo("MT VERNON");
  }

  @Test
  void aCityWithoutNameOrStateHasNoId() throws Exception {
    assertThat(value("city_id('Boston', CAST(NULL AS STRING))")).isNull();
    assertThat(value("city_id(CAST(NULL AS STRING), 'MA')")).isNull();
  }

  @Test
  void decodesSasDayNumbersAndPermitDates() throws Exception {
    assertThat(value("sas_date(20545.0E0)")).isEqualTo("2016-04-01");
    assertThat(value("sas_date(20545.5E0)")).as("fractional").isNull();
    assertThat(value("sas_date(99999.0E0)")).as("after 2199").isNull();
    assertThat(value("month_day_year('04302016')")).isEqualTo("2016-04-30");
    assertThat(value("month_day_year('02302016')")).as("no such day").isNull();
    assertThat(value("month_day_year('12319999')")).as("year 9999").isNull();
    assertThat(value("month_day_year('183')")).isNull();
    assertThat(value("month_day_year('1A012016')")).isNull();
    assertThat(value("whole_number(2016.0E0)")).isEqualTo("2016");
    assertThat(value("number_text(196000001200.5E0)")).isEqualTo("196000001200.5");
    assertThat(value("number_text(100.0E0)")).isEqualTo("100");
    assertThat(value("number_text(-0.25E0)")).isEqualTo("-0.25");
    assertThat(value("whole_number(2016.5E0)")).isNull();
  }

  @Test
  void ordersCollectsAndMeasures() throws Exception {
    assertThat(value("matches('INVALID: X', '(?i)^invalid')")).isEqualTo("true");
    assertThat(value("(SELECT min(ordered(a, b)).b FROM (SELECT 2 AS a, 'x' AS b UNION ALL SELECT 1 AS a, 'z' AS b) t)"))
        .isEqualTo("z");
    String sorted = "(SELECT sorted_set(b) FROM (SELECT 'b' AS b UNION ALL SELECT 'a' AS b UNION ALL SELECT 'b' AS b) t)";
    assertThat(Fixtures.spark().sql(new Model("probe", "SELECT " + sorted, List.of()).sql(Dialect.SPARK, name -> name))
        .first().getList(0)).containsExactly("a", "b");
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(
        new Model("probe", "SELECT " + sorted, List.of()).sql(Dialect.DUCKDB, name -> name))) {
      result.next();
      assertThat((Object[]) result.getArray(1).getArray()).containsExactly("a", "b");
    }
    assertThat(value("(SELECT mean_degrees(x) FROM (SELECT -98.0604945E0 AS x UNION ALL SELECT -98.0604945E0 AS x) t)"))
        .as("half way, to 6 decimals").isEqualTo("-98.060495");
    String keys = "(SELECT 1 AS a, 'x' AS b UNION ALL SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2 AS a, 'x' AS b"
        + " UNION ALL SELECT 2 AS a, CAST(NULL AS STRING) AS b UNION ALL SELECT CAST(NULL AS INT) AS a, CAST(NULL AS STRING) AS b) t";
    assertThat(value("(SELECT distinct_keys(a, b) FROM " + keys + ")")).as("keys with a null are not counted").isEqualTo("2");
    assertThat(value("(SELECT distinct_keys(b) FROM " + keys + ")")).isEqualTo("1");
    assertThat(value("round(distance_km(42.3656E0, -71.0096E0, 40.6413E0, -73.7781E0), 1)")).as("BOS to JFK")
        .isEqualTo("299.8");
  }
}
