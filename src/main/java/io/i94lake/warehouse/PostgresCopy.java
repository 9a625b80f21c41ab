package io.i94lake.warehouse;

import io.i94lake.core.LakeTable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams Spark rows into a PostgreSQL table with {@code COPY … FROM STDIN (FORMAT csv)}: one round trip per 256 KiB
 * rather than one per row. In CSV, an unquoted empty field is NULL and a quoted one ({@code ""}) an empty string.
 */
final class PostgresCopy {
  private static final int BUFFER_BYTES = 256 * 1024;

  private PostgresCopy() {}

  /** {@code CREATE TABLE schema.name (…)} with the PostgreSQL type of each Spark column. */
  static String createTable(String schema, String table, StructType columns) {
    return "CREATE TABLE " + schema + "." + table + " (" + Arrays.stream(columns.fields())
        .map(field -> quote(field.name()) + " " + type(field.dataType()) + (field.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", ")) + ")";
  }

  /** The table's grain and each column's meaning from the catalog, as PostgreSQL comments (BI tools show them). */
  static List<String> comments(String schema, LakeTable table) {
    String qualified = schema + "." + table.name();
    List<String> comments = new ArrayList<>();
    comments.add("COMMENT ON TABLE " + qualified + " IS " + literal(table.grain()));
    table.columns().forEach(column -> comments.add("COMMENT ON COLUMN " + qualified + "." + quote(column.name()) + " IS "
        + literal(column.meaning())));
    return comments;
  }

  static String type(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "text";
    } else if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType)) {
      return "integer";
    } else if (type.equals(DataTypes.LongType)) {
      return "bigint";
    } else if (type.equals(DataTypes.DoubleType)) {
      return "double precision";
    } else if (type.equals(DataTypes.FloatType)) {
      return "real";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "boolean";
    } else if (type.equals(DataTypes.DateType)) {
      return "date";
    } else if (type.equals(DataTypes.TimestampType)) {
      return "timestamptz";
    } else if (type instanceof DecimalType decimal) {
      return "numeric(" + decimal.precision() + "," + decimal.scale() + ")";
    } else if (type instanceof ArrayType array && !(array.elementType() instanceof ArrayType)) {
      return type(array.elementType()) + "[]";
    }
    throw new IllegalArgumentException("Cannot copy a column of type " + type.simpleString() + " to PostgreSQL");
  }

  /** Copies rows into {@code schema.table} over one connection; returns how many. */
  static long copy(Connection connection, String schema, String table, StructType columns, Iterator<Row> rows) throws SQLException {
    String names = Arrays.stream(columns.fieldNames()).map(PostgresCopy::quote).collect(Collectors.joining(", "));
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY " + schema + "." + table + " (" + names + ") FROM STDIN (FORMAT csv)");
    long count = 0;
    try {
      StringBuilder buffer = new StringBuilder(BUFFER_BYTES + 4096);
      while (rows.hasNext()) {
        appendLine(buffer, rows.next(), columns.fields());
        count++;
        if (buffer.length() >= BUFFER_BYTES) {
          write(copy, buffer);
        }
      }
      write(copy, buffer);
      copy.endCopy();
      return count;
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  static void appendLine(StringBuilder line, Row row, StructField[] fields) {
    for (int column = 0; column < fields.length; column++) {
      if (column > 0) {
        line.append(',');
      }
      if (!row.isNullAt(column)) {
        Object value = row.get(column);
        if (fields[column].dataType() instanceof ArrayType) {
          line.append(csv(arrayLiteral(row.getList(column))));
        } else if (value instanceof String text) {
          line.append(csv(text));
        } else {
          line.append(value);
        }
      }
    }
    line.append('\n');
  }

  // {"airports","ports"}: every element quoted, so commas, braces and the word NULL stay text
  private static String arrayLiteral(List<Object> elements) {
    return elements.stream()
        .map(element -> element == null ? "NULL" : "\"" + element.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String csv(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

}
