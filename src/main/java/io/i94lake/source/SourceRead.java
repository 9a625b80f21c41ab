package io.i94lake.source;

import static io.i94lake.source.SourceColumns.ERROR;
import static io.i94lake.source.SourceColumns.FILE;
import static io.i94lake.source.SourceColumns.LINE;
import static io.i94lake.source.SourceColumns.RAW;
import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The rows read from one source, typed, each either usable or carrying in {@code _error} the reason it is not.
 *
 * @param source the source's name in counts and rejects ("airports", "i94", …)
 * @param raw how to show a row's original content in the rejects table
 */
public record SourceRead(String source, List<String> files, Dataset<Row> rows, Column raw) {
  public SourceRead {
    requireNonNull(source, "source is null");
    files = List.copyOf(files);
    requireNonNull(rows, "rows is null");
    requireNonNull(raw, "raw is null");
  }

  /** A text source, whose raw lines are kept. */
  public static SourceRead ofText(String source, List<String> files, Dataset<Row> rows) {
    return new SourceRead(source, files, rows, col(RAW));
  }

  /** The usable rows, with their file and line but without the raw text. */
  public Dataset<Row> accepted() {
    Dataset<Row> usable = rows.filter(col(ERROR).isNull()).drop(ERROR);
    return List.of(usable.columns()).contains(RAW) ? usable.drop(RAW) : usable;
  }

  /**
   * The unusable rows as rejects: source, location (file:line), reason, raw content, and the year and month
   * they belong to where the rows have them (I-94 arrivals), else null.
   */
  public Dataset<Row> rejects() {
    List<String> columns = List.of(rows.columns());
    Column year = columns.contains("year") ? col("year") : lit(null).cast(DataTypes.IntegerType);
    Column month = columns.contains("month") ? col("month") : lit(null).cast(DataTypes.IntegerType);
    return rows.filter(col(ERROR).isNotNull()).select(
        lit(source).as("source"),
        concat(regexp_replace(col(FILE), SourceColumns.FILE_SCHEME_PATTERN, ""), lit(":"), col(LINE).cast("string")).as("location"),
        col(ERROR).as("reason"),
        raw.as("raw"),
        year.as("year"),
        month.as("month"));
  }

  /** The same source with other rows of it (one month of arrivals, say). */
  public SourceRead withRows(Dataset<Row> other) {
    return new SourceRead(source, files, other, raw);
  }

  /** Keeps the typed rows in memory (spilling to disk) because counting, transforming and rejecting all read them. */
  public SourceRead cached() {
    return new SourceRead(source, files, rows.persist(StorageLevel.MEMORY_AND_DISK()), raw);
  }

  public void release() {
    rows.unpersist(false);
  }

  /**
   * Counts rows and rejected rows per file, with the first rejected row of each: one Spark job, plus one to fetch
   * the reasons of the first rejected rows when there are any.
   */
  public SourceCount count() {
    return countBy(List.of()).getOrDefault(List.of(), new SourceCount(source, List.of()));
  }

  /**
   * Counts as {@link #count()}, apart for each value of the columns given (each month of arrivals, say), in the same
   * Spark jobs: the map's keys are those values, in the order of the columns (nulls included).
   */
  public Map<List<Object>, SourceCount> countBy(List<String> columns) {
    Column rejected = col(ERROR).isNotNull();
    List<Column> groups = new ArrayList<>(List.of(col(FILE)));
    columns.forEach(column -> groups.add(col(column)));
    List<Column> counted = new ArrayList<>(List.of(col(FILE), col("rows"), col("rejected"), col("first_rejected_line")));
    columns.forEach(column -> counted.add(col(column)));
    // fixed-width aggregates only, so that Spark can aggregate in a hash map without sorting millions of rows
    List<Row> perFile = rows.groupBy(groups.toArray(Column[]::new)).agg(
            org.apache.spark.sql.functions.count(lit(1)).as("rows"),
            sum(when(rejected, 1).otherwise(0)).as("rejected"),
            min(when(rejected, col(LINE))).as("first_rejected_line"))
        .select(counted.toArray(Column[]::new))
        .collectAsList();
    Map<String, String> firstReasons = firstReasons(perFile);
    Map<List<Object>, List<SourceCount.FileCount>> files = new HashMap<>();
    for (Row row : perFile) {
      List<Object> key = new ArrayList<>();
      for (int index = 4; index < row.size(); index++) {
        key.add(row.get(index));
      }
      files.computeIfAbsent(key, ignored -> new ArrayList<>()).add(new SourceCount.FileCount(withoutScheme(row.getString(0)),
          row.getLong(1), row.getLong(2), row.isNullAt(3) ? null : row.getLong(3) + ": " + firstReasons.get(row.getString(0) + ":" + row.getLong(3))));
    }
    Map<List<Object>, SourceCount> counts = new HashMap<>();
    files.forEach((key, fileCounts) -> {
      fileCounts.sort(java.util.Comparator.comparing(SourceCount.FileCount::file));
      counts.put(key, new SourceCount(source, fileCounts));
    });
    return counts;
  }

  // the reason of each first rejected row, by "file:line"
  private Map<String, String> firstReasons(List<Row> perFile) {
    Column wanted = lit(false);
    for (Row file : perFile) {
      if (!file.isNullAt(3)) {
        wanted = wanted.or(col(FILE).equalTo(file.getString(0)).and(col(LINE).equalTo(file.getLong(3))));
      }
    }
    Map<String, String> reasons = new HashMap<>();
    if (perFile.stream().anyMatch(file -> !file.isNullAt(3))) {
      rows.filter(wanted).select(FILE, LINE, ERROR).collectAsList()
          .forEach(row -> reasons.put(row.getString(0) + ":" + row.getLong(1), row.getString(2)));
    }
    return reasons;
  }

  /** The path of a file named in {@link SourceColumns#FILE}, for counts: Parquet lineage is a URI. */
  static String withoutScheme(String file) {
    return file.startsWith("file:") ? java.net.URI.create(file).getPath() : file;
  }

}
