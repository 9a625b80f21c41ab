package io.i94lake.core;

/** The types the lake's columns have, as engines and readers see them; named as README and {@code DESCRIBE} name them. */
public enum ColumnType {
  STRING("string"),
  INT("int"),
  BIGINT("bigint"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  DATE("date"),
  /** An instant, kept in UTC (Iceberg's {@code timestamptz}). */
  TIMESTAMP("timestamp"),
  STRING_ARRAY("array<string>");

  private final String label;

  ColumnType(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
