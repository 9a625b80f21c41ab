package io.i94lake.cli;

import io.i94lake.core.TableCatalog;
import io.i94lake.engine.DuckDbReader;
import io.i94lake.engine.EngineChoice;
import io.i94lake.engine.LakeReading;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.RunHistory;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  @Option(names = "--engine", paramLabel = "ENGINE",
      description = "duckdb or spark (default: duckdb for a lake folder without --master; spark for a lake on S3).")
  EngineChoice engine;

  @Spec
  CommandSpec spec;

  private static final String[] COLUMNS = {"run_id", "trigger", "state", "months", "started_at", "seconds", "rows_in",
      "rows_written", "rows_rejected", "checks_failed", "failure_category", "substr(coalesce(error, note), 1, 100) AS error_or_note"};

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    ResultPrinter printer = new ResultPrinter(out);
    if (lakeOptions.engine(engine) == EngineChoice.duckdb) {
      LakeReading lake = lakeOptions.openForReading();
      lake.writer().ifPresent(holder -> out.println("now running: " + holder));
      if (!lake.has(TableCatalog.RUNS.name())) {
        out.println("no run has been recorded in this lake yet");
        return 0;
      }
      try (DuckDbReader reader = DuckDbReader.open(lake.snapshots(null), 0, null);
           ResultSet runs = reader.query("SELECT " + String.join(", ", COLUMNS) + " FROM runs ORDER BY started_at DESC LIMIT " + limit)) {
        printer.print(ResultPrinter.answer(runs), format, limit);
      }
      return 0;
    }
    Lake lake = lakeOptions.openExistingLake();
    LakeLock.holder(lake).ifPresent(holder -> out.println("now running: " + holder));
    printer.print(ResultPrinter.answer(new RunHistory(lake).runs().limit(limit).selectExpr(COLUMNS)), format, limit);
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
