package io.i94lake.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What regulators ask about individual arrivals: one record, and lists of records with filters. */
final class RegulatorAnswers {
  /** The columns of a record in lists and CSV exports, in order. */
  static final List<String> COLUMNS = List.of("cicid", "admission_number", "arrival_date", "departure_date", "allowed_until",
      "duration_of_status", "allowed_until_text", "port_code", "port_name", "port_city", "port_state_code", "travel_mode",
      "visa_category", "visa_type", "age", "gender", "citizenship_country_code", "citizenship_country",
      "residence_country_code", "residence_country", "destination_state_code");
  // records in arrival order (%s: a condition on arrival)
  private static final String RECORDS = "SELECT " + String.join(", ", COLUMNS)
      + " FROM arrival%s ORDER BY arrival_date, cicid";

  /** Which arrivals a list holds: a condition on {@code arrival} and its values. */
  record RecordList(String where, List<Object> parameters) {
    RecordList {
      parameters = List.copyOf(parameters);
    }

    private Object[] parametersAnd(Object... more) {
      List<Object> all = new ArrayList<>(parameters);
      all.addAll(List.of(more));
      return all.toArray();
    }
  }

  private final ServedQueries sql;

  RegulatorAnswers(ServedQueries sql) {
    this.sql = sql;
  }

  /** The records of the arrivals with these cicids (see {@link ArrivalLookups}), found through the cicid index. */
  List<Map<String, Object>> byCicids(Long[] cicids) {
    return sql.rows(RECORDS.formatted(" WHERE cicid IN (SELECT unnest(CAST(? AS BIGINT[])))"), (Object) cicids);
  }

  /** The arrivals with an admission number (a person entering twice has two). */
  List<Map<String, Object>> byAdmissionNumber(long admissionNumber) {
    List<Map<String, Object>> records = sql.rows(RECORDS.formatted(" WHERE admission_number = ?"), admissionNumber);
    if (records.isEmpty()) {
      throw ApiError.notFound("No arrival has admission number " + admissionNumber);
    }
    return records;
  }

  /** Arrivals at a port (any port when null) between two dates, both included (either may be null). */
  RecordList arrivalsAt(String port, LocalDate from, LocalDate to) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> parameters = new ArrayList<>();
    if (port != null) {
      if (!sql.exists("SELECT 1 FROM port WHERE port_code = ? UNION ALL SELECT 1 FROM arrival WHERE port_code = ? LIMIT 1",
          port, port)) {
        throw ApiError.notFound("No port of entry has the code '" + port + "'");
      }
      where.append(" AND port_code = ?");
      parameters.add(port);
    }
    if (from != null) {
      where.append(" AND arrival_date >= CAST(? AS DATE)");
      parameters.add(from.toString());
    }
    if (to != null) {
      where.append(" AND arrival_date <= CAST(? AS DATE)");
      parameters.add(to.toString());
    }
    return new RecordList(where.toString(), parameters);
  }

  /** Permits ending from the day to N days later, with no departure recorded. */
  RecordList permitsEnding(LocalDate asOf, int withinDays) {
    return new RecordList(" WHERE departure_date IS NULL AND allowed_until BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)",
        List.of(asOf.toString(), asOf.plusDays(withinDays).toString()));
  }

  /** Departed after the permit ended, or no departure recorded while the permit ended before the day. */
  RecordList overstays(LocalDate asOf) {
    return new RecordList(" WHERE allowed_until IS NOT NULL AND CASE WHEN departure_date IS NULL "
        + "THEN allowed_until < CAST(? AS DATE) ELSE departure_date > allowed_until END", List.of(asOf.toString()));
  }

  /** Counts of listed records by citizenship country and visa type, biggest first. */
  Map<String, Object> countsOf(RecordList list) {
    Map<String, Object> listed = sql.row("SELECT count(*) AS total, count(departure_date) AS departed FROM arrival"
        + list.where(), list.parametersAnd()).orElseThrow();
    long departedLate = (Long) listed.get("departed");
    long total = (Long) listed.get("total");
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("departed_after_permit", departedLate);
    counts.put("no_departure_recorded", total - departedLate);
    counts.put("by_citizenship_country", sql.rows("SELECT g.code AS citizenship_country_code, CASE WHEN g.code IS NULL THEN "
        + "'unknown' ELSE coalesce(c.country_name, 'code ' || g.code) END AS citizenship_country, g.records FROM (SELECT "
        + "citizenship_country_code AS code, count(*) AS records FROM arrival" + list.where() + " GROUP BY 1) g "
        + "LEFT JOIN country c ON c.country_code = g.code ORDER BY g.records DESC, g.code NULLS LAST", list.parametersAnd()));
    counts.put("by_visa_type", sql.rows("SELECT coalesce(visa_type, 'unknown') AS visa_type, count(*) AS records FROM arrival"
        + list.where() + " GROUP BY 1 ORDER BY records DESC, visa_type", list.parametersAnd()));
    return counts;
  }

  /** One page of listed records (pages from 1). */
  Map<String, Object> page(RecordList list, int page, int pageSize) {
    long total = sql.number("SELECT count(*) FROM arrival" + list.where(), list.parametersAnd());
    List<Map<String, Object>> shown = sql.rows(RECORDS.formatted(list.where()) + " LIMIT ? OFFSET ?",
        list.parametersAnd(pageSize, (long) (page - 1) * pageSize));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", total);
    answer.put("page", page);
    answer.put("page_size", pageSize);
    answer.put("pages", (total + pageSize - 1) / pageSize);
    answer.put("records", shown);
    return answer;
  }

  /** Every listed record, in arrival order (a CSV export). */
  void forEachRecord(RecordList list, Consumer<Map<String, Object>> action) {
    sql.forEachRow(RECORDS.formatted(list.where()), List.of(list.parametersAnd()), action);
  }
}
