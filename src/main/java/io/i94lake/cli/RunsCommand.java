package io.i94lake.cli;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.RunHistory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code i94lake runs}: the run history. */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsCommand.Show.class,
    description = {"Lists recent runs, most recent first, and the run writing the lake now if any.",
        "The history is also queryable: i94lake sql \"SELECT * FROM runs\" (and run_tasks, run_checks)."})
public final class RunsCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "Output: ${COMPLETION-CANDIDATES}.")
  ResultPrinter.Format format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Lake lake = lakeOptions.openExistingLake();
    PrintWriter out = spec.commandLine().getOut();
    LakeLock.holder(lake).ifPresent(holder -> out.println("now running: " + holder));
    new ResultPrinter(out).print(ResultPrinter.answer(new RunHistory(lake).runs().limit(limit).selectExpr("run_id", "trigger", "state", "months",
        "started_at", "seconds", "rows_in", "rows_written", "rows_rejected", "checks_failed", "failure_category",
        "substr(coalesce(error, note), 1, 100) AS error_or_note")), format, limit);
    return 0;
  }

  /** {@code i94lake runs show RUN_ID}: one run, its tasks and its checks. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one run: its record, its tasks and its checks.")
  static final class Show implements Callable<Integer> {
    @Mixin
    LakeOptions lakeOptions;

    @Parameters(paramLabel = "RUN_ID", description = "The run, as `i94lake runs` lists it.")
    String runId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Lake lake = lakeOptions.openExistingLake();
      RunHistory history = new RunHistory(lake);
      Row run = history.run(runId).orElseThrow(() -> new IllegalArgumentException(
          "Cannot show run " + runId + ": the lake at " + lakeOptions.lake + " has no such run; see `i94lake runs`"));
      PrintWriter out = spec.commandLine().getOut();
      for (String field : run.schema().fieldNames()) {
        Object value = run.getAs(field);
        if (value != null) {
          out.printf("%-20s %s%n", field, value);
        }
      }
      out.println();
      out.println("tasks");
      ResultPrinter printer = new ResultPrinter(out);
      printer.print(ResultPrinter.answer(history.tasks(runId).drop("run_id")), ResultPrinter.Format.table, 10_000);
      out.println();
      out.println("checks");
      printer.print(ResultPrinter.answer(history.checks(runId).drop("run_id").orderBy("passed", "table_name", "check_name")),
          ResultPrinter.Format.table, 10_000);
      return 0;
    }
  }
}
