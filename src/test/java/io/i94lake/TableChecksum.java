package io.i94lake;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;

/**
 * Row count and an order-independent checksum of a table (the sum of each row's hash), computed the same way from
 * a Spark Dataset and from a PostgreSQL table: values are compared as Java values, not as either side's text.
 */
public record TableChecksum(long rows, long checksum) {
  public static TableChecksum of(Dataset<Row> table) {
    String[] columns = table.columns();
    boolean[] arrays = new boolean[columns.length];
    for (int column = 0; column < columns.length; column++) {
      arrays[column] = table.schema().fields()[column].dataType() instanceof ArrayType;
    }
    long rows = 0;
    long sum = 0;
    for (Row row : table.collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int column = 0; column < columns.length; column++) {
        values.add(row.isNullAt(column) ? null : arrays[column] ? row.getList(column) : row.get(column));
      }
      sum += hash(values);
      rows++;
    }
    return new TableChecksum(rows, sum);
  }

  /** The same columns, in the same order, of a PostgreSQL table. */
  public static TableChecksum of(Connection connection, String table, String[] columns) throws SQLException {
    String select = Arrays.stream(columns).map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
    long rows = 0;
    long sum = 0;
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT " + select + " FROM " + table)) {
      while (result.next()) {
        List<Object> values = new ArrayList<>();
        for (int column = 1; column <= columns.length; column++) {
          Object value = result.getObject(column);
          values.add(value instanceof java.sql.Array array ? Arrays.asList((Object[]) array.getArray()) : value);
        }
        sum += hash(values);
        rows++;
      }
    }
    return new TableChecksum(rows, sum);
  }

  private static long hash(List<Object> values) {
    String text = values.stream().map(TableChecksum::canonical).collect(Collectors.joining("\u0001"));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(Object value) {
    if (value == null) {
      return "\u0000";
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return Long.toString(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      return Double.toString(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    } else if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    } else if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().toString();
    } else if (value instanceof OffsetDateTime time) {
      return time.toInstant().toString();
    } else if (value instanceof Instant instant) {
      return instant.toString();
    } else if (value instanceof List<?> list) {
      return list.stream().map(TableChecksum::canonical).collect(Collectors.joining(",", "[", "]"));
    }
    return value.toString();
  }
}
