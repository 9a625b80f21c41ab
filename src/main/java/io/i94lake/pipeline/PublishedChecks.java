package io.i94lake.pipeline;

import io.i94lake.core.TableCatalog;
import io.i94lake.engine.SparkLake;
import io.i94lake.engine.SparkLakeTables;
import io.i94lake.lake.Lake;
import io.i94lake.lake.PublishedRun;
import io.i94lake.quality.CheckResult;
import io.i94lake.quality.CheckRunner;
import io.i94lake.quality.LakeChecks;
import io.i94lake.quality.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of the published lake, as {@code i94lake check} runs them: the checks of every run, on the tables of
 * the published run, and for each table that its {@code main} (what outside engines read) is that run's snapshot.
 */
public final class PublishedChecks {
  private static final String MAIN_AGREES = "main is the published snapshot";

  private PublishedChecks() {}

  /** The checks measured by Spark. */
  public static List<CheckResult> run(SparkLake lake, LakeChecks thresholds) {
    SparkLakeTables published = SparkLakeTables.published(lake);
    try {
      return run(lake.lake(), published, thresholds);
    } finally {
      published.release();
    }
  }

  /** The checks measured on the published tables as an engine gives them. */
  public static List<CheckResult> run(Lake lake, CheckRunner.Tables published, LakeChecks thresholds) {
    List<String> tables = TableCatalog.publishedNames().stream().filter(lake::hasTable).toList();
    List<CheckResult> results = new ArrayList<>(mainsAgree(lake));
    results.addAll(new CheckRunner(published).run(thresholds.forPublished(tables)));
    return results;
  }

  private static List<CheckResult> mainsAgree(Lake lake) {
    Optional<PublishedRun> published = lake.published();
    if (published.isEmpty()) {
      return List.of();
    }
    Map<String, Long> outOfStep = lake.mainsOutOfStep();
    List<String> gone = lake.publishedSnapshotsGone();
    return published.get().snapshots().entrySet().stream().map(table -> {
      boolean agrees = !outOfStep.containsKey(table.getKey()) && !gone.contains(table.getKey());
      String snapshot = "snapshot " + table.getValue() + " of run " + published.get().runId();
      String message = agrees ? "main is the published " + snapshot
          : gone.contains(table.getKey()) ? "the published " + snapshot + " is gone: the table was dropped or its snapshots "
              + "expired outside i94lake; run the pipeline again, or roll back to a run whose snapshots are kept"
          : "main is not the published " + snapshot + " (a publish stopped half way, or an outside engine moved it)";
      return new CheckResult(table.getKey(), MAIN_AGREES, Level.ERROR, agrees, agrees ? 1.0 : 0.0, snapshot, message);
    }).toList();
  }
}
