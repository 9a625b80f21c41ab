package io.i94lake.engine;

import java.util.ArrayList;
import java.util.List;
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

  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
