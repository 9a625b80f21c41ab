package io.i94lake.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one query measuring a table: {@code SELECT CAST(agg AS DOUBLE), ... FROM table AS checked LEFT JOIN (SELECT
 * DISTINCT key ...) ...}. Each referenced column is joined once to the distinct keys of its reference, so a row of the
 * table meets at most one key and the aggregates over the table's rows count each row once.
 */
final class MeasureQuery {
  private final String relation;
  private final List<Constraint> measured = new ArrayList<>();
  private final List<String> aggregates = new ArrayList<>();
  private final Map<Join, String> joins = new LinkedHashMap<>();

  /** A column of the table joined to the distinct values of a column of a reference relation. */
  private record Join(String column, String referenceRelation, String referenceColumn) {}

  MeasureQuery(String relation) {
    this.relation = relation;
  }

  void add(Constraint constraint, String aggregate) {
    measured.add(constraint);
    aggregates.add("CAST(" + aggregate + " AS DOUBLE) AS measure_" + aggregates.size());
  }

  /** The aggregate of a {@link Metric.SharePresentIn}, whose reference table is the relation given. */
  String sharePresentIn(Metric.SharePresentIn reference, String referenceRelation) {
    Join join = new Join(reference.column(), referenceRelation, reference.referenceColumn());
    String alias = joins.computeIfAbsent(join, ignored -> "reference_" + joins.size());
    return Check.shareOfPresent("checked." + reference.column(), alias + ".reference_key IS NOT NULL");
  }

  boolean isEmpty() {
    return measured.isEmpty();
  }

  List<Constraint> measured() {
    return List.copyOf(measured);
  }

  String sql() {
    return "SELECT " + String.join(",\n       ", aggregates) + "\nFROM " + relation + " AS checked"
        + joins.entrySet().stream().map(join -> "\nLEFT JOIN (SELECT DISTINCT " + join.getKey().referenceColumn()
            + " AS reference_key FROM " + join.getKey().referenceRelation() + ") AS " + join.getValue()
            + " ON checked." + join.getKey().column() + " = " + join.getValue() + ".reference_key").collect(Collectors.joining());
  }
}
