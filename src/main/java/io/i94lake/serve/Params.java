package io.i94lake.serve;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads a request's parameters, refusing bad values with a message saying what was wrong. */
final class Params {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 1000;
  static final int MAX_TOP = 100;

  private final Context context;

  Params(Context context) {
    this.context = context;
  }

  String text(String name) {
    String value = context.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Every value of a parameter, given repeated ({@code port=NYC&port=LOS}) or comma-separated ({@code port=NYC,LOS}). */
  List<String> list(String name) {
    return context.queryParams(name).stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
        .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
  }

  /** Every value of a parameter, each one of the allowed values (any case), as the allowed value writes it. */
  List<String> allOf(String name, List<String> allowed) {
    return list(name).stream().map(value -> allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(value))
        .findFirst().orElseThrow(() -> ApiError.badRequest(name + " '" + value + "' is not one of " + String.join(", ", allowed))))
        .distinct().toList();
  }

  String path(String name) {
    return context.pathParam(name);
  }

  String oneOf(String name, List<String> allowed) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    return allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(value)).findFirst().orElseThrow(() ->
        ApiError.badRequest(name + " '" + value + "' is not one of " + String.join(", ", allowed)));
  }

  String month(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return YearMonth.parse(value).toString();
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name + " '" + value + "' is not a month such as 2016-04");
    }
  }

  LocalDate date(String name, LocalDate fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name + " '" + value + "' is not a date such as 2016-04-30");
    }
  }

  Integer integer(String name, Integer fallback, int min, int max) {
    String value = text(name);
    return value == null ? fallback : integer(name, value, min, max);
  }

  /** A parameter's value as a whole number from min to max. */
  static int integer(String name, String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name + " '" + value + "' is not a whole number");
    }
    if (number < min || number > max) {
      throw ApiError.badRequest(name + " " + number + (number > max ? " is over the limit of " + max : " is under the least value " + min));
    }
    return number;
  }

  int page() {
    return integer("page", 1, 1, Integer.MAX_VALUE);
  }

  int pageSize() {
    return integer("page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  }

  int top() {
    return integer("top", 10, 1, MAX_TOP);
  }

  boolean csv() {
    return "csv".equals(oneOf("format", List.of("json", "csv")));
  }

  /** A record or city id in the path: any whole number a 64-bit id can be (ids are never negative). */
  long id(String name) {
    String value = context.pathParam(name);
    if (value.matches("\\d{1,19}")) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException overLongMaxValue) {
        // refused below with the others
      }
    }
    throw ApiError.badRequest(name + " '" + value + "' is malformed: expected a whole number from 0 to " + Long.MAX_VALUE);
  }
}
