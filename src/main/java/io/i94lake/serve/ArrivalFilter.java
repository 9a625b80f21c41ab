package io.i94lake.serve;

import java.util.Set;

/**
 * Which arrivals a count covers; a null field does not filter.
 *
 * @param month {@code 2016-04}
 * @param residenceCountry an I-94 country code
 * @param ports port codes (the ports of a city), or null for any
 */
record ArrivalFilter(String month, Integer residenceCountry, String visaCategory, String travelMode, Set<String> ports,
                     String destinationState) {
  static final ArrivalFilter ALL = new ArrivalFilter(null, null, null, null, null, null);

  ArrivalFilter {
    ports = ports == null ? null : Set.copyOf(ports);
  }

  static ArrivalFilter destinationState(String state) {
    return new ArrivalFilter(null, null, null, null, null, state);
  }

  static ArrivalFilter ports(Set<String> ports) {
    return new ArrivalFilter(null, null, null, null, ports, null);
  }
}
