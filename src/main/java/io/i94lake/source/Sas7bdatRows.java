package io.i94lake.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of one SAS7BDAT file as the values of lineage columns and then the wanted columns (found by name, in any
 * case), read lazily (on a Spark executor, or streamed into DuckDB). A value of the wrong kind (text in a numeric
 * column) leaves the value null and names it in {@code _error}.
 */
final class Sas7bdatRows implements Iterator<Object[]> {
  private static final int LINEAGE_WIDTH = SourceColumns.LINEAGE.fields().length;

  private final String path;
  private final Sas7bdatFile file;
  private final List<String> columns;
  private final Set<String> numeric;
  private final int[] sourceIndex;
  private long rowNumber;

  /**
   * @param columns the wanted columns, lower case
   * @param numeric those of them that hold numbers (DOUBLE); the others hold text
   */
  Sas7bdatRows(String path, Configuration configuration, List<String> columns, Set<String> numeric) throws IOException {
    this.path = path;
    this.columns = columns;
    this.numeric = numeric;
    Path hadoopPath = new Path(path);
    this.file = new Sas7bdatFile(hadoopPath.getFileSystem(configuration).open(hadoopPath));
    List<String> names = file.columnNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    this.sourceIndex = columns.stream().mapToInt(names::indexOf).toArray();
  }

  /** The schema of the rows: lineage, then the wanted columns, DOUBLE or STRING. */
  static StructType schema(List<String> columns, Set<String> numeric) {
    StructType schema = SourceColumns.LINEAGE;
    for (String column : columns) {
      schema = schema.add(column, numeric.contains(column) ? DataTypes.DoubleType : DataTypes.StringType, true);
    }
    return schema;
  }

  @Override
  public boolean hasNext() {
    boolean more = file.hasNext();
    if (!more) {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot close " + path, e);
      }
    }
    return more;
  }

  @Override
  public Object[] next() {
    Object[] sas = file.next();
    rowNumber++;
    Object[] values = new Object[LINEAGE_WIDTH + sourceIndex.length];
    values[0] = path;
    values[1] = rowNumber;
    StringBuilder errors = new StringBuilder();
    for (int index = 0; index < sourceIndex.length; index++) {
      String column = columns.get(index);
      Object value = sourceIndex[index] < 0 ? null : sas[sourceIndex[index]];
      values[LINEAGE_WIDTH + index] = numeric.contains(column) ? number(column, value, errors) : text(value);
    }
    values[3] = errors.isEmpty() ? null : errors.toString();
    return values;
  }

  private static Double number(String column, Object value, StringBuilder errors) {
    if (value == null || value instanceof Number) {
      return value == null ? null : ((Number) value).doubleValue();
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      errors.append(errors.isEmpty() ? "" : "; ").append(column).append(" '").append(text).append("' is not a number");
      return null;
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
      return Long.toString(number.longValue());
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }
}
