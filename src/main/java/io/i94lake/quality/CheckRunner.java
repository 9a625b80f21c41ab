package io.i94lake.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udaf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Measures every constraint of a set of checks and judges it. Each table is read once: all its constraints, of
 * every check naming it, are measured in one aggregation; the keys of referenced tables are collected first.
 * A few tables are measured at once.
 */
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

  // a small table's measure is mostly planning and waiting: a few at once keep both cores busy
  private static final int PARALLELISM = 3;

  private static final UserDefinedFunction DISTINCT_WHOLE_NUMBERS = udaf(new DistinctWholeNumbers(), Encoders.LONG());
  private static final Set<DataType> WHOLE_NUMBERS =
      Set.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);

  private final Tables tables;
  private final Map<String, Optional<List<Object>>> referenceKeys = new ConcurrentHashMap<>();

  public CheckRunner(Tables tables) {
    this.tables = tables;
  }

  public List<CheckResult> run(List<Check> checks) {
    Map<String, List<Constraint>> byTable = new LinkedHashMap<>();
    for (Check check : checks) {
      byTable.computeIfAbsent(check.table(), table -> new ArrayList<>()).addAll(check.constraints());
    }
    Map<Constraint, Double> observed = new IdentityHashMap<>();
    Map<String, Boolean> present = new LinkedHashMap<>();
    Map<String, Future<Map<Constraint, Double>>> measuring = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
    try {
      byTable.forEach((table, constraints) -> {
        Optional<Dataset<Row>> rows = tables.rows(table);
        present.put(table, rows.isPresent());
        rows.ifPresent(found -> measuring.put(table, pool.submit(() -> measure(table, found, constraints))));
      });
      for (Future<Map<Constraint, Double>> measured : measuring.values()) {
        observed.putAll(measured.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while measuring checks", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<CheckResult> results = new ArrayList<>();
    for (Check check : checks) {
      for (Constraint constraint : check.constraints()) {
        results.add(present.get(check.table())
            ? judge(check, constraint, observed.get(constraint), null)
            : judge(check, constraint, null, "table " + check.table() + " does not exist"));
      }
    }
    return results;
  }

  // one pass over the table: every metric is one aggregate, references are matched against their collected keys
  private Map<Constraint, Double> measure(String table, Dataset<Row> rows, List<Constraint> constraints) {
    Map<Constraint, Column> aggregates = new LinkedHashMap<>();
    for (Constraint constraint : constraints) {
      Metric metric = constraint.metric();
      if (metric instanceof Metric.Aggregate aggregate) {
        aggregates.put(constraint, aggregate.expression());
      } else if (metric instanceof Metric.Duplicates duplicates) {
        aggregates.put(constraint, count(lit(1)).minus(distinctCount(rows.schema(), duplicates.columns())));
      } else if (metric instanceof Metric.SharePresentIn reference) {
        referenceKeys(reference).ifPresent(keys ->
            aggregates.put(constraint, Check.shareOfPresent(reference.column(), col(reference.column()).isin(keys.toArray()))));
      } else if (metric instanceof Metric.RowCountChange) {
        aggregates.put(constraint, count(lit(1)));
      }
    }
    Map<Constraint, Double> observed = new IdentityHashMap<>();
    if (!aggregates.isEmpty()) {
      List<Constraint> measured = List.copyOf(aggregates.keySet());
      Column[] expressions = aggregates.values().stream().map(expression -> expression.cast("double")).toArray(Column[]::new);
      Row values = rows.agg(expressions[0], Arrays.copyOfRange(expressions, 1, expressions.length)).first();
      for (int index = 0; index < measured.size(); index++) {
        observed.put(measured.get(index), values.isNullAt(index) ? null : values.getDouble(index));
      }
    }
    for (Constraint constraint : constraints) {
      if (constraint.metric() instanceof Metric.RowCountChange) {
        observed.put(constraint, rowCountChange(table, observed.get(constraint)));
      } else if (constraint.metric() instanceof Metric.HoursSincePublished) {
        observed.put(constraint, hoursSincePublished(table));
      }
    }
    return observed;
  }

  // a single whole-number key is counted in a bitmap; other keys by Spark's count(distinct)
  private static Column distinctCount(StructType schema, List<String> columns) {
    if (columns.size() == 1 && WHOLE_NUMBERS.contains(schema.apply(columns.get(0)).dataType())) {
      return DISTINCT_WHOLE_NUMBERS.apply(col(columns.get(0)).cast(DataTypes.LongType));
    }
    Column[] keys = columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return count_distinct(keys[0], Arrays.copyOfRange(keys, 1, keys.length));
  }

  // the distinct keys of a referenced column, collected once per run of the checks: reference tables are
  // dimensions, small enough to test each row against in memory, and to deduplicate here rather than in a shuffle
  private Optional<List<Object>> referenceKeys(Metric.SharePresentIn reference) {
    String key = reference.referenceTable() + "." + reference.referenceColumn();
    return referenceKeys.computeIfAbsent(key, ignored -> tables.rows(reference.referenceTable())
        .map(rows -> rows.select(reference.referenceColumn()).collectAsList().stream()
            .map(row -> row.get(0)).filter(java.util.Objects::nonNull).distinct().toList()));
  }

  private Double rowCountChange(String table, double now) {
    OptionalLong before = tables.publishedRowCount(table);
    if (before.isEmpty() || before.getAsLong() == 0) {
      return 1.0;
    }
    return now / before.getAsLong();
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
