package io.i94lake.quality;

import io.i94lake.transform.Dialect;
import io.i94lake.transform.Model;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures every constraint of a set of checks and judges it. Each table is read once: all its constraints, of
 * every check naming it, are measured by one SQL query, {@code SELECT agg1, agg2, ... FROM table LEFT JOIN (the
 * distinct keys of each referenced column) ...}, which either engine runs. A few tables are measured at once.
 */
public final class CheckRunner {
  /** The tables checks are measured on, and the engine that measures them. */
  public interface Tables {
    /** The SQL the engine runs. */
    Dialect dialect();

    /**
     * A relation holding the rows to check, usable as is in FROM (a view); for a run: its branch, limited to the
     * months it wrote. Empty when there is no such table.
     */
    Optional<String> relation(String table);

    /**
     * The aggregate counting the distinct keys of these columns of a relation, a key with a null in any column not
     * counted: the models' {@code distinct_keys}, unless the engine knows a faster way for the relation's types.
     */
    default String distinctKeys(String relation, List<String> columns) {
      return "distinct_keys(" + String.join(", ", columns) + ")";
    }

    /** The values of the one row a query answers, as doubles; null for an SQL null. */
    List<Double> measure(String query);

    /** The rows the table had when it was last published, for the same scope; empty when never published. */
    OptionalLong publishedRowCount(String table);

    /** When the table was last published; empty when never. */
    Optional<Instant> publishedAt(String table);
  }

  // a small table's measure is mostly planning and waiting: a few at once keep both cores busy
  private static final int PARALLELISM = 3;

  private final Tables tables;

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
        Optional<String> relation = tables.relation(table);
        present.put(table, relation.isPresent());
        relation.ifPresent(found -> measuring.put(table, pool.submit(() -> measure(table, found, constraints))));
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

  // one query over the table; a reference whose table is missing leaves its constraint unmeasured
  private Map<Constraint, Double> measure(String table, String relation, List<Constraint> constraints) {
    MeasureQuery query = new MeasureQuery(relation);
    Map<Constraint, Double> observed = new IdentityHashMap<>();
    for (Constraint constraint : constraints) {
      Metric metric = constraint.metric();
      if (metric instanceof Metric.Aggregate aggregate) {
        query.add(constraint, aggregate.sql());
      } else if (metric instanceof Metric.Duplicates duplicates) {
        query.add(constraint, "count(*) - " + tables.distinctKeys(relation, duplicates.columns()));
      } else if (metric instanceof Metric.SharePresentIn reference) {
        tables.relation(reference.referenceTable()).ifPresent(found -> query.add(constraint, query.sharePresentIn(reference, found)));
      } else if (metric instanceof Metric.RowCountChange) {
        query.add(constraint, "count(*)");
      }
    }
    if (!query.isEmpty()) {
      List<Double> values = tables.measure(new Model("checks of " + table, query.sql(), List.of()).sql(tables.dialect(), name -> name));
      for (int index = 0; index < query.measured().size(); index++) {
        observed.put(query.measured().get(index), values.get(index));
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
