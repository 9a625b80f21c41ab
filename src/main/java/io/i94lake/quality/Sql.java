package io.i94lake.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text that Spark SQL and DuckDB read alike: plain column names, text literals, double literals. Where the two
 * parsers differ (Spark reads a backslash in a literal as an escape, DuckDB does not; a model reads
 * {@code {{name}}} as an input) the character is written as {@code chr(n)}, which both read as that character.
 */
final class Sql {
  private static final String SPELLED_OUT = "'\\{}";

  private Sql() {}

  /** A column name as written in a query; only plain lower-case names, which neither engine needs quoted. */
  static String column(String name) {
    if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Cannot check column " + name + ": checks take plain lower-case column names");
    }
    return name;
  }

  /** A text literal: 'Air', or 'it' || chr(39) || 's' for a value with a quote. */
  static String text(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (SPELLED_OUT.indexOf(c) >= 0 || c < ' ') {
        if (!plain.isEmpty()) {
          parts.add("'" + plain + "'");
          plain.setLength(0);
        }
        parts.add("chr(" + (int) c + ")");
      } else {
        plain.append(c);
      }
    }
    if (!plain.isEmpty() || parts.isEmpty()) {
      parts.add("'" + plain + "'");
    }
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
  }

  /** A DOUBLE literal: 90.0E0 (Spark reads 90.0 as a DECIMAL, DuckDB 90 as an INTEGER). */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Cannot write " + value + " as an SQL number");
    }
    String text = Double.toString(value);
    return text.contains("E") ? text : text + "E0";
  }
}
