package io.i94lake.cli;

import io.i94lake.core.PipelineException;
import io.i94lake.engine.Engines;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.TableResult;
import io.i94lake.pipeline.Trigger;
import io.i94lake.quality.CheckResult;
import io.i94lake.schedule.Alerts;
import io.i94lake.source.SourceCount;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code i94lake run}: reads the raw files, writes, checks and publishes the lake tables. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Reads the raw files, writes the lake's tables on an audit branch, checks them and publishes them.",
        "Prints, per source, rows in, accepted and rejected; per table, rows written, rows rejected and seconds."})
public final class RunCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Mixin
  PipelineOptions pipelineOptions;

  @Option(names = "--resume", paramLabel = "RUN_ID",
      description = "Run again only the tasks of a failed run that did not succeed, with that run's options, then check and publish.")
  String resume;

  @Mixin
  AlertOptions alertOptions;

  @Mixin
  WarehouseOptions warehouseOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // a bad option is refused before anything starts
    RunOptions options = resume == null ? pipelineOptions.options(lakeOptions.lake, Trigger.MANUAL) : null;
    Alerts alerts = new Alerts(alertOptions.settings(), message -> log(out, message));
    Engines engines = lakeOptions.engines(pipelineOptions.engine);
    long startedNanos = System.nanoTime();
    Pipeline pipeline = new Pipeline(engines, message -> {
      out.printf("  %6.1f s  %s%n", (System.nanoTime() - startedNanos) / 1e9, message);
      out.flush();
    });
    RunSummary summary;
    try {
      if (resume != null) {
        out.printf("i94lake run: resuming run %s in lake %s%n", resume, lakeOptions.lake);
        summary = pipeline.resume(lakeOptions.lake, resume);
      } else {
        out.printf("i94lake run: raw %s -> lake %s%n", options.raw(), options.lake());
        summary = pipeline.run(options);
      }
    } catch (PipelineException refused) {
      alerts.runRefused(resume != null ? Trigger.RESUME.label() : Trigger.MANUAL.label(), lakeOptions.lake, refused,
          () -> engines.open(lakeOptions.lake));
      throw refused;
    }
    print(summary, out);
    if (!summary.succeeded()) {
      alerts.runFailed(summary, () -> engines.open(lakeOptions.lake));
      throw summary.failure();
    }
    if (warehouseOptions.configured()) {
      warehouseOptions.copy(SparkLake.open(lakeOptions.startSpark(), lakeOptions.lake), summary, out);
    }
    return 0;
  }

  private static void log(PrintWriter out, String message) {
    out.println(message);
    out.flush();
  }

  static void print(RunSummary summary, PrintWriter out) {
    out.println();
    if (!summary.sources().isEmpty()) {
      out.printf("%-26s %14s %14s %12s%n", "source", "rows in", "accepted", "rejected");
      for (SourceCount source : summary.sources()) {
        out.printf("%-26s %,14d %,14d %,12d%n", source.source(), source.rowsIn(), source.accepted(), source.rejected());
      }
      out.println();
    }
    if (!summary.tables().isEmpty()) {
      out.printf("%-26s %14s %14s %12s%n", "table", "rows written", "rows rejected", "seconds");
      for (TableResult table : summary.tables()) {
        out.printf("%-26s %,14d %,14d %12.1f%n", table.write().table(), table.write().rowsWritten(), table.rowsRejected(),
            table.write().elapsed().toMillis() / 1000.0);
      }
      out.println();
    }
    List<CheckResult> failed = summary.failedChecks();
    if (!summary.checks().isEmpty()) {
      out.printf("checks: %d of %d passed%n", summary.checks().size() - failed.size(), summary.checks().size());
      failed.forEach(check -> out.printf("  %-7s %s%n", check.level(), check.message().isEmpty() ? check.summary()
          : check.table() + ": " + check.message()));
      out.println();
    }
    out.printf("run %s %s in %.1f s%s%n", summary.runId(), summary.succeeded() ? "published" : "failed",
        summary.elapsed().toMillis() / 1000.0, summary.succeeded() ? "" : "; readers still see the last published data"
            + (summary.auditBranch() == null ? " (it wrote nothing)"
                : " (its branch " + summary.auditBranch() + " is kept: `i94lake run --resume " + summary.runId() + "`)"));
    out.flush();
  }
}
