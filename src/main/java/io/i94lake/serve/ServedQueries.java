package io.i94lake.serve;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One DuckDB connection of a served database with its prepared statements, used by one request at a time. Every
 * value a request gives is bound as a parameter; the SQL text is always one of the answers' constants.
 */
final class ServedQueries implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  ServedQueries(Connection connection) {
    this.connection = connection;
  }

  /** The rows of a query, each as column name to value in the query's column order. */
  List<Map<String, Object>> rows(String sql, Object... parameters) {
    List<Map<String, Object>> rows = new ArrayList<>();
    forEachRow(sql, List.of(parameters), rows::add);
    return rows;
  }

  /** The first row of a query, if it has one. */
  Optional<Map<String, Object>> row(String sql, Object... parameters) {
    List<Map<String, Object>> rows = rows(sql, parameters);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The first column of the first row, a whole number (a count). */
  long number(String sql, Object... parameters) {
    return row(sql, parameters).map(row -> ((Number) row.values().iterator().next()).longValue()).orElse(0L);
  }

  boolean exists(String sql, Object... parameters) {
    return !rows(sql, parameters).isEmpty();
  }

  /** Hands each row of a query on as it is read (a CSV export of every listed record). */
  void forEachRow(String sql, List<Object> parameters, Consumer<Map<String, Object>> action) {
    try {
      PreparedStatement statement = statements.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        statements.put(sql, statement);
      }
      for (int index = 0; index < parameters.size(); index++) {
        Object parameter = parameters.get(index);
        if (parameter instanceof Long[] numbers) {
          statement.setArray(index + 1, connection.createArrayOf("BIGINT", numbers));
        } else if (parameter instanceof Integer[] numbers) {
          statement.setArray(index + 1, connection.createArrayOf("INTEGER", numbers));
        } else if (parameter instanceof String[] texts) {
          statement.setArray(index + 1, connection.createArrayOf("VARCHAR", texts));
        } else {
          statement.setObject(index + 1, parameter);
        }
      }
      try (ResultSet result = statement.executeQuery()) {
        forEachRow(result, action);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot answer from the served lake: " + e.getMessage(), e);
    }
  }

  /** The rows of a result, values as the API writes them (dates as ISO text, lists as lists). */
  static void forEachRow(ResultSet result, Consumer<Map<String, Object>> action) throws SQLException {
    ResultSetMetaData columns = result.getMetaData();
    while (result.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int column = 1; column <= columns.getColumnCount(); column++) {
        row.put(columns.getColumnLabel(column), value(result.getObject(column)));
      }
      action.accept(row);
    }
  }

  static List<Map<String, Object>> rows(ResultSet result) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    forEachRow(result, rows::add);
    return rows;
  }

  // as the answers wrote Spark's values: a date as 2016-04-30, a time as java.sql.Timestamp writes it
  private static Object value(Object value) throws SQLException {
    if (value instanceof LocalDate || value instanceof java.sql.Date) {
      return value.toString();
    }
    if (value instanceof OffsetDateTime time) {
      return Timestamp.from(time.toInstant()).toString();
    }
    if (value instanceof Timestamp time) {
      return time.toString();
    }
    if (value instanceof Array array) {
      return Arrays.asList((Object[]) array.getArray());
    }
    return value;
  }

  @Override
  public void close() {
    try {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close a connection of the served lake: " + e.getMessage(), e);
    }
  }
}
