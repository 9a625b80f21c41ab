package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.source.SourceCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrival tables built from the bundled 1,000-row real I-94 CSV sample. */
class ArrivalTablesTest {
  private static SparkLake lake;
  private static RunSummary summary;

  @BeforeAll
  static void buildLake() {
    lake = Fixtures.sampleLake().lake();
    summary = Fixtures.sampleLake().summary();
  }

  private static Row arrival(long cicid) {
    List<Row> rows = lake.read("immigration").filter("cicid = " + cicid).collectAsList();
    assertThat(rows).as("immigration rows of cicid %d", cicid).hasSize(1);
    return rows.get(0);
  }

  private static Map<String, Long> countsBy(String table, String column) {
    return lake.read(table).groupBy(column).count().collectAsList().stream()
        .collect(Collectors.toMap(row -> String.valueOf(row.get(0)), row -> row.getLong(1)));
  }

  @Test
  void sasDayNumbersBecomeDates() {
    // 4084316.0,2016.0,4.0,209.0,209.0,HHW,20566.0,1.0,HI,20573.0,...,07202016,F,,JL,56582674633.0,00782,WT
    Row arrival = arrival(4_084_316L);
    assertThat(arrival.<LocalDate>getAs("arrival_date")).as("arrdate 20566").isEqualTo(LocalDate.of(2016, 4, 22));
    assertThat(arrival.<LocalDate>getAs("departure_date")).as("depdate 20573").isEqualTo(LocalDate.of(2016, 4, 29));
    assertThat(arrival.<LocalDate>getAs("allowed_until")).as("dtaddto 07202016").isEqualTo(LocalDate.of(2016, 7, 20));
    assertThat(arrival.<Boolean>getAs("duration_of_status")).isFalse();
    assertThat(arrival.<Long>getAs("admission_number")).isEqualTo(56_582_674_633L);
    assertThat(arrival.<String>getAs("flight_number")).isEqualTo("00782");
    assertThat(arrival.<Integer>getAs("year")).isEqualTo(2016);
    assertThat(arrival.<Integer>getAs("month")).isEqualTo(4);
  }

  @Test
  void durationOfStatusHasNoEndDate() {
    Row student = arrival(3_599_863L);
    assertThat(student.<Boolean>getAs("duration_of_status")).as("dtaddto D/S").isTrue();
    assertThat(student.<LocalDate>getAs("allowed_until")).isNull();
    assertThat(student.<String>getAs("allowed_until_text")).as("D/S is readable, not junk").isNull();
    assertThat(lake.read("immigration").filter("duration_of_status").count()).as("D/S rows of the sample").isEqualTo(13);
  }

  @Test
  void travelModesComeFromTheDictionary() {
    assertThat(countsBy("immigration", "travel_mode"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("Air", 962L, "Land", 26L, "Sea", 10L, "Not reported", 2L));
  }

  @Test
  void visaCategoriesComeFromTheDictionary() {
    assertThat(countsBy("immigrant", "visa_category"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("Pleasure", 831L, "Business", 155L, "Student", 14L));
    Row person = lake.read("immigrant").filter("cicid = 4084316").first();
    assertThat(person.<Integer>getAs("age")).isEqualTo(61);
    assertThat(person.<Integer>getAs("birth_year")).isEqualTo(1955);
    assertThat(person.<String>getAs("gender")).isEqualTo("F");
    assertThat(person.<Integer>getAs("citizenship_country_code")).isEqualTo(209);
    assertThat(person.<String>getAs("visa_type")).isEqualTo("WT");
  }

  @Test
  void portsResolveToTheirCities() {
    Row honolulu = lake.read("immigration").filter("port_code = 'HHW'")
        .join(lake.read("us_city"), "city_id").select("city", "state_code").distinct().first();
    assertThat(honolulu.getString(0)).isEqualTo("Honolulu");
    assertThat(honolulu.getString(1)).isEqualTo("HI");
    long unresolved = lake.read("immigration").filter("city_id is null")
        .join(lake.read("port").filter("state_code is not null"), "port_code").count();
    assertThat(unresolved).as("arrivals at US ports without a city").isZero();
    long abroad = lake.read("immigration").filter("port_code in ('DUB', 'TOR', 'SAI')").filter("city_id is null").count();
    assertThat(abroad).as("preclearance abroad and Saipan (no US state in the dictionary)").isEqualTo(26);
  }

  @Test
  void everyRowIsAccountedFor() {
    SourceCount arrivals = summary.source("i94");
    assertThat(arrivals.rowsIn()).isEqualTo(1000);
    long written = summary.table("immigration").write().rowsWritten();
    long rejected = lake.read("rejects").filter("source = 'i94'").count();
    assertThat(written + rejected).as("rows in = rows written + rows rejected").isEqualTo(arrivals.rowsIn());
    assertThat(rejected).isEqualTo(arrivals.rejected());
    assertThat(lake.read("immigrant").count()).isEqualTo(written);
    assertThat(lake.read("immigration_demographics").count()).isEqualTo(written);
  }

  @Test
  void arrivalsCarryTheirDestinationStateDemographics() {
    Row arrival = lake.read("immigration_demographics").filter("cicid = 4084316").first();
    assertThat(arrival.<String>getAs("destination_state")).isEqualTo("Hawaii");
    assertThat(arrival.<String>getAs("citizenship_country")).isEqualTo("Japan");
    Row honolulu = lake.read("us_demographics").filter("state_code = 'HI'").selectExpr("sum(total_population)").first();
    assertThat(arrival.<Long>getAs("state_population")).as("Hawaii's cities, one row each").isEqualTo(honolulu.getLong(0));
  }

  @Test
  void airportWeatherJoinsTheLatestWeatherOfTheAirportsCity() {
    assertThat(lake.read("airport_weather").count()).isEqualTo(lake.read("us_airport").count());
    long withWeather = lake.read("airport_weather").filter("avg_temp_c is not null").count();
    assertThat(withWeather).as("airports in the 24 weather cities").isPositive();
    Row any = lake.read("airport_weather").filter("avg_temp_c is not null").first();
    assertThat(any.<String>getAs("state_name")).isNotNull();
  }
}
