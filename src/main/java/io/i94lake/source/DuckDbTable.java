package io.i94lake.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A DuckDB table made from one of the readers' Spark schemas (the schemas are the one description of a source's
 * columns) and filled row by row through DuckDB's appender, with the values the shared parsing rules produce.
 */
public final class DuckDbTable {
  private final String name;
  private final DuckDBAppender appender;

  private DuckDbTable(String name, DuckDBAppender appender) {
    this.name = name;
    this.appender = appender;
  }

  /**
   * Creates the table, replacing one of the same name, and fills it with the rows {@code fill} appends, in one
   * transaction (unless the caller runs one already): outside a transaction DuckDB commits every flush of the
   * appender (2,048 rows) on its own, and a million I-94 CSV lines took 22 s to load instead of 6 s. When
   * {@code fill} fails, the table is not made (and one it replaces stays).
   */
  public static void load(Connection connection, String name, StructType schema, Consumer<DuckDbTable> fill) {
    String columns = Arrays.stream(schema.fields())
        .map(field -> quote(field.name()) + " " + typeOf(field.dataType()) + (field.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", "));
    try {
      boolean ownTransaction = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE OR REPLACE TABLE " + quote(name) + " (" + columns + ")");
        }
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(name)) {
          fill.accept(new DuckDbTable(name, appender));
        }
        if (ownTransaction) {
          connection.commit();
        }
      } catch (SQLException | RuntimeException e) {
        if (ownTransaction) {
          connection.rollback();
        }
        throw e;
      } finally {
        if (ownTransaction) {
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot load DuckDB table " + name + ": " + e.getMessage(), e);
    }
  }

  /** The DuckDB type of a Spark type the readers use. */
  public static String typeOf(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "VARCHAR";
    } else if (type.equals(DataTypes.LongType)) {
      return "BIGINT";
    } else if (type.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    } else if (type.equals(DataTypes.DoubleType)) {
      return "DOUBLE";
    } else if (type.equals(DataTypes.DateType)) {
      return "DATE";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    }
    throw new IllegalArgumentException("No DuckDB type for Spark type " + type.simpleString());
  }

  /** An identifier in double quotes. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Appends one row: String, Long, Integer, Double, LocalDate or null values, in the schema's order. */
  public void append(Object[] values) {
    try {
      appender.beginRow();
      for (Object value : values) {
        if (value == null) {
          appender.appendNull();
        } else if (value instanceof String text) {
          appender.append(text);
        } else if (value instanceof Long number) {
          appender.append(number.longValue());
        } else if (value instanceof Integer number) {
          appender.append(number.intValue());
        } else if (value instanceof Double number) {
          appender.append(number.doubleValue());
        } else if (value instanceof LocalDate date) {
          appender.append(date);
        } else if (value instanceof Boolean flag) {
          appender.append(flag.booleanValue());
        } else {
          throw new IllegalArgumentException("Cannot append a " + value.getClass().getSimpleName() + " to DuckDB table " + name);
        }
      }
      appender.endRow();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot append to DuckDB table " + name + ": " + e.getMessage(), e);
    }
  }
}
