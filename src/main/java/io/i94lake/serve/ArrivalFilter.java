package io.i94lake.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * Which arrivals a count covers; a null field does not filter.
 *
 * @param month {@code 2016-04}
 * @param residenceCountry an I-94 country code
 * @param port a port code
 * @param portsOfCity a city id: the arrivals through any port of entry of that city
 */
record ArrivalFilter(String month, Integer residenceCountry, String visaCategory, String travelMode, String port,
                     Long portsOfCity, String destinationState) {
  static ArrivalFilter destinationState(String state) {
    return new ArrivalFilter(null, null, null, null, null, null, state);
  }

  static ArrivalFilter portsOfCity(long cityId) {
    return new ArrivalFilter(null, null, null, null, null, cityId, null);
  }

  /** The condition on {@code arrival_count} ({@code WHERE true AND ...}), its values bound in {@link #parameters}. */
  String where() {
    StringBuilder where = new StringBuilder(" WHERE true");
    if (month != null) {
      where.append(" AND month = ?");
    }
    if (residenceCountry != null) {
      where.append(" AND residence_country_code = ?");
    }
    if (visaCategory != null) {
      where.append(" AND visa_category = ?");
    }
    if (travelMode != null) {
      where.append(" AND travel_mode = ?");
    }
    if (port != null) {
      where.append(" AND port_code = ?");
    }
    if (portsOfCity != null) {
      where.append(" AND port_code IN (SELECT port_code FROM port WHERE city_id = ?)");
    }
    if (destinationState != null) {
      where.append(" AND destination_state_code = ?");
    }
    return where.toString();
  }

  /** The values of {@link #where}, in order. */
  List<Object> parameters() {
    List<Object> parameters = new ArrayList<>();
    for (Object value : new Object[] {month, residenceCountry, visaCategory, travelMode, port, portsOfCity, destinationState}) {
      if (value != null) {
        parameters.add(value);
      }
    }
    return parameters;
  }
}
