package io.i94lake.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/** What regulators ask about individual arrivals: one record, and lists of records with filters. */
final class RegulatorAnswers {
  /** The columns of a record in lists and CSV exports, in order. */
  static final List<String> COLUMNS = List.of("cicid", "admission_number", "arrival_date", "departure_date", "allowed_until",
      "duration_of_status", "allowed_until_text", "port_code", "port_name", "port_city", "port_state_code", "travel_mode",
      "visa_category", "visa_type", "age", "gender", "citizenship_country_code", "citizenship_country",
      "residence_country_code", "residence_country", "destination_state_code");

  private final ServedLake lake;
  private final ArrivalRecords records;

  RegulatorAnswers(ServedLake lake) {
    this.lake = lake;
    this.records = lake.arrivals;
  }

  /** The arrival with a cicid. */
  Map<String, Object> byCicid(long cicid) {
    List<Integer> rows = records.rowsOfCicid(cicid);
    if (rows.isEmpty()) {
      throw ApiError.notFound("No arrival has cicid " + cicid);
    }
    return record(rows.get(0));
  }

  /** The arrivals with an admission number (a person entering twice has two). */
  List<Map<String, Object>> byAdmissionNumber(long admissionNumber) {
    List<Integer> rows = records.rowsOfAdmissionNumber(admissionNumber);
    if (rows.isEmpty()) {
      throw ApiError.notFound("No arrival has admission number " + admissionNumber);
    }
    return rows.stream().map(this::record).toList();
  }

  /** Arrivals at a port (any port when null) between two dates, both included. */
  int[] arrivalsAt(String port, LocalDate from, LocalDate to) {
    int portCode = port == null ? -1 : records.ports.find(port);
    if (port != null && portCode < 0 && !lake.places.ports.containsKey(port)) {
      throw ApiError.notFound("No port of entry has the code '" + port + "'");
    }
    int first = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay();
    int last = to == null ? Integer.MAX_VALUE : (int) to.toEpochDay();
    if (port != null && portCode < 0) {
      return new int[0];
    }
    return records.rowsWhere(row -> (portCode < 0 || records.port[row] == portCode)
        && records.arrival[row] >= first && records.arrival[row] <= last);
  }

  /** Permits ending from the day to N days later, with no departure recorded. */
  int[] permitsEnding(LocalDate asOf, int withinDays) {
    int first = (int) asOf.toEpochDay();
    int last = first + withinDays;
    return records.rowsWhere(row -> records.departure[row] == ArrivalRecords.NONE
        && records.allowedUntil[row] != ArrivalRecords.NONE
        && records.allowedUntil[row] >= first && records.allowedUntil[row] <= last);
  }

  /** Departed after the permit ended, or no departure recorded while the permit ended before the day. */
  int[] overstays(LocalDate asOf) {
    int day = (int) asOf.toEpochDay();
    IntPredicate overstayed = row -> {
      int allowed = records.allowedUntil[row];
      if (allowed == ArrivalRecords.NONE) {
        return false;
      }
      int departed = records.departure[row];
      return departed == ArrivalRecords.NONE ? allowed < day : departed > allowed;
    };
    return records.rowsWhere(overstayed);
  }

  /** Counts of listed records by citizenship country and visa type, biggest first. */
  Map<String, Object> countsOf(int[] rows) {
    Map<Integer, Long> byCountry = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    Map<String, Long> byVisaType = new TreeMap<>();
    long departedLate = 0;
    for (int row : rows) {
      int country = records.citizenship[row];
      byCountry.merge(country == ArrivalRecords.NONE ? null : country, 1L, Long::sum);
      byVisaType.merge(Objects.requireNonNullElse(records.visaTypes.value(records.visaType[row]), "unknown"), 1L, Long::sum);
      if (records.departure[row] != ArrivalRecords.NONE) {
        departedLate++;
      }
    }
    List<Map<String, Object>> countries = new ArrayList<>();
    byCountry.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).forEach(entry -> {
      Map<String, Object> country = new LinkedHashMap<>();
      country.put("citizenship_country_code", entry.getKey());
      country.put("citizenship_country", entry.getKey() == null ? "unknown"
          : Objects.requireNonNullElse(lake.places.countryName(entry.getKey()), "code " + entry.getKey()));
      country.put("records", entry.getValue());
      countries.add(country);
    });
    List<Map<String, Object>> visaTypes = new ArrayList<>();
    byVisaType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(entry -> {
      Map<String, Object> visaType = new LinkedHashMap<>();
      visaType.put("visa_type", entry.getKey());
      visaType.put("records", entry.getValue());
      visaTypes.add(visaType);
    });
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("departed_after_permit", departedLate);
    counts.put("no_departure_recorded", rows.length - departedLate);
    counts.put("by_citizenship_country", countries);
    counts.put("by_visa_type", visaTypes);
    return counts;
  }

  /** One page of listed records (pages from 1). */
  Map<String, Object> page(int[] rows, int page, int pageSize) {
    int first = (int) Math.min(rows.length, (long) (page - 1) * pageSize);
    int last = Math.min(rows.length, first + pageSize);
    List<Map<String, Object>> shown = new ArrayList<>(last - first);
    for (int index = first; index < last; index++) {
      shown.add(record(rows[index]));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", rows.length);
    answer.put("page", page);
    answer.put("page_size", pageSize);
    answer.put("pages", (rows.length + pageSize - 1) / pageSize);
    answer.put("records", shown);
    return answer;
  }

  /** One record with its port, countries and permit, in the order of {@link #COLUMNS}. */
  Map<String, Object> record(int row) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("cicid", records.cicid[row]);
    record.put("admission_number", records.admissionNumber[row] == Long.MIN_VALUE ? null : records.admissionNumber[row]);
    record.put("arrival_date", ArrivalRecords.date(records.arrival[row]));
    record.put("departure_date", ArrivalRecords.date(records.departure[row]));
    record.put("allowed_until", ArrivalRecords.date(records.allowedUntil[row]));
    record.put("duration_of_status", records.durationOfStatus[row]);
    record.put("allowed_until_text", records.allowedUntilTexts.value(records.allowedUntilText[row]));
    String portCode = records.ports.value(records.port[row]);
    Map<String, Object> port = portCode == null ? null : lake.places.ports.get(portCode);
    record.put("port_code", portCode);
    record.put("port_name", port == null ? null : port.get("port_name"));
    record.put("port_city", port == null ? null : port.get("city"));
    record.put("port_state_code", port == null ? null : port.get("state_code"));
    record.put("travel_mode", records.travelModes.value(records.travelMode[row]));
    record.put("visa_category", records.visaCategories.value(records.visaCategory[row]));
    record.put("visa_type", records.visaTypes.value(records.visaType[row]));
    record.put("age", records.age[row] < 0 ? null : (int) records.age[row]);
    record.put("gender", records.genders.value(records.gender[row]));
    int citizenship = records.citizenship[row];
    int residence = records.residence[row];
    record.put("citizenship_country_code", citizenship == ArrivalRecords.NONE ? null : citizenship);
    record.put("citizenship_country", citizenship == ArrivalRecords.NONE ? null : lake.places.countryName(citizenship));
    record.put("residence_country_code", residence == ArrivalRecords.NONE ? null : residence);
    record.put("residence_country", residence == ArrivalRecords.NONE ? null : lake.places.countryName(residence));
    record.put("destination_state_code", records.states.value(records.state[row]));
    return record;
  }
}
