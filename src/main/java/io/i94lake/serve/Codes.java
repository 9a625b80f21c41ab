package io.i94lake.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Strings of a column with few distinct values, each kept once and referred to by a small number (code 0 is null). */
final class Codes {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  Codes() {
    values.add(null);
  }

  int code(String value) {
    if (value == null) {
      return 0;
    }
    return codes.computeIfAbsent(value, key -> {
      values.add(key);
      return values.size() - 1;
    });
  }

  /** The code of a value, or -1 when no row has it. */
  int find(String value) {
    return value == null ? 0 : codes.getOrDefault(value, -1);
  }

  String value(int code) {
    return values.get(code);
  }

  int size() {
    return values.size();
  }
}
