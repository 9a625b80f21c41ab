package io.i94lake.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * Which arrivals a count covers: a month range and, for each dimension, the values any of which an arrival may
 * have. A null month or an empty list does not filter.
 *
 * @param fromMonth first month, {@code 2016-04}
 * @param toMonth last month
 * @param residenceCountries I-94 country codes
 * @param ports port codes
 * @param portsOfCity a city id: the arrivals through any port of entry of that city
 */
record ArrivalFilter(String fromMonth, String toMonth, List<Integer> residenceCountries, List<String> visaCategories,
                     List<String> travelModes, List<String> ports, Long portsOfCity, List<String> destinationStates) {
  static final ArrivalFilter ALL = new ArrivalFilter(null, null, List.of(), List.of(), List.of(), List.of(), null, List.of());

  ArrivalFilter {
    if (fromMonth != null && toMonth != null && toMonth.compareTo(fromMonth) < 0) {
      throw ApiError.badRequest("to_month " + toMonth + " is before from_month " + fromMonth);
    }
    residenceCountries = List.copyOf(residenceCountries);
    visaCategories = List.copyOf(visaCategories);
    travelModes = List.copyOf(travelModes);
    ports = List.copyOf(ports);
    destinationStates = List.copyOf(destinationStates);
  }

  static ArrivalFilter destinationState(String state) {
    return new ArrivalFilter(null, null, List.of(), List.of(), List.of(), List.of(), null, List.of(state));
  }

  static ArrivalFilter portsOfCity(long cityId) {
    return new ArrivalFilter(null, null, List.of(), List.of(), List.of(), List.of(), cityId, List.of());
  }

  // a list is bound as one array parameter, so the statement's text does not depend on how many values it has
  private record AnyOf(String column, String arrayType, List<?> values) {}

  private List<AnyOf> lists() {
    return List.of(new AnyOf("residence_country_code", "INTEGER", residenceCountries),
        new AnyOf("visa_category", "VARCHAR", visaCategories), new AnyOf("travel_mode", "VARCHAR", travelModes),
        new AnyOf("port_code", "VARCHAR", ports), new AnyOf("destination_state_code", "VARCHAR", destinationStates));
  }

  /** The condition on {@code arrival_count} ({@code WHERE true AND ...}), its values bound in {@link #parameters}. */
  String where() {
    StringBuilder where = new StringBuilder(" WHERE true");
    if (fromMonth != null) {
      where.append(" AND month >= ?");
    }
    if (toMonth != null) {
      where.append(" AND month <= ?");
    }
    if (portsOfCity != null) {
      where.append(" AND port_code IN (SELECT port_code FROM port WHERE city_id = ?)");
    }
    for (AnyOf list : lists()) {
      if (!list.values().isEmpty()) {
        where.append(" AND ").append(list.column()).append(" IN (SELECT unnest(CAST(? AS ").append(list.arrayType())
            .append("[])))");
      }
    }
    return where.toString();
  }

  /** The values of {@link #where}, in order: each list as an array. */
  List<Object> parameters() {
    List<Object> parameters = new ArrayList<>();
    if (fromMonth != null) {
      parameters.add(fromMonth);
    }
    if (toMonth != null) {
      parameters.add(toMonth);
    }
    if (portsOfCity != null) {
      parameters.add(portsOfCity);
    }
    for (AnyOf list : lists()) {
      if (!list.values().isEmpty()) {
        parameters.add("INTEGER".equals(list.arrayType()) ? list.values().toArray(new Integer[0])
            : list.values().toArray(new String[0]));
      }
    }
    return parameters;
  }
}
