package io.i94lake.engine;

import static io.i94lake.source.SourceColumns.ERROR;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import io.i94lake.source.SourceRead;
import io.i94lake.transform.Dialect;
import io.i94lake.transform.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the table models on Spark for one run. Inputs and models are temporary views named after the run, so that
 * two runs in one session never see each other's. A model other models read is built once and cached.
 */
public final class SparkModels {
  private static final String UNUSABLE_BECAUSE = "unusable_because";
  private final SparkSession spark;
  private final String prefix;
  private final Map<String, Dataset<Row>> relations = new HashMap<>();
  private final Set<String> inputs = new HashSet<>();
  private final List<String> views = new ArrayList<>();
  private final AtomicInteger runs = new AtomicInteger();

  public SparkModels(SparkSession spark, String runId) {
    this.spark = spark;
    this.prefix = "i94lake_" + runId.replaceAll("[^A-Za-z0-9]", "_") + "_";
  }

  /** Makes rows an input the models name {@code {{name}}}. */
  public synchronized void input(String name, Dataset<Row> rows) {
    inputs.add(name);
    relations.put(name, rows);
    view(name, rows);
  }

  /** Whether the models' relation of that name is an input given (a source), not a model. */
  public synchronized boolean isInput(String name) {
    return inputs.contains(name);
  }

  /** The relation of that name: an input, or the model {@code models/<name>.sql}, built once and cached. */
  public synchronized Dataset<Row> get(String name) {
    Dataset<Row> rows = relations.get(name);
    if (rows == null) {
      // a model read by other models is given to them as its rows, not its plan: Spark 4.1 fails to plan a query
      // that names twice a view whose plan holds common table expressions (CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE)
      Dataset<Row> planned = run(Model.named(name), Map.of());
      rows = spark.createDataFrame(planned.rdd(), planned.schema()).cache();
      relations.put(name, rows);
      view(name, rows);
    }
    return rows;
  }

  /**
   * The rows of a model, not kept: its inputs are those given, else the relations of {@link #get} (such as one
   * month's arrivals for {@code arrivals}).
   */
  public Dataset<Row> run(Model model, Map<String, Dataset<Row>> inputs) {
    Map<String, String> names = new HashMap<>();
    for (String input : model.inputs()) {
      if (inputs.containsKey(input)) {
        String name = input + "_" + runs.incrementAndGet();
        names.put(input, prefix + name);
        synchronized (this) {
          view(name, inputs.get(input));
        }
      } else {
        get(input);
        names.put(input, prefix + input);
      }
    }
    return spark.sql(model.sql(Dialect.SPARK, names::get));
  }

  /**
   * Raw I-94 records with their arrival date, year and month, and, in {@code _error}, also why a record cannot be
   * used (model {@code i94_dated}).
   */
  public SourceRead dated(SourceRead i94) {
    Dataset<Row> dated = run(Model.named("i94_dated"), Map.of("i94", i94.rows()));
    return i94.withRows(dated.withColumn(ERROR, coalesce(col(ERROR), col(UNUSABLE_BECAUSE))).drop(UNUSABLE_BECAUSE));
  }

  /** Drops the views and what was cached. */
  public synchronized void release() {
    views.forEach(view -> spark.catalog().dropTempView(view));
    views.clear();
    relations.values().forEach(rows -> rows.unpersist(false));
    relations.clear();
  }

  private void view(String name, Dataset<Row> rows) {
    rows.createOrReplaceTempView(prefix + name);
    views.add(prefix + name);
  }
}
