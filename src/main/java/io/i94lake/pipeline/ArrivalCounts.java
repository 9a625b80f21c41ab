package io.i94lake.pipeline;

import io.i94lake.source.SourceCount;
import io.i94lake.source.SourceRead;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows, rejected rows and first rejected row of each I-94 file in each month, counted for every month in one
 * pass over the input on first use: the months found, and each month's count, come from that one pass.
 */
final class ArrivalCounts {
  private final SourceRead decoded;
  private Map<List<Object>, SourceCount> byMonth;

  /** @param decoded every arrival record, with its year and month (see {@code I94Arrivals#decode}) */
  ArrivalCounts(SourceRead decoded) {
    this.decoded = decoded;
  }

  /** The months the records belong to, oldest first. */
  synchronized List<YearMonth> months() {
    return counts().keySet().stream()
        .filter(key -> key.get(0) != null && key.get(1) != null)
        .map(key -> YearMonth.of((Integer) key.get(0), (Integer) key.get(1)))
        .sorted()
        .toList();
  }

  /** The count of one month; of the records of unknown month when {@code month} is null. */
  synchronized SourceCount of(YearMonth month) {
    SourceCount none = new SourceCount(decoded.source(), List.of());
    if (month != null) {
      return counts().getOrDefault(Arrays.asList(month.getYear(), month.getMonthValue()), none);
    }
    return counts().entrySet().stream()
        .filter(entry -> entry.getKey().contains(null))
        .map(Map.Entry::getValue)
        .reduce(none, SourceCount::plus);
  }

  private Map<List<Object>, SourceCount> counts() {
    if (byMonth == null) {
      byMonth = decoded.countBy(List.of("year", "month"));
    }
    return byMonth;
  }
}
