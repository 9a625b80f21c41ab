package io.i94lake.cli;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import io.i94lake.quality.CheckResult;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
    PrintWriter out = spec.commandLine().getOut();
    Lake lake = lakeOptions.openLake();
    LakeLock.holder(lake).filter(holder -> !holder.isAbandoned()).ifPresent(holder -> out.println("now running: " + holder));
    List<RunRecord> runs = new RunHistory(lake).runs();
    if (runs.isEmpty()) {
      out.println("no run has been recorded in this lake yet");
      return 0;
    }
    List<String[]> rows = runs.stream().limit(limit).map(run -> new String[] {run.runId(), run.trigger(),
        run.state(), run.months(), run.startedAt().toString(), String.valueOf(run.seconds()), String.valueOf(run.rowsIn()),
        String.valueOf(run.rowsWritten()), String.valueOf(run.rowsRejected()), String.valueOf(run.checksFailed()),
        run.failureCategory(), errorOrNote(run)}).toList();
    List<String> columns = List.of("run_id", "trigger", "state", "months", "started_at", "seconds", "rows_in", "rows_written",
        "rows_rejected", "checks_failed", "failure_category", "error_or_note");
    List<Boolean> bare = columns.stream().map(column -> column.startsWith("rows_") || column.equals("seconds")
        || column.equals("checks_failed")).toList();
    new ResultPrinter(out).print(new ResultPrinter.Answer(columns, bare, rows.iterator()), format, limit);
    return 0;
  }

  private static String errorOrNote(RunRecord run) {
    String text = run.error() != null ? run.error() : run.note();
    return text == null ? null : text.substring(0, Math.min(100, text.length()));
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
      RunHistory history = new RunHistory(lakeOptions.openLake());
      RunRecord run = history.run(runId).orElseThrow(() -> new IllegalArgumentException(
          "Cannot show run " + runId + ": the lake at " + lakeOptions.lake + " has no such run; see `i94lake runs`"));
      PrintWriter out = spec.commandLine().getOut();
      RecordComponent[] fields = RunRecord.class.getRecordComponents();
      for (RecordComponent field : fields) {
        Object value = value(field, run);
        if (value != null) {
          out.printf("%-20s %s%n", snakeCase(field.getName()), value);
        }
      }
      out.println();
      out.println("tasks");
      ResultPrinter printer = new ResultPrinter(out);
      List<String[]> tasks = history.tasks(runId).stream().map(task -> new String[] {task.task(), task.state(),
          String.valueOf(task.attempts()), text(task.started()), text(task.ended()),
          task.started() == null ? null : String.valueOf(Duration.between(task.started(), task.ended()).toMillis() / 1000.0),
          String.valueOf(task.rowsIn()), String.valueOf(task.rowsOut()), String.valueOf(task.rowsRejected()), task.error()}).toList();
      printer.print(new ResultPrinter.Answer(List.of("task", "state", "attempts", "started_at", "ended_at", "seconds", "rows_in",
          "rows_out", "rows_rejected", "error"), List.of(false, false, true, false, false, true, true, true, true, false),
          tasks.iterator()), ResultPrinter.Format.table, 10_000);
      out.println();
      out.println("checks");
      List<String[]> checks = history.checks(runId).stream()
          .sorted(Comparator.comparing(CheckResult::passed).thenComparing(CheckResult::table).thenComparing(CheckResult::constraint))
          .map(check -> new String[] {check.table(), check.constraint(), check.level().name(), String.valueOf(check.passed()),
              check.observed() == null ? null : String.valueOf(check.observed()), check.threshold(), check.message()}).toList();
      printer.print(new ResultPrinter.Answer(List.of("table_name", "check_name", "level", "passed", "observed", "threshold",
          "message"), List.of(false, false, false, true, true, false, false), checks.iterator()), ResultPrinter.Format.table, 10_000);
      return 0;
    }

    private static Object value(RecordComponent field, RunRecord run) {
      try {
        return field.getAccessor().invoke(run);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + field.getName() + " of run " + run.runId(), e);
      }
    }

    private static String snakeCase(String name) {
      return name.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    private static String text(Object value) {
      return value == null ? null : value.toString();
    }
  }
}
