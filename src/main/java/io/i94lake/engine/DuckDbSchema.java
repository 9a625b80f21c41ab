package io.i94lake.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * An Iceberg schema in DuckDB's terms: the DuckDB type each column is cast to before it is written, and the
 * {@code FIELD_IDS} option of {@code COPY … (FORMAT parquet)} that puts the schema's field ids in the Parquet file
 * (Iceberg and Spark find columns by id, not by name).
 */
final class DuckDbSchema {
  private DuckDbSchema() {}

  /**
   * The DuckDB type that Parquet writes as the Iceberg type: {@code TIMESTAMP} is Iceberg's {@code timestamp}
   * (micros, not adjusted to UTC), {@code TIMESTAMPTZ} its {@code timestamptz}.
   */
  static String type(Type type, String column) {
    return switch (type.typeId()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + ", " + ((Types.DecimalType) type).scale() + ")";
      case STRING -> "VARCHAR";
      case BINARY -> "BLOB";
      case LIST -> type(type.asListType().elementType(), column + ".element") + "[]";
      case MAP -> "MAP(" + type(type.asMapType().keyType(), column + ".key") + ", "
          + type(type.asMapType().valueType(), column + ".value") + ")";
      case STRUCT -> "STRUCT(" + type.asStructType().fields().stream()
          .map(field -> quoted(field.name()) + " " + type(field.type(), column + "." + field.name()))
          .collect(Collectors.joining(", ")) + ")";
      default -> throw new IllegalArgumentException("Cannot write column " + column + " with DuckDB: its Iceberg type " + type
          + " has no DuckDB type that Parquet writes as Iceberg expects");
    };
  }

  /** The {@code FIELD_IDS} value: {@code {'id': 1, 'named_by': {'__duckdb_field_id': 7, 'element': 8}}}. */
  static String fieldIds(Schema schema) {
    return "{" + schema.columns().stream().map(column -> text(column.name()) + ": " + fieldId(column))
        .collect(Collectors.joining(", ")) + "}";
  }

  // a primitive column's id, or a nested column's id with those of its parts
  private static String fieldId(Types.NestedField field) {
    Type type = field.type();
    if (type.isPrimitiveType()) {
      return String.valueOf(field.fieldId());
    }
    List<String> parts = new ArrayList<>();
    parts.add("'__duckdb_field_id': " + field.fieldId());
    if (type.isListType()) {
      parts.add("'element': " + fieldId(type.asListType().fields().get(0)));
    } else if (type.isMapType()) {
      parts.add("'key': " + fieldId(type.asMapType().fields().get(0)));
      parts.add("'value': " + fieldId(type.asMapType().fields().get(1)));
    } else {
      type.asStructType().fields().forEach(part -> parts.add(text(part.name()) + ": " + fieldId(part)));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  /**
   * The Iceberg schema of a DuckDB relation's columns, for a table made from it (every column optional; the ids are
   * assigned afresh when the table is made).
   */
  static Schema iceberg(Connection connection, String relation) {
    List<Types.NestedField> columns = new ArrayList<>();
    AtomicInteger ids = new AtomicInteger();
    try (Statement statement = connection.createStatement();
         ResultSet described = statement.executeQuery("SELECT column_name, column_type FROM (DESCRIBE " + quoted(relation) + ")")) {
      while (described.next()) {
        columns.add(Types.NestedField.optional(ids.incrementAndGet(), described.getString(1),
            icebergType(described.getString(2), described.getString(1), ids)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot describe " + relation + " in DuckDB: " + e.getMessage(), e);
    }
    return new Schema(columns);
  }

  private static Type icebergType(String duckDbType, String column, AtomicInteger ids) {
    if (duckDbType.endsWith("[]")) {
      return Types.ListType.ofOptional(ids.incrementAndGet(), icebergType(duckDbType.substring(0, duckDbType.length() - 2), column, ids));
    }
    if (duckDbType.startsWith("DECIMAL(")) {
      String[] scale = duckDbType.substring("DECIMAL(".length(), duckDbType.length() - 1).split(",");
      return Types.DecimalType.of(Integer.parseInt(scale[0].strip()), Integer.parseInt(scale[1].strip()));
    }
    return switch (duckDbType) {
      case "BOOLEAN" -> Types.BooleanType.get();
      case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> Types.IntegerType.get();
      case "BIGINT", "HUGEINT", "UINTEGER", "UBIGINT" -> Types.LongType.get();
      case "FLOAT" -> Types.FloatType.get();
      case "DOUBLE" -> Types.DoubleType.get();
      case "DATE" -> Types.DateType.get();
      case "TIMESTAMP" -> Types.TimestampType.withoutZone();
      case "TIMESTAMP WITH TIME ZONE" -> Types.TimestampType.withZone();
      case "VARCHAR" -> Types.StringType.get();
      case "BLOB" -> Types.BinaryType.get();
      default -> throw new IllegalArgumentException("Cannot make a table column " + column + " of DuckDB type " + duckDbType
          + ": it has no Iceberg type here");
    };
  }

  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
