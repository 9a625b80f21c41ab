package io.i94lake.source;

import io.i94lake.core.PipelineException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads delimited text files into typed rows that keep their file, line number and raw text. The header is checked
 * on the driver first, so a missing, empty or wrongly delimited file fails before any work; a line that cannot be
 * split or whose fields do not parse keeps its reason in {@link SourceColumns#ERROR}.
 */
public final class DelimitedTextReader {
  private final SparkSession spark;
  private final RawFiles files;

  public DelimitedTextReader(SparkSession spark) {
    this.spark = spark;
    this.files = new RawFiles(spark);
  }

  /** The schema of what {@link #read} returns: lineage columns, then the layout's columns. */
  public static StructType schema(TextLayout layout) {
    List<StructField> fields = new ArrayList<>(List.of(SourceColumns.LINEAGE.fields()));
    for (TextColumn column : layout.columns()) {
      fields.add(DataTypes.createStructField(column.name(), column.type().sparkType(), true));
    }
    return DataTypes.createStructType(fields);
  }

  public Dataset<Row> read(List<String> locations, TextLayout layout) {
    if (locations.isEmpty()) {
      throw PipelineException.sourceMissing("Cannot read %s: no file given", layout.description());
    }
    JavaRDD<Row> rows = null;
    for (String location : locations) {
      JavaRDD<Row> fileRows = lines(location, layout);
      rows = rows == null ? fileRows : rows.union(fileRows);
    }
    return spark.createDataFrame(rows, schema(layout));
  }

  private JavaRDD<Row> lines(String location, TextLayout layout) {
    LineParser parser = parserFor(location, layout);
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .textFile(location)
        .zipWithIndex()
        .filter(numbered -> numbered._2() > 0 && !numbered._1().isBlank())
        .map(numbered -> parser.toRow(numbered._1(), numbered._2() + 1));
  }

  // checks the header and finds where each column's field stands in it
  private LineParser parserFor(String location, TextLayout layout) {
    if (!files.exists(location)) {
      throw PipelineException.sourceMissing("Cannot read %s file %s: the file does not exist", layout.description(), location);
    }
    String header = files.firstLine(location);
    if (header == null || header.isBlank()) {
      throw PipelineException.sourceMalformed("Cannot read %s file %s: the file is empty, expected a header line: %s",
          layout.description(), location, layout.expectedHeader());
    }
    List<String> names = new ArrayList<>();
    try {
      DelimitedLine.split(header, layout.delimiter()).forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw PipelineException.sourceMalformed("Cannot read %s file %s: header line 1 cannot be split: %s",
          layout.description(), location, e.getMessage());
    }
    for (String field : layout.fields()) {
      if (!names.contains(field.toLowerCase(Locale.ROOT))) {
        throw PipelineException.sourceMalformed(
            "Cannot read %s file %s: the header has no field '%s'; expected fields separated by %s (%s), found %d field%s: %s",
            layout.description(), location, field, layout.delimiterName(), layout.expectedHeader(), names.size(),
            names.size() == 1 ? "" : "s", abbreviate(header));
      }
    }
    int[] positions = layout.columns().stream()
        .mapToInt(column -> names.indexOf(column.field().toLowerCase(Locale.ROOT))).toArray();
    return new LineParser(location, layout.delimiter(), layout.columns(), positions, names.size());
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  /** Turns one numbered line into a row: lineage, then the typed columns. Runs on executors. */
  private record LineParser(String file, char delimiter, List<TextColumn> columns, int[] positions, int width)
      implements Serializable {
    private static final int LINEAGE_WIDTH = SourceColumns.LINEAGE.fields().length;

    Row toRow(String line, long lineNumber) {
      Object[] values = new Object[LINEAGE_WIDTH + columns.size()];
      values[0] = file;
      values[1] = lineNumber;
      values[2] = line;
      List<String> fields;
      try {
        fields = DelimitedLine.split(line, delimiter);
      } catch (IllegalArgumentException e) {
        values[3] = "cannot be split: " + e.getMessage();
        return RowFactory.create(values);
      }
      if (fields.size() != width) {
        values[3] = "has " + fields.size() + " fields, expected " + width;
        return RowFactory.create(values);
      }
      StringBuilder errors = new StringBuilder();
      String lastFailedField = null;
      for (int index = 0; index < columns.size(); index++) {
        TextColumn column = columns.get(index);
        String text = fields.get(positions[index]).strip();
        Object value = text.isEmpty() ? null : column.type().parse(text);
        values[LINEAGE_WIDTH + index] = value;
        String error = null;
        if (value == null && !text.isEmpty()) {
          error = column.field() + " '" + abbreviate(text) + "' is not " + column.type().expectation();
        } else if (value == null && column.required()) {
          error = column.field() + " is empty";
        }
        if (error != null && !column.field().equals(lastFailedField)) {
          errors.append(errors.isEmpty() ? "" : "; ").append(error);
          lastFailedField = column.field();
        }
      }
      values[3] = errors.isEmpty() ? null : errors.toString();
      return RowFactory.create(values);
    }
  }
}
