package io.i94lake.source;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A typed column of a text source and the raw field it comes from.
 *
 * @param field the header name of the raw field, named in error messages
 * @param required whether an empty field makes the row unusable
 */
public record TextColumn(String name, String field, FieldType type, boolean required) implements Serializable {
  public TextColumn {
    requireNonNull(name, "name is null");
    requireNonNull(field, "field is null");
    requireNonNull(type, "type is null");
  }

  public static TextColumn optional(String name, String field, FieldType type) {
    return new TextColumn(name, field, type, false);
  }

  public static TextColumn required(String name, String field, FieldType type) {
    return new TextColumn(name, field, type, true);
  }
}
