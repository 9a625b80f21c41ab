package io.i94lake.pipeline;

import io.i94lake.engine.RunEngine.Source;
import io.i94lake.source.I94ParquetFooters.FileRows;
import io.i94lake.source.SourceCount;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows, rejected rows and first rejected row of each I-94 file in each month. When the Parquet footers tell
 * each file's month (see {@code I94ParquetFooters}), nothing is read to count: a month has the rows of its files,
 * and those not written to {@code immigration} were rejected (only then is the month read again, to find which
 * rows and why). Otherwise every month is counted in one pass over the input, on first use.
 */
final class ArrivalCounts {
  private final Source decoded;
  private final Map<YearMonth, List<FileRows>> footers;
  private Map<List<Object>, SourceCount> counted;

  /**
   * @param decoded every arrival record, with its year and month (see {@code I94Arrivals#decode})
   * @param footers the files of each month as their footers tell, when they do
   */
  ArrivalCounts(Source decoded, Optional<Map<YearMonth, List<FileRows>>> footers) {
    this.decoded = decoded;
    this.footers = footers.orElse(null);
  }

  /** The months the records belong to, oldest first. */
  synchronized List<YearMonth> months() {
    if (footers != null) {
      return List.copyOf(footers.keySet());
    }
    return counts().keySet().stream()
        .filter(key -> key.get(0) != null && key.get(1) != null)
        .map(key -> YearMonth.of((Integer) key.get(0), (Integer) key.get(1)))
        .sorted()
        .toList();
  }

  /**
   * The files holding records of a month, as the footers or the count tell; empty for the records of unknown month,
   * which any file may hold.
   */
  synchronized List<String> files(YearMonth month) {
    if (month == null) {
      return List.of();
    }
    SourceCount count = footers != null ? fromFooters(month) : counted(month);
    return count.files().stream().map(SourceCount.FileCount::file).toList();
  }

  /** The most records of a month (of unknown month when null) that can be written: none means nothing to write. */
  synchronized long acceptedAtMost(YearMonth month) {
    return footers != null ? fromFooters(month).rowsIn() : counted(month).accepted();
  }

  /**
   * The count of one month (of the records of unknown month when {@code month} is null), once {@code accepted} of
   * its records are written.
   *
   * @param monthRows the month's records, read again to count its rejected rows when the footers told its rows
   */
  synchronized SourceCount of(YearMonth month, long accepted, Source monthRows) {
    if (footers == null) {
      return counted(month);
    }
    SourceCount expected = fromFooters(month);
    return expected.rowsIn() == accepted ? expected : monthRows.count();
  }

  /** The count of one month when no {@code immigration} was written to tell it: read from its records, if any. */
  synchronized SourceCount of(YearMonth month, Source monthRows) {
    if (footers == null) {
      return counted(month);
    }
    SourceCount expected = fromFooters(month);
    return expected.rowsIn() == 0 ? expected : monthRows.count();
  }

  // all records of a file told by its footer belong to its month: none is of unknown month
  private SourceCount fromFooters(YearMonth month) {
    List<FileRows> files = month == null ? List.of() : footers.getOrDefault(month, List.of());
    return new SourceCount(decoded.name(), files.stream()
        .map(file -> new SourceCount.FileCount(file.file(), file.rows(), 0, null))
        .toList());
  }

  private SourceCount counted(YearMonth month) {
    SourceCount none = new SourceCount(decoded.name(), List.of());
    if (month != null) {
      return counts().getOrDefault(Arrays.asList(month.getYear(), month.getMonthValue()), none);
    }
    return counts().entrySet().stream()
        .filter(entry -> entry.getKey().contains(null))
        .map(Map.Entry::getValue)
        .reduce(none, SourceCount::plus);
  }

  private Map<List<Object>, SourceCount> counts() {
    if (counted == null) {
      counted = decoded.countBy(List.of("year", "month"));
    }
    return counted;
  }
}
