package io.i94lake.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Datasets a run builds once and shares between its tasks, each defined up front and built on first use. */
final class Artifacts {
  private final Map<String, Supplier<Dataset<Row>>> definitions = new HashMap<>();
  private final Map<String, Dataset<Row>> built = new HashMap<>();

  /** Defines a dataset that is cached once built, because several tasks read it. */
  synchronized void define(String name, Supplier<Dataset<Row>> definition) {
    definitions.put(name, () -> definition.get().cache());
  }

  synchronized Dataset<Row> get(String name) {
    Dataset<Row> dataset = built.get(name);
    if (dataset == null) {
      Supplier<Dataset<Row>> definition = definitions.get(name);
      if (definition == null) {
        throw new IllegalArgumentException("No dataset " + name + " is defined for this run");
      }
      dataset = definition.get();
      built.put(name, dataset);
    }
    return dataset;
  }

  synchronized void release() {
    built.values().forEach(dataset -> dataset.unpersist(false));
    built.clear();
  }
}
