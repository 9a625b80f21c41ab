package io.i94lake.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The expected shape of a delimited text source: the typed columns taken from its fields (matched by header name,
 * case-insensitively, in any order; extra fields are ignored) and the delimiter.
 *
 * @param description what the file is, for messages ("demographics")
 */
public record TextLayout(String description, char delimiter, List<TextColumn> columns) {
  public TextLayout {
    requireNonNull(description, "description is null");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A text layout needs at least one column: " + description);
    }
  }

  /** The header fields the columns come from, in order, each once. */
  public List<String> fields() {
    return columns.stream().map(TextColumn::field).distinct().toList();
  }

  public String expectedHeader() {
    return String.join(String.valueOf(delimiter), fields());
  }

  public String delimiterName() {
    return switch (delimiter) {
      case ',' -> "','";
      case ';' -> "';'";
      case '\t' -> "TAB";
      default -> "'" + delimiter + "'";
    };
  }
}
