package io.i94lake.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The constraints one table must meet, declared in the spirit of Deequ and dbt tests:
 * <pre>Check.error("immigration").isComplete("cicid").isUnique("cicid").sharePresentIn("port_code", "port", "port_code", 0.99)</pre>
 * Each constraint yields a {@link CheckResult} carrying its observed value. Metrics are SQL text in the subset Spark
 * and DuckDB both run (the models' subset, with their named functions), so either engine measures them alike.
 */
public final class Check {
  private final String table;
  private final Level level;
  private final List<Constraint> constraints = new ArrayList<>();

  private Check(String table, Level level) {
    this.table = table;
    this.level = level;
  }

  /** Constraints whose failure blocks publishing. */
  public static Check error(String table) {
    return new Check(table, Level.ERROR);
  }

  /** Constraints whose failure is only reported. */
  public static Check warning(String table) {
    return new Check(table, Level.WARNING);
  }

  public String table() {
    return table;
  }

  public Level level() {
    return level;
  }

  public List<Constraint> constraints() {
    return List.copyOf(constraints);
  }

  /** The other tables the constraints look up (those of {@link #sharePresentIn}). */
  public List<String> referencedTables() {
    return constraints.stream()
        .map(Constraint::metric)
        .filter(Metric.SharePresentIn.class::isInstance)
        .map(metric -> ((Metric.SharePresentIn) metric).referenceTable())
        .distinct()
        .toList();
  }

  /** No nulls in the column. */
  public Check isComplete(String column) {
    return hasCompleteness(column, 1.0);
  }

  /** At least this share of the column is not null. */
  public Check hasCompleteness(String column, double minimumShare) {
    return add(column + " completeness", share(Sql.column(column) + " IS NOT NULL"), Rule.atLeast(minimumShare));
  }

  /** No two rows share the values of these columns; observes the number of duplicate rows (rows minus distinct keys). */
  public Check isUnique(String... columns) {
    return add(String.join(", ", columns) + " duplicates", new Metric.Duplicates(Stream.of(columns).map(Sql::column).toList()),
        Rule.atMost(0));
  }

  /** Every non-null value is one of these (accepted values). */
  public Check isContainedIn(String column, Collection<String> accepted) {
    String values = accepted.stream().map(Sql::text).collect(Collectors.joining(", "));
    String name = Sql.column(column);
    return add(column + " in " + accepted, shareOfPresent(name, accepted.isEmpty() ? "false" : name + " IN (" + values + ")"),
        Rule.atLeast(1.0));
  }

  /** Every non-null value lies in [minimum, maximum]. */
  public Check hasValuesBetween(String column, double minimum, double maximum) {
    String name = Sql.column(column);
    return add(column + " between " + CheckResult.format(minimum) + " and " + CheckResult.format(maximum),
        shareOfPresent(name, name + " BETWEEN " + Sql.number(minimum) + " AND " + Sql.number(maximum)),
        Rule.atLeast(1.0));
  }

  /** At least this share of rows satisfies an SQL predicate over the table's columns (null counts as false). */
  public Check satisfies(String description, String predicate, double minimumShare) {
    return add(description, share("(" + predicate + ")"), Rule.atLeast(minimumShare));
  }

  /** At least this share of the column's non-null values is found in a column of another table. */
  public Check sharePresentIn(String column, String referenceTable, String referenceColumn, double minimumShare) {
    return add(column + " found in " + referenceTable + "." + referenceColumn,
        new Metric.SharePresentIn(Sql.column(column), referenceTable, Sql.column(referenceColumn)), Rule.atLeast(minimumShare));
  }

  public Check hasRowCountBetween(long minimum, long maximum) {
    return add("row count", "count(*)", Rule.between(minimum, maximum));
  }

  /** The row count changed by at most this factor (up or down) since the table was last published. */
  public Check rowCountChangeWithin(double factor) {
    return add("row count change", new Metric.RowCountChange(), Rule.between(1 / factor, factor));
  }

  /** The table was published at most this long ago. */
  public Check isFresherThan(Duration age) {
    return add("hours since published", new Metric.HoursSincePublished(), Rule.atMost(age.toMinutes() / 60.0));
  }

  private Check add(String name, String aggregate, Rule rule) {
    return add(name, new Metric.Aggregate(aggregate), rule);
  }

  private Check add(String name, Metric metric, Rule rule) {
    constraints.add(new Constraint(name, metric, rule));
    return this;
  }

  // the share of rows meeting a condition, a null condition as false; 1 for no rows
  private static String share(String condition) {
    return "coalesce(avg(CASE WHEN " + condition + " THEN 1.0E0 ELSE 0.0E0 END), 1.0E0)";
  }

  /** The share of the column's non-null values meeting a condition (a null condition as false); 1 when all are null. */
  static String shareOfPresent(String column, String condition) {
    return "coalesce(avg(CASE WHEN " + column + " IS NOT NULL THEN CASE WHEN " + condition
        + " THEN 1.0E0 ELSE 0.0E0 END END), 1.0E0)";
  }
}
