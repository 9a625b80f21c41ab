package io.i94lake.quality;

import io.i94lake.core.TableCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every lake table must pass before a run is published, and the thresholds users may tune.
 * Real data has a few unknown codes (0.9% of April 2016's destination states); a broken file has many. Country
 * codes are a case apart: the dictionary lacks 148 and 254, which April 2016 uses for about one record in ten;
 * they fail only below {@link #MINIMUM_SHARE_KNOWN_COUNTRIES} and are reported as a warning below the usual share.
 *
 * @param minimumShareKnown the least share of port and state codes found in their tables
 * @param maximumRowCountChange how many times more, or fewer, rows a table may have than when last published
 * @param maximumAge how long ago a table may have been published ({@code check} on the published lake only)
 */
public record LakeChecks(double minimumShareKnown, double maximumRowCountChange, Duration maximumAge) {
  public static final LakeChecks DEFAULTS = new LakeChecks(0.98, 10.0, Duration.ofHours(36));
  public static final List<String> TRAVEL_MODES = List.of("Air", "Sea", "Land", "Not reported");
  public static final List<String> VISA_CATEGORIES = List.of("Business", "Pleasure", "Student");
  public static final List<String> GENDERS = List.of("F", "M", "U", "X");
  public static final double MINIMUM_SHARE_KNOWN_COUNTRIES = 0.8;

  public LakeChecks {
    if (minimumShareKnown < 0 || minimumShareKnown > 1) {
      throw new IllegalArgumentException("The least share of known codes must lie in 0..1, not " + minimumShareKnown);
    }
    if (maximumRowCountChange < 1) {
      throw new IllegalArgumentException("The row count change factor must be at least 1, not " + maximumRowCountChange);
    }
  }

  /** The checks of a run, on what it wrote. */
  public List<Check> forRun() {
    List<Check> checks = new ArrayList<>(dimensions());
    checks.addAll(arrivals());
    checks.addAll(rowCounts());
    return checks;
  }

  /** The checks of the published lake ({@code i94lake check}): those of a run, and freshness. */
  public List<Check> forPublished(List<String> tables) {
    List<Check> checks = new ArrayList<>(dimensions());
    checks.addAll(arrivals());
    tables.forEach(table -> checks.add(Check.warning(table).isFresherThan(maximumAge)));
    return checks;
  }

  private List<Check> dimensions() {
    return List.of(
        Check.error("us_state").isComplete("state_code").isUnique("state_code").isComplete("state_name"),
        Check.error("country").isComplete("country_code").isUnique("country_code").isComplete("country_name"),
        Check.error("port").isComplete("port_code").isUnique("port_code")
            .sharePresentIn("state_code", "us_state", "state_code", 1.0),
        Check.error("us_city").isComplete("city_id").isUnique("city_id").isComplete("city")
            .sharePresentIn("state_code", "us_state", "state_code", 1.0),
        Check.error("us_airport").isComplete("airport_id").isUnique("airport_id")
            .hasValuesBetween("latitude", -90, 90).hasValuesBetween("longitude", -180, 180)
            .sharePresentIn("state_code", "us_state", "state_code", 1.0)
            .sharePresentIn("city_id", "us_city", "city_id", 1.0),
        Check.error("us_demographics").isComplete("city_id").isUnique("city_id").isComplete("total_population")
            .hasValuesBetween("foreign_born_share", 0, 1),
        Check.warning("us_demographics").satisfies("male and female add up to the population",
            "male_population + female_population = total_population", 0.99),
        Check.error("us_weather").isComplete("city_id").isUnique("city_id").isComplete("state_code")
            .sharePresentIn("city_id", "us_city", "city_id", 1.0),
        Check.error("us_temperature").isComplete("city_id").isComplete("measured_on").isUnique("city_id", "measured_on")
            .isComplete("avg_temp_c").sharePresentIn("city_id", "us_weather", "city_id", 1.0),
        Check.error("airport_weather").isUnique("airport_id"));
  }

  private List<Check> arrivals() {
    return List.of(
        Check.error("immigration").isComplete("cicid").isUnique("cicid").isComplete("arrival_date")
            .satisfies("arrival inside its partition's month", "year(arrival_date) = year and month(arrival_date) = month", 1.0)
            .isContainedIn("travel_mode", TRAVEL_MODES)
            .sharePresentIn("port_code", "port", "port_code", minimumShareKnown)
            .sharePresentIn("destination_state_code", "us_state", "state_code", minimumShareKnown),
        Check.warning("immigration").satisfies("departure on or after arrival",
            "departure_date is null or departure_date >= arrival_date", 0.999),
        Check.error("immigrant").isComplete("cicid").isUnique("cicid")
            .hasValuesBetween("age", 0, 120)
            .isContainedIn("gender", GENDERS)
            .isContainedIn("visa_category", VISA_CATEGORIES)
            .sharePresentIn("citizenship_country_code", "country", "country_code", MINIMUM_SHARE_KNOWN_COUNTRIES)
            .sharePresentIn("residence_country_code", "country", "country_code", MINIMUM_SHARE_KNOWN_COUNTRIES),
        Check.warning("immigrant")
            .sharePresentIn("citizenship_country_code", "country", "country_code", minimumShareKnown)
            .sharePresentIn("residence_country_code", "country", "country_code", minimumShareKnown),
        Check.error("immigration_demographics").isUnique("cicid"));
  }

  private List<Check> rowCounts() {
    return TableCatalog.counted().stream()
        .map(table -> Check.error(table.name()).rowCountChangeWithin(maximumRowCountChange))
        .toList();
  }
}
