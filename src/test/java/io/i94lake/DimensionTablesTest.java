package io.i94lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.i94lake.engine.SparkLake;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dimension tables built from the bundled real sample: facts a user would check. */
class DimensionTablesTest {
  private static SparkLake lake;

  @BeforeAll
  static void buildLake() {
    lake = Fixtures.sampleLake().lake();
  }

  private static Row only(String table, String condition) {
    List<Row> rows = lake.read(table).filter(condition).collectAsList();
    assertThat(rows).as("rows of %s where %s", table, condition).hasSize(1);
    return rows.get(0);
  }

  @Test
  void airportCoordinatesAreTheRightWayRound() {
    Row airport = only("us_airport", "airport_id = '00A'");
    assertThat(airport.<Double>getAs("latitude")).as("airport 00A latitude").isCloseTo(40.07, within(0.01));
    assertThat(airport.<Double>getAs("longitude")).as("airport 00A longitude").isCloseTo(-74.93, within(0.01));
    assertThat(airport.<String>getAs("state_code")).isEqualTo("PA");
    assertThat(airport.<String>getAs("city")).isEqualTo("Bensalem");
    assertThat(airport.<Integer>getAs("elevation_ft")).isEqualTo(11);
  }

  @Test
  void usAirportsAreThoseOfStatesAndTerritories() {
    assertThat(lake.read("us_airport").count()).as("airports of states and territories among the 69,899 OurAirports rows")
        .isEqualTo(30_349);
    assertThat(lake.read("us_airport").filter("airport_id in ('CYYZ', 'EDDF', 'SAEZ')").count())
        .as("Toronto (CA is Canada), Frankfurt (DE is Germany), Buenos Aires (AR is Argentina)").isZero();
    assertThat(lake.read("us_airport").filter("state_code = 'PR'").count()).isEqualTo(66);
    assertThat(lake.read("us_airport").filter("state_code not in (select state_code from " + lake.table("us_state") + ")").count())
        .isZero();
  }

  @Test
  void bostonsAirportsIncludeLogan() {
    Row logan = only("us_airport", "airport_id = 'KBOS'");
    assertThat(logan.<String>getAs("name")).isEqualTo("Boston Logan International Airport");
    assertThat(logan.<String>getAs("type")).isEqualTo("large_airport");
    assertThat(logan.<String>getAs("iata_code")).isEqualTo("BOS");
    assertThat(logan.<String>getAs("icao_code")).isEqualTo("KBOS");
    assertThat(logan.<Double>getAs("latitude")).as("KBOS latitude").isCloseTo(42.362, within(0.001));
    assertThat(logan.<Double>getAs("longitude")).as("KBOS longitude").isCloseTo(-71.008, within(0.001));
    assertThat(logan.<Integer>getAs("elevation_ft")).isEqualTo(20);
    Row boston = only("us_city", "city = 'Boston' and state_code = 'MA'");
    assertThat(logan.<Long>getAs("city_id")).as("KBOS city").isEqualTo(boston.<Long>getAs("city_id"));
    assertThat(lake.read("us_airport").filter(col("city_id").equalTo(boston.<Long>getAs("city_id"))).count())
        .as("Logan, eight heliports and a closed one").isEqualTo(10);
  }

  @Test
  void portLosIsLosAngelesNotLagos() {
    Row port = only("port", "port_code = 'LOS'");
    assertThat(port.<String>getAs("city")).isEqualTo("Los Angeles");
    assertThat(port.<String>getAs("state_code")).isEqualTo("CA");
    assertThat(port.<Boolean>getAs("is_valid")).isTrue();
    Row city = only("us_city", "city = 'Los Angeles' and state_code = 'CA'");
    assertThat(port.<Long>getAs("city_id")).as("LOS port city").isEqualTo(city.<Long>getAs("city_id"));
  }

  @Test
  void portPlaceholdersAreNotValid() {
    assertThat(only("port", "port_code = 'CP'").<Boolean>getAs("is_valid")).isFalse();
    assertThat(only("port", "port_code = 'FRG'").<Boolean>getAs("is_valid")).as("Collapsed (FOK) 06/15").isFalse();
    Row calgary = only("port", "port_code = 'CLG'");
    assertThat(calgary.<String>getAs("city")).isEqualTo("Calgary");
    assertThat(calgary.<String>getAs("state_code")).as("a foreign port has no state").isNull();
    assertThat(lake.read("port").count()).isEqualTo(660);
  }

  @Test
  void countryCodesHaveNamesAndValidity() {
    assertThat(only("country", "country_code = 582").<String>getAs("country_name")).isEqualTo("Mexico");
    assertThat(only("country", "country_code = 236").<String>getAs("country_name")).isEqualTo("Afghanistan");
    Row canada = only("country", "country_code = 574");
    assertThat(canada.<Boolean>getAs("is_valid")).as("INVALID: CANADA").isFalse();
    assertThat(only("country", "country_code = 54").<Boolean>getAs("is_valid")).as("No Country Code (54)").isFalse();
    assertThat(lake.read("country").count()).isEqualTo(289);
  }

  @Test
  void statesHaveTheirProperNames() {
    assertThat(lake.read("us_state").count()).as("i94addrl without its catch-all code 99").isEqualTo(54);
    assertThat(only("us_state", "state_code = 'NC'").<String>getAs("state_name")).isEqualTo("North Carolina");
    assertThat(only("us_state", "state_code = 'WI'").<String>getAs("state_name")).as("the dictionary spells WISCONSON").isEqualTo("Wisconsin");
    assertThat(only("us_state", "state_code = 'GU'").<String>getAs("state_name")).as("not in demographics").isEqualTo("Guam");
  }

  @Test
  void demographicsHaveOneRowPerCityWithRacesAsColumns() {
    Row silverSpring = only("us_demographics", "city = 'Silver Spring' and state_code = 'MD'");
    assertThat(silverSpring.<Long>getAs("total_population")).isEqualTo(82_463L);
    assertThat(silverSpring.<Long>getAs("hispanic_latino")).isEqualTo(25_924L);
    assertThat(silverSpring.<Double>getAs("median_age")).isEqualTo(33.8);
    assertThat(lake.read("us_demographics").count()).as("596 city and state pairs").isEqualTo(596);
    assertThat(lake.read("us_demographics").select("city_id").distinct().count()).isEqualTo(596);
  }

  @Test
  void sameNamedWeatherCitiesInDifferentStatesStayApart() {
    List<String> arlingtons = lake.read("us_weather").filter("city = 'Arlington'").orderBy("state_code")
        .select("state_code").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(arlingtons).containsExactly("TX", "VA");
    List<String> auroras = lake.read("us_weather").filter("city = 'Aurora'").orderBy("state_code")
        .select("state_code").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(auroras).containsExactly("CO", "IL");
    Row texas = only("us_weather", "city = 'Arlington' and state_code = 'TX'");
    assertThat(texas.<Double>getAs("avg_temp_c")).as("Arlington TX, Sep 2013").isEqualTo(27.986);
    assertThat(texas.get(texas.fieldIndex("measured_on")).toString()).isEqualTo("2013-09-01");
  }

  @Test
  void everyWeatherCityIsAUsCity() {
    assertThat(lake.read("us_weather").count()).isEqualTo(24);
    assertThat(lake.read("us_weather").join(lake.read("us_city"), "city_id").count()).isEqualTo(24);
  }

  @Test
  void cityIdsAreUniqueAndSharedAcrossTables() {
    assertThat(lake.read("us_city").count()).isEqualTo(lake.read("us_city").select("city_id").distinct().count());
    for (String table : List.of("us_airport", "us_demographics", "us_weather", "port")) {
      long orphans = lake.read(table).filter(col("city_id").isNotNull())
          .join(lake.read("us_city"), new String[] {"city_id"}, "left_anti").count();
      assertThat(orphans).as("city ids of %s missing from us_city", table).isZero();
    }
  }

  @Test
  void cityIdsAreMd5PrefixesBelowTwoToThe53() {
    assertThat(only("us_city", "city = 'Boston' and state_code = 'MA'").<Long>getAs("city_id"))
        .as("Boston, MA").isEqualTo(1_110_014_953_598_037L);
    for (String table : List.of("us_city", "us_airport", "us_demographics", "us_weather", "port", "immigration")) {
      Row range = lake.read(table).agg(min("city_id"), max("city_id")).first();
      assertThat(range.getLong(0)).as("smallest city_id of %s", table).isNotNegative();
      assertThat(range.getLong(1)).as("largest city_id of %s", table).isLessThan(1L << 53);
    }
  }
}
