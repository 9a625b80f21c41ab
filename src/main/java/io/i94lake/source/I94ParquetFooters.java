package io.i94lake.source;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The month of each I-94 Parquet file as its footer tells it, without reading a row: NTTO publishes one file set
 * per month, and a file whose {@code i94yr} and {@code i94mon} hold one whole value each, and whose {@code arrdate}
 * values all lie in that month, has every record in that month (a record's month is its arrival's, else its
 * {@code i94yr} and {@code i94mon}; see {@code I94Arrivals#decode}).
 */
public final class I94ParquetFooters {
  private static final LocalDate SAS_EPOCH = LocalDate.of(1960, 1, 1);

  private I94ParquetFooters() {}

  /** The rows of one file. */
  public record FileRows(String file, long rows) {}

  /**
   * The files of each month, oldest month first; empty when a file's footer does not decide its month (no
   * statistics, nulls in {@code i94yr} or {@code i94mon}, arrivals outside the month), so that the rows must be
   * read to find their months.
   */
  public static Optional<Map<YearMonth, List<FileRows>>> months(List<String> files, Configuration configuration) {
    Map<YearMonth, List<FileRows>> months = new TreeMap<>();
    for (String file : files) {
      Optional<YearMonth> month;
      long rows;
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), configuration))) {
        List<BlockMetaData> rowGroups = reader.getFooter().getBlocks();
        month = monthOf(rowGroups);
        rows = rowGroups.stream().mapToLong(BlockMetaData::getRowCount).sum();
      } catch (IOException | RuntimeException e) {
        // the reader names a broken file when it reads it
        return Optional.empty();
      }
      if (month.isEmpty()) {
        return Optional.empty();
      }
      months.computeIfAbsent(month.get(), ignored -> new ArrayList<>()).add(new FileRows(file, rows));
    }
    return Optional.of(months);
  }

  private static Optional<YearMonth> monthOf(List<BlockMetaData> rowGroups) {
    Range year = Range.EMPTY;
    Range month = Range.EMPTY;
    Range arrival = Range.EMPTY;
    for (BlockMetaData rowGroup : rowGroups) {
      Optional<Range> groupYear = range(rowGroup, "i94yr", false);
      Optional<Range> groupMonth = range(rowGroup, "i94mon", false);
      Optional<Range> groupArrival = range(rowGroup, "arrdate", true);
      if (groupYear.isEmpty() || groupMonth.isEmpty() || groupArrival.isEmpty()) {
        return Optional.empty();
      }
      year = year.plus(groupYear.get());
      month = month.plus(groupMonth.get());
      arrival = arrival.plus(groupArrival.get());
    }
    if (year.isEmpty() || !year.isOneWholeNumber() || !month.isOneWholeNumber() || month.min() < 1 || month.min() > 12) {
      return Optional.empty();
    }
    YearMonth found = YearMonth.of((int) year.min(), (int) month.min());
    if (!arrival.isEmpty() && (arrival.min() < sasDay(found.atDay(1)) || arrival.max() > sasDay(found.atEndOfMonth()))) {
      return Optional.empty();
    }
    return Optional.of(found);
  }

  // the values of a DOUBLE column in one row group; empty when unknown, or when it has nulls and they are not allowed
  private static Optional<Range> range(BlockMetaData rowGroup, String column, boolean nullsAllowed) {
    for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
      if (chunk.getPath().size() == 1 && chunk.getPath().toDotString().toLowerCase(Locale.ROOT).equals(column)) {
        if (!(chunk.getStatistics() instanceof DoubleStatistics statistics) || statistics.isEmpty()
            || (!nullsAllowed && (!statistics.isNumNullsSet() || statistics.getNumNulls() != 0))) {
          return Optional.empty();
        }
        return Optional.of(statistics.hasNonNullValue() ? new Range(statistics.getMin(), statistics.getMax()) : Range.EMPTY);
      }
    }
    return Optional.empty();
  }

  private static long sasDay(LocalDate date) {
    return date.toEpochDay() - SAS_EPOCH.toEpochDay();
  }

  private record Range(double min, double max) {
    static final Range EMPTY = new Range(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    boolean isEmpty() {
      return min > max;
    }

    boolean isOneWholeNumber() {
      return min == max && min == Math.floor(min);
    }

    Range plus(Range other) {
      return new Range(Math.min(min, other.min), Math.max(max, other.max));
    }
  }
}
