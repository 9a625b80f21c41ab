package io.i94lake.quality;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Measures every constraint of a set of checks and judges it. */
public final class CheckRunner {
  /** The tables checks are measured on. */
  public interface Tables {
    /** The rows to check (for a run: its branch, limited to the months it wrote), or empty when there is no table. */
    Optional<Dataset<Row>> rows(String table);

    /** The rows the table had when it was last published, for the same scope; empty when never published. */
    OptionalLong publishedRowCount(String table);

    /** When the table was last published; empty when never. */
    Optional<Instant> publishedAt(String table);
  }

  private final Tables tables;

  public CheckRunner(Tables tables) {
    this.tables = tables;
  }

  public List<CheckResult> run(List<Check> checks) {
    List<CheckResult> results = new ArrayList<>();
    for (Check check : checks) {
      Optional<Dataset<Row>> rows = tables.rows(check.table());
      if (rows.isEmpty()) {
        check.constraints().forEach(constraint -> results.add(judge(check, constraint, null, "table " + check.table() + " does not exist")));
        continue;
      }
      Map<Constraint, Double> aggregates = aggregates(check, rows.get());
      for (Constraint constraint : check.constraints()) {
        results.add(judge(check, constraint, observe(check.table(), constraint, rows.get(), aggregates), null));
      }
    }
    return results;
  }

  // one pass over the table for all its aggregate constraints
  private static Map<Constraint, Double> aggregates(Check check, Dataset<Row> rows) {
    List<Constraint> aggregated = check.constraints().stream()
        .filter(constraint -> constraint.metric() instanceof Metric.Aggregate).toList();
    Map<Constraint, Double> observed = new LinkedHashMap<>();
    if (aggregated.isEmpty()) {
      return observed;
    }
    Column[] expressions = aggregated.stream()
        .map(constraint -> ((Metric.Aggregate) constraint.metric()).expression().cast("double"))
        .toArray(Column[]::new);
    Row values = rows.agg(expressions[0], java.util.Arrays.copyOfRange(expressions, 1, expressions.length)).first();
    for (int index = 0; index < aggregated.size(); index++) {
      observed.put(aggregated.get(index), values.isNullAt(index) ? null : values.getDouble(index));
    }
    return observed;
  }

  private Double observe(String table, Constraint constraint, Dataset<Row> rows, Map<Constraint, Double> aggregates) {
    Metric metric = constraint.metric();
    if (metric instanceof Metric.SharePresentIn reference) {
      return sharePresentIn(rows, reference);
    }
    if (metric instanceof Metric.RowCountChange) {
      return rowCountChange(table, rows);
    }
    if (metric instanceof Metric.HoursSincePublished) {
      return hoursSincePublished(table);
    }
    return aggregates.get(constraint);
  }

  private Double sharePresentIn(Dataset<Row> rows, Metric.SharePresentIn reference) {
    Optional<Dataset<Row>> referenced = tables.rows(reference.referenceTable());
    if (referenced.isEmpty()) {
      return null;
    }
    Dataset<Row> keys = referenced.get().select(col(reference.referenceColumn()).as("_reference_key")).distinct();
    Dataset<Row> present = rows.filter(col(reference.column()).isNotNull()).select(col(reference.column()).as("_value"));
    Row counts = present.join(broadcast(keys), col("_value").equalTo(col("_reference_key")), "left")
        .selectExpr("count(*)", "count(_reference_key)").first();
    long all = counts.getLong(0);
    return all == 0 ? 1.0 : (double) counts.getLong(1) / all;
  }

  private Double rowCountChange(String table, Dataset<Row> rows) {
    OptionalLong before = tables.publishedRowCount(table);
    long now = rows.count();
    if (before.isEmpty() || before.getAsLong() == 0) {
      return 1.0;
    }
    return (double) now / before.getAsLong();
  }

  private Double hoursSincePublished(String table) {
    return tables.publishedAt(table)
        .map(published -> Duration.between(published, Instant.now()).toMinutes() / 60.0)
        .orElse(null);
  }

  private static CheckResult judge(Check check, Constraint constraint, Double observed, String problem) {
    boolean passed = observed != null && constraint.rule().holds(observed);
    String message = problem != null ? problem
        : observed == null ? constraint.name() + " could not be measured"
        : constraint.name() + " is " + CheckResult.format(observed) + (passed ? ", as required: " : ", but must be ") + constraint.rule();
    return new CheckResult(check.table(), constraint.name(), check.level(), passed, observed, constraint.rule().toString(), message);
  }
}
