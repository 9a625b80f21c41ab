package io.i94lake.serve;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Arrivals counted once per snapshot by month, country of residence, visa category, travel mode, port and
 * destination state (a few thousand to a few hundred thousand groups instead of millions of rows), so that a
 * filtered breakdown sums groups instead of scanning arrivals.
 */
final class ArrivalCounts {
  private final ArrivalRecords records;
  private final int groups;
  private final short[] month;
  private final int[] residence;
  private final byte[] visaCategory;
  private final byte[] travelMode;
  private final short[] port;
  private final short[] state;
  private final long[] arrivals;

  private record Group(short month, int residence, byte visaCategory, byte travelMode, short port, short state) {}

  ArrivalCounts(ArrivalRecords records) {
    this.records = records;
    Map<Group, long[]> counts = new HashMap<>();
    for (int row = 0; row < records.size; row++) {
      Group group = new Group(records.month[row], records.residence[row], records.visaCategory[row], records.travelMode[row],
          records.port[row], records.state[row]);
      counts.computeIfAbsent(group, key -> new long[1])[0]++;
    }
    groups = counts.size();
    month = new short[groups];
    residence = new int[groups];
    visaCategory = new byte[groups];
    travelMode = new byte[groups];
    port = new short[groups];
    state = new short[groups];
    arrivals = new long[groups];
    int index = 0;
    for (Map.Entry<Group, long[]> entry : counts.entrySet()) {
      Group group = entry.getKey();
      month[index] = group.month();
      residence[index] = group.residence();
      visaCategory[index] = group.visaCategory();
      travelMode[index] = group.travelMode();
      port[index] = group.port();
      state[index] = group.state();
      arrivals[index++] = entry.getValue()[0];
    }
  }

  int groups() {
    return groups;
  }

  /** Arrivals passing the filter: the total and the counts by each dimension, biggest first (months in order). */
  Breakdown count(ArrivalFilter filter) {
    int monthCode = codeOf(records.months, filter.month());
    int visaCode = codeOf(records.visaCategories, filter.visaCategory());
    int modeCode = codeOf(records.travelModes, filter.travelMode());
    int stateCode = codeOf(records.states, filter.destinationState());
    boolean[] portWanted = null;
    if (filter.ports() != null) {
      portWanted = new boolean[records.ports.size()];
      for (String code : filter.ports()) {
        int found = records.ports.find(code);
        if (found >= 0) {
          portWanted[found] = true;
        }
      }
    }
    int residenceCode = filter.residenceCountry() == null ? ArrivalRecords.NONE : filter.residenceCountry();
    Breakdown breakdown = new Breakdown();
    if (monthCode == -2 || visaCode == -2 || modeCode == -2 || stateCode == -2) {
      return breakdown;
    }
    for (int group = 0; group < groups; group++) {
      if ((monthCode >= 0 && month[group] != monthCode) || (visaCode >= 0 && visaCategory[group] != visaCode)
          || (modeCode >= 0 && travelMode[group] != modeCode) || (stateCode >= 0 && state[group] != stateCode)
          || (portWanted != null && !portWanted[port[group]])
          || (filter.residenceCountry() != null && residence[group] != residenceCode)) {
        continue;
      }
      breakdown.add(group);
    }
    return breakdown;
  }

  // -1: no filter; -2: a value no arrival has
  private static int codeOf(Codes codes, String value) {
    if (value == null) {
      return -1;
    }
    int code = codes.find(value);
    return code < 0 ? -2 : code;
  }

  /** Counts by dimension of the arrivals passing a filter. */
  final class Breakdown {
    long total;
    final long[] byMonth = new long[records.months.size()];
    final Map<Integer, Long> byResidence = new HashMap<>();
    final long[] byVisaCategory = new long[records.visaCategories.size()];
    final long[] byTravelMode = new long[records.travelModes.size()];
    final long[] byPort = new long[records.ports.size()];
    final long[] byState = new long[records.states.size()];

    private void add(int group) {
      long count = arrivals[group];
      total += count;
      byMonth[month[group]] += count;
      byResidence.merge(residence[group], count, Long::sum);
      byVisaCategory[visaCategory[group]] += count;
      byTravelMode[travelMode[group]] += count;
      byPort[port[group]] += count;
      byState[state[group]] += count;
    }

    Map<String, Long> months() {
      Map<String, Long> months = new TreeMap<>();
      for (int code = 1; code < byMonth.length; code++) {
        if (byMonth[code] > 0) {
          months.put(records.months.value(code), byMonth[code]);
        }
      }
      return months;
    }

    Map<String, Long> visaCategories() {
      return largestFirst(byVisaCategory, records.visaCategories::value, Integer.MAX_VALUE);
    }

    Map<String, Long> travelModes() {
      return largestFirst(byTravelMode, records.travelModes::value, Integer.MAX_VALUE);
    }

    Map<String, Long> ports(int top) {
      return largestFirst(byPort, records.ports::value, top);
    }

    Map<String, Long> states(int top) {
      return largestFirst(byState, records.states::value, top);
    }

    /** Residence country code (null for unknown) to arrivals, biggest first. */
    Map<Integer, Long> residenceCountries(int top) {
      Map<Integer, Long> largest = new LinkedHashMap<>();
      byResidence.entrySet().stream()
          .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(top)
          .forEach(entry -> largest.put(entry.getKey() == ArrivalRecords.NONE ? null : entry.getKey(), entry.getValue()));
      return largest;
    }

    // null (code 0) is reported as "unknown"
    private Map<String, Long> largestFirst(long[] counts, IntFunction<String> value, int top) {
      Map<String, Long> largest = new LinkedHashMap<>();
      java.util.stream.IntStream.range(0, counts.length).filter(code -> counts[code] > 0).boxed()
          .sorted(Comparator.<Integer>comparingLong(code -> -counts[code]).thenComparing(code -> String.valueOf(value.apply(code))))
          .limit(top)
          .forEach(code -> largest.put(code == 0 ? "unknown" : value.apply(code), counts[code]));
      return largest;
    }
  }
}
