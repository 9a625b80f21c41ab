package io.i94lake.pipeline;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The months of I-94 arrivals a run processes: {@code 2016-04}, a range {@code 2016-01..2016-12}, or a list of
 * either separated by commas. Empty means every month found in the input.
 */
public record Months(List<YearMonth> months) {
  public static final Months ALL = new Months(List.of());

  public Months {
    months = List.copyOf(new TreeSet<>(months));
  }

  public static Months parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    List<YearMonth> months = new ArrayList<>();
    for (String part : text.split(",")) {
      String item = part.strip();
      int range = item.indexOf("..");
      if (range < 0) {
        months.add(month(item, text));
        continue;
      }
      YearMonth first = month(item.substring(0, range), text);
      YearMonth last = month(item.substring(range + 2), text);
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("Month range ends before it starts: " + item);
      }
      for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
        months.add(month);
      }
    }
    return new Months(months);
  }

  public boolean isAll() {
    return months.isEmpty();
  }

  @Override
  public String toString() {
    return isAll() ? "all months" : String.join(",", months.stream().map(YearMonth::toString).toList());
  }

  private static YearMonth month(String text, String whole) {
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Cannot read months '" + whole + "': '" + text.strip()
          + "' is not a month such as 2016-04 (use 2016-01..2016-12 for a range)");
    }
  }
}
