package io.i94lake.source;

import static io.i94lake.source.SourceColumns.ERROR;
import static io.i94lake.source.SourceColumns.FILE;
import static io.i94lake.source.SourceColumns.LINE;
import static io.i94lake.source.SourceColumns.RAW;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.i94lake.core.PipelineException;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads I-94 arrival files in any of their three forms into one Dataset of {@link I94Schema#RAW} rows with
 * lineage: Parquet (numbers as DOUBLE), CSV (numbers written {@code 5748517.0}, often with an unnamed index
 * column first) and the original SAS7BDAT. Each file's form is told by its extension, else by its first bytes.
 */
public final class I94Reader {
  public static final String SOURCE = "i94";
  public static final TextLayout CSV_LAYOUT = new TextLayout("I-94", ',', I94Schema.COLUMNS.stream()
      .map(name -> TextColumn.optional(name, name, I94Schema.NUMERIC.contains(name) ? FieldType.NUMBER : FieldType.TEXT))
      .toList());
  public static final StructType SCHEMA = merge(SourceColumns.LINEAGE, I94Schema.RAW);

  /** The forms an I-94 file comes in. */
  public enum Format { PARQUET, CSV, SAS7BDAT }

  private final SparkSession spark;
  private final RawFiles files;
  private final I94Files i94Files;

  public I94Reader(SparkSession spark) {
    this.spark = spark;
    this.files = new RawFiles(spark);
    this.i94Files = new I94Files(files);
  }

  /** Reads the files and folders given (folders recursively). */
  public SourceRead read(List<String> locations) {
    Map<Format, List<String>> byFormat = filesByFormat(locations);
    List<Dataset<Row>> parts = new ArrayList<>();
    byFormat.forEach((format, paths) -> parts.add(switch (format) {
      case PARQUET -> readParquet(paths);
      case CSV -> readCsv(paths);
      case SAS7BDAT -> readSas(paths);
    }));
    Dataset<Row> rows = parts.stream().reduce(Dataset::unionByName).orElseThrow();
    List<String> all = byFormat.values().stream().flatMap(List::stream).toList();
    Column values = to_json(struct(I94Schema.COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)));
    return new SourceRead(SOURCE, all, rows, coalesce(col(RAW), values));
  }

  /**
   * The Parquet files of each month when every file read (see {@link SourceRead#files}) is Parquet and its footer
   * tells its month (see {@link I94ParquetFooters}); empty when the records must be read to find their months.
   */
  public Optional<Map<YearMonth, List<I94ParquetFooters.FileRows>>> monthsFromFooters(List<String> dataFiles) {
    if (dataFiles.isEmpty() || !dataFiles.stream().allMatch(file -> i94Files.formatOf(file) == Format.PARQUET)) {
      return Optional.empty();
    }
    return I94ParquetFooters.months(dataFiles, files.hadoopConfiguration());
  }

  /** The I-94 files below the locations, grouped by form; fails when a location is missing or holds none. */
  public Map<Format, List<String>> filesByFormat(List<String> locations) {
    return i94Files.byFormat(locations);
  }

  private Dataset<Row> readParquet(List<String> paths) {
    Dataset<Row> parquet = spark.read().parquet(paths.toArray(String[]::new));
    List<String> present = Arrays.stream(parquet.columns()).map(name -> name.toLowerCase(Locale.ROOT)).toList();
    requireColumns(paths.get(0), "Parquet", present);
    List<Column> columns = new ArrayList<>(List.of(
        col("_metadata.file_path").as(FILE),
        col("_metadata.row_index").plus(1).as(LINE),
        lit(null).cast(DataTypes.StringType).as(RAW),
        lit(null).cast(DataTypes.StringType).as(ERROR)));
    for (var field : I94Schema.RAW.fields()) {
      columns.add(col(field.name()).cast(field.dataType()).as(field.name()));
    }
    return parquet.select(columns.toArray(Column[]::new));
  }

  private Dataset<Row> readCsv(List<String> paths) {
    return new DelimitedTextReader(spark).read(paths, CSV_LAYOUT);
  }

  private Dataset<Row> readSas(List<String> paths) {
    for (String path : paths) {
      requireColumns(path, "SAS7BDAT", sasColumns(i94Files, path));
    }
    return sasRows(spark, paths, files.hadoopConfiguration(), I94Schema.COLUMNS, I94Schema.NUMERIC);
  }

  /** The rows of SAS7BDAT files as {@link Sas7bdatRows} makes them, one file per Spark task. */
  static Dataset<Row> sasRows(SparkSession spark, List<String> paths, Configuration hadoop, List<String> columns,
                              Set<String> numeric) {
    var configuration = new SerializableConfiguration(hadoop);
    var rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(paths, paths.size())
        .flatMap(path -> new Sas7bdatRows(path, configuration.value(), columns, numeric))
        .map(values -> RowFactory.create(values));
    return spark.createDataFrame(rows, Sas7bdatRows.schema(columns, numeric));
  }

  /** The columns of a SAS7BDAT file; fails naming the file when it cannot be read. */
  static List<String> sasColumns(I94Files i94Files, String path) {
    try {
      return i94Files.columns(path);
    } catch (IOException | RuntimeException e) {
      throw PipelineException.sourceMalformed("Cannot read I-94 file %s: not a readable SAS7BDAT file (%s)", path, e.getMessage());
    }
  }

  /** Fails naming the file and the columns it lacks. */
  static void requireColumns(String file, String form, List<String> present) {
    List<String> missing = I94Schema.COLUMNS.stream().filter(column -> !present.contains(column)).toList();
    if (!missing.isEmpty()) {
      throw PipelineException.sourceMalformed("Cannot read I-94 %s file %s: it lacks the columns %s; expected the 28 I-94 columns %s",
          form, file, missing, I94Schema.COLUMNS);
    }
  }

  private static StructType merge(StructType first, StructType second) {
    StructType merged = first;
    for (var field : second.fields()) {
      merged = merged.add(field);
    }
    return merged;
  }
}
