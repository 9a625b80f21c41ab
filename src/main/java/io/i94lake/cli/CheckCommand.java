package io.i94lake.cli;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import io.i94lake.engine.DuckDbPublishedTables;
import io.i94lake.engine.EngineChoice;
import io.i94lake.engine.LakeReading;
import io.i94lake.lake.Lake;
import io.i94lake.pipeline.PublishedChecks;
import io.i94lake.quality.CheckResult;
import io.i94lake.quality.LakeChecks;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code i94lake check}: the checks of every run, on what readers see now. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Runs the lake's checks on the published tables (main) and prints every result with its observed value.",
        "Exits 5 when an error-level check fails."})
public final class CheckCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--min-share-known", paramLabel = "SHARE", defaultValue = "0.98",
      description = "Least share of port and state codes found in their tables (default: ${DEFAULT-VALUE}).")
  double minShareKnown;

  @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "36h", converter = Durations.class,
      description = "Warn when a table was published longer ago (default: ${DEFAULT-VALUE}).")
  Duration maxAge;

  @Option(names = "--engine", paramLabel = "ENGINE",
      description = "duckdb or spark (default: duckdb for a lake folder without --master; spark for a lake on S3).")
  EngineChoice engine;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    LakeChecks thresholds = new LakeChecks(minShareKnown, LakeChecks.DEFAULTS.maximumRowCountChange(), maxAge);
    List<CheckResult> results;
    if (lakeOptions.engine(engine) == EngineChoice.duckdb) {
      Lake lake = lakeOptions.openLake();
      try (DuckDbPublishedTables published = new DuckDbPublishedTables(LakeReading.of(lake).snapshots(null), lakeOptions.duckDbSettings())) {
        results = PublishedChecks.run(lake, published, thresholds);
      }
    } else {
      results = PublishedChecks.run(lakeOptions.openExistingLake(), thresholds);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (CheckResult result : results) {
      out.printf("%-6s %-7s %-26s %s%n", result.passed() ? "ok" : "FAILED", result.level(), result.table(), result.message());
    }
    long blocking = results.stream().filter(CheckResult::blocks).count();
    long warnings = results.stream().filter(result -> !result.passed() && !result.blocks()).count();
    out.printf("%n%d checks: %d passed, %d failed, %d warnings%n", results.size(),
        results.size() - blocking - warnings, blocking, warnings);
    out.flush();
    if (blocking > 0) {
      throw new PipelineException(FailureCategory.CHECK_FAILED, blocking + " of " + results.size()
          + " checks of the published lake failed");
    }
    return 0;
  }
}
