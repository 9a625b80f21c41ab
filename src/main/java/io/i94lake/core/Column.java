package io.i94lake.core;

import static java.util.Objects.requireNonNull;

/**
 * One column of a lake table, as a reader of the table needs it.
 *
 * @param meaning one line: what a value is, its unit or code list, and what null means
 */
public record Column(String name, ColumnType type, String meaning) {
  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(meaning, "meaning is null");
    if (meaning.isBlank()) {
      throw new IllegalArgumentException("Column " + name + " has no meaning");
    }
  }
}
