package io.i94lake.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of delimited text: fields in double quotes may hold the delimiter, and a doubled quote
 * inside them stands for one quote ({@code "Fly ""N"" K Airport"}).
 */
public final class DelimitedLine {
  private DelimitedLine() {}

  /** The fields of {@code line}, or throws {@link IllegalArgumentException} naming what is wrong. */
  public static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int position = 0;
    int length = line.length();
    while (true) {
      field.setLength(0);
      if (position < length && line.charAt(position) == '"') {
        position = readQuoted(line, position + 1, field);
        if (position < length && line.charAt(position) != delimiter) {
          throw new IllegalArgumentException("text after the closing quote of field " + (fields.size() + 1));
        }
      } else {
        int end = line.indexOf(delimiter, position);
        end = end < 0 ? length : end;
        field.append(line, position, end);
        position = end;
      }
      fields.add(field.toString());
      if (position >= length) {
        return fields;
      }
      position++; // the delimiter
      if (position == length) {
        fields.add("");
        return fields;
      }
    }
  }

  // returns the position after the closing quote
  private static int readQuoted(String line, int position, StringBuilder field) {
    while (position < line.length()) {
      char character = line.charAt(position);
      if (character == '"') {
        if (position + 1 < line.length() && line.charAt(position + 1) == '"') {
          field.append('"');
          position += 2;
          continue;
        }
        return position + 1;
      }
      field.append(character);
      position++;
    }
    throw new IllegalArgumentException("a quote is not closed");
  }
}
