package io.i94lake.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a temperature file in Kaggle's {@code GlobalLandTemperaturesByCity.csv} layout: one row per city and
 * month, ISO dates, coordinates with a hemisphere letter, from the city's first month to September 2013 (Kaggle's
 * last). The cities are those of the bundled temperature files, with their real grid positions (so the same-named
 * Arlingtons and Auroras of different states are there) and monthly normals measured on those files
 * ({@code generate/temperature_city.tsv}). A month's temperature is its normal plus a warming trend and noise; the
 * uncertainty shrinks over the centuries; temperatures are missing in 1746–1749 (Kaggle's gap), often before 1800,
 * rarely after.
 */
final class TemperatureFile {
  static final String NAME = "GlobalLandTemperaturesByCity.csv";
  static final YearMonth LAST_MONTH = YearMonth.of(2013, 9);
  static final YearMonth FIRST_MONTH = YearMonth.of(1743, 11);
  // the bundled 2012-2013 file gives no start: such cities start in 1743 or in a year of 1750..1900
  private static final int FIRST_YEAR_UNKNOWN_FROM = 2012;

  private TemperatureFile() {}

  /** Writes the file and returns its number of rows. */
  static long write(Path file, long seed) throws IOException {
    FrequencyTable cities = FrequencyTable.load("temperature_city");
    List<Integer> order = new ArrayList<>();
    for (int row = 0; row < cities.size(); row++) {
      order.add(row);
    }
    order.sort(Comparator.comparing((Integer row) -> cities.value(row, "city"))
        .thenComparing(row -> cities.value(row, "latitude")).thenComparing(row -> cities.value(row, "longitude")));
    SplittableRandom random = new SplittableRandom(ArrivalGenerator.chunkSeed(seed, LAST_MONTH, -1));
    long rows = 0;
    StringBuilder line = new StringBuilder(128);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("dt,AverageTemperature,AverageTemperatureUncertainty,City,Country,Latitude,Longitude\n");
      for (int row : order) {
        String place = "," + quoted(cities.value(row, "city")) + "," + quoted(cities.value(row, "country")) + ","
            + cities.value(row, "latitude") + "," + cities.value(row, "longitude") + "\n";
        double[] normals = java.util.Arrays.stream(cities.value(row, "monthly_normals").split(" "))
            .mapToDouble(Double::parseDouble).toArray();
        for (YearMonth month = firstMonth(cities, row, random); !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
          int year = month.getYear();
          line.setLength(0);
          line.append(month).append("-01,");
          if (!missing(year, random)) {
            double noise = random.nextGaussian() * (year < 1850 ? 1.6 : 1.0);
            appendThousandths(line, normals[month.getMonthValue() - 1] + (year - 1980) * 0.008 + noise);
            line.append(',');
            appendThousandths(line, 0.2 + 2.8 * Math.exp((1743 - year) / 45.0) + Math.abs(random.nextGaussian()) * 0.15);
          } else {
            line.append(',');
          }
          line.append(place);
          out.append(line);
          rows++;
        }
      }
    }
    return rows;
  }

  private static YearMonth firstMonth(FrequencyTable cities, int row, SplittableRandom random) {
    int firstYear = Integer.parseInt(cities.value(row, "first_year"));
    if (firstYear >= FIRST_YEAR_UNKNOWN_FROM) {
      firstYear = random.nextDouble() < 0.35 ? FIRST_MONTH.getYear() : 1750 + random.nextInt(151);
    }
    return firstYear <= FIRST_MONTH.getYear() ? FIRST_MONTH : YearMonth.of(firstYear, 1);
  }

  private static boolean missing(int year, SplittableRandom random) {
    if (year >= 1746 && year <= 1749) {
      return true;
    }
    return random.nextDouble() < (year < 1800 ? 0.03 : 0.002);
  }

  // Kaggle writes up to three decimals: 6.068, -0.021, 2.1
  private static void appendThousandths(StringBuilder line, double value) {
    long thousandths = Math.round(value * 1000);
    if (thousandths < 0) {
      line.append('-');
      thousandths = -thousandths;
    }
    line.append(thousandths / 1000);
    long fraction = thousandths % 1000;
    if (fraction != 0) {
      line.append('.');
      String digits = Long.toString(1000 + fraction).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      line.append(digits, 0, end);
    }
  }

  private static String quoted(String text) {
    return text.indexOf(',') < 0 && text.indexOf('"') < 0 ? text : '"' + text.replace("\"", "\"\"") + '"';
  }
}
