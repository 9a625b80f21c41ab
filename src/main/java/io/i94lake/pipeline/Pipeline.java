package io.i94lake.pipeline;

import static io.i94lake.core.TableCatalog.IMMIGRATION;
import static io.i94lake.core.TableCatalog.REJECTS;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.LakeTable;
import io.i94lake.core.Messages;
import io.i94lake.core.PipelineException;
import io.i94lake.core.TableCatalog;
import io.i94lake.engine.Engines;
import io.i94lake.engine.RunEngine;
import io.i94lake.engine.RunEngine.Source;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import io.i94lake.quality.Check;
import io.i94lake.quality.CheckResult;
import io.i94lake.quality.CheckRunner;
import io.i94lake.source.AirportReader;
import io.i94lake.source.DemographicsReader;
import io.i94lake.source.I94Reader;
import io.i94lake.source.SourceCount;
import io.i94lake.source.TemperatureReader;
import io.i94lake.transform.Model;
import io.i94lake.transform.RejectsTable;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * One run of the pipeline, as a graph of tasks: read and judge each source, build and write each table,
 * each month of arrivals, check, publish. The graph is derived from the {@link TableCatalog} and the tables' models,
 * for every table or the tables the run is asked for ({@link RunOptions#tables()}): a run reads only the sources
 * those need and writes, checks and publishes only them. Every table is written on the run's audit branch; only
 * when every error-level check passes does the run publish, moving {@code main} of all its tables at once. So a
 * broken file or a failed check leaves what readers see exactly as it was. Dimension tables are replaced whole;
 * arrival tables month by month, only in the months the run processes. The run, its tasks and checks go to the run
 * history. The data work is done by the run's engine ({@link RunEngine}: DuckDB in this process, or Spark).
 */
public final class Pipeline {
  // small tables spend most of their time planning and committing, not computing: a task more than the cores keeps
  // them busy
  private static final int PARALLELISM =
      Integer.getInteger("i94lake.parallelism", Math.max(3, Runtime.getRuntime().availableProcessors() + 1));
  private static final String DIMENSION_REJECTS = "rejects of dimension sources";
  private static final String CHECK_TASK = "check ";
  private static final String CHECKS = "checks";
  private static final String PUBLISH = "publish";
  // the relation between I-94 records and the arrival tables, built once a month
  private static final String ARRIVALS = "arrivals";

  private final Engines engines;
  private final Consumer<String> progress;

  public Pipeline(Engines engines, Consumer<String> progress) {
    this.engines = engines;
    this.progress = progress;
  }

  /** Runs the pipeline; the summary says whether it published, and why not. */
  public RunSummary run(RunOptions options) {
    return execute(options, RunId.next(Instant.now()), null, Set.of());
  }

  /**
   * Runs again, on the same audit branch, the tasks of a failed run that did not succeed, with its options;
   * then checks and publishes as any run.
   */
  public RunSummary resume(String lakeLocation, String failedRunId) {
    RunHistory history = new RunHistory(engines.open(lakeLocation));
    RunRecord failed = history.run(failedRunId).orElseThrow(() -> new IllegalArgumentException(
        "Cannot resume run " + failedRunId + ": the lake at " + lakeLocation + " has no such run; see `i94lake runs`"));
    if (!RunState.FAILED.name().equals(failed.state())) {
      throw new IllegalArgumentException("Cannot resume run " + failedRunId + ": it " + failed.state().toLowerCase()
          + "; only a failed run can be resumed");
    }
    String i94 = failed.i94();
    RunOptions options = RunOptions.of(lakeLocation, failed.raw())
        .withI94(i94 == null || i94.isEmpty() ? List.of() : List.of(i94.split("\n")))
        .withMonths(Months.parse(failed.months()))
        .withMaxRejectedShare(failed.maxRejectedShare())
        .withTables(failed.tables() == null ? TableCatalog.publishedNames() : List.of(failed.tables().split(",")))
        .withTrigger(Trigger.RESUME);
    Set<String> done = history.tasks(failedRunId).stream()
        .filter(task -> Set.of(TaskGraph.State.SUCCEEDED.name(), TaskGraph.State.DONE_BEFORE.name()).contains(task.state()))
        .map(TaskRecord::task).collect(Collectors.toCollection(HashSet::new));
    // sources are read and judged again, checks run again: only writes are not repeated
    done.removeIf(task -> task.startsWith("read ") || task.startsWith(CHECK_TASK) || task.equals(CHECKS) || task.equals(PUBLISH));
    String branch = failed.auditBranch();
    return execute(options, RunId.next(Instant.now()),
        new Resumption(failedRunId, branch == null ? Lake.auditBranch(failedRunId) : branch), done);
  }

  /** The failed run a run resumes, and the audit branch they share. */
  private record Resumption(String runId, String branch) {}

  private RunSummary execute(RunOptions options, String runId, Resumption resumption, Set<String> doneBefore) {
    Instant started = Instant.now();
    Lake lake = engines.open(options.lake());
    RunHistory history = new RunHistory(lake);
    try (LakeLock lock = LakeRecovery.lockForWriting(lake, runId, options.lockWait(), progress);
         RunEngine engine = engines.start(lake, runId)) {
      Run run = new Run(options, runId, lake, engine, resumption);
      RunSummary summary = run.execute(doneBefore, started);
      history.record(summary);
      return summary;
    }
  }

  /** One run's state while its tasks execute. */
  private final class Run {
    private final RunOptions options;
    private final String runId;
    private final RunEngine engine;
    private final Resumption resumption;
    private final LakeAudit audit;
    private final Map<String, SourceCount> counts = new ConcurrentHashMap<>();
    private final Map<String, TableResult> written = new ConcurrentHashMap<>();
    private final Map<String, long[]> taskRows = new ConcurrentHashMap<>();
    private final Object rejectsCommits = new Object();
    private final List<String> checkedTables = new ArrayList<>();
    private final Map<String, List<CheckResult>> measured = new ConcurrentHashMap<>();
    private final List<CheckResult> checks = new ArrayList<>();
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final List<YearMonth> months = new ArrayList<>();
    private final List<LakeTable> tables;
    // the tables of one row per arrival, written month by month
    private final List<LakeTable> arrivalTables;
    // the sources the tables' models read, directly or through other models; rejects are of every source
    private final Set<String> sourcesRead;

    Run(RunOptions options, String runId, Lake lake, RunEngine engine, Resumption resumption) {
      this.options = options;
      this.runId = runId;
      this.engine = engine;
      this.resumption = resumption;
      this.tables = TableCatalog.published(options.tables());
      this.arrivalTables = tables.stream().filter(table -> table.monthly() && table != REJECTS).toList();
      this.sourcesRead = tables.stream().filter(table -> table != REJECTS)
          .flatMap(table -> Model.named(table.name()).sources().stream()).collect(Collectors.toSet());
      this.audit = resumption == null ? lake.audit(runId) : lake.resumeAudit(resumption.branch());
    }

    RunSummary execute(Set<String> doneBefore, Instant started) {
      List<TaskGraph.TaskRun> taskRuns = List.of();
      PipelineException failure = null;
      try {
        TaskGraph graph = plan();
        taskRuns = graph.run(PARALLELISM, policy(), doneBefore, this::report);
        failure = TaskGraph.firstFailure(taskRuns).map(Pipeline::asPipelineFailure).orElse(null);
      } catch (PipelineException e) {
        failure = e;
      }
      if (failure != null) {
        progress.accept("run " + runId + " failed: " + failure.getMessage());
      }
      return new RunSummary(runId, options.trigger(), failure == null ? RunState.SUCCEEDED : RunState.FAILED, options,
          months, sourceCounts(), tableResults(), taskRecords(taskRuns), checks, failure, published,
          audit.tables().isEmpty() ? null : audit.branch(),
          resumption == null ? null : resumption.runId(), started, Duration.between(started, Instant.now()));
    }

    // the tables written in catalog order, each after the tables it reads; a table the run reads but does not write
    // is built in the engine from its sources, as the written one is, and stays as published
    private TaskGraph plan() {
      RawInputs inputs = RawInputs.locate(engine.rawFiles(), options);
      progress.accept(inputs.i94Description());
      if (tables.size() < TableCatalog.published().size()) {
        progress.accept("tables: " + String.join(", ", options.tables()) + "; the others stay as published");
      }
      List<Source> sources = new ArrayList<>(engine.dictionary(inputs.dictionary()));
      if (needs(AirportReader.SOURCE)) {
        sources.add(engine.airports(inputs.airports()));
      }
      if (needs(DemographicsReader.SOURCE)) {
        sources.add(engine.demographics(inputs.demographics()));
      }
      if (needs(TemperatureReader.SOURCE)) {
        sources.add(engine.temperatures(inputs.temperatures()));
      }
      sources.removeIf(source -> !needs(source.name()));
      sources.forEach(engine::input);

      TaskGraph graph = new TaskGraph();
      for (Source source : sources) {
        graph.add(readTask(source.name()), List.of(), () -> counts.put(source.name(), judged(source)));
      }
      tables.stream().filter(table -> table != REJECTS && !arrivalTables.contains(table))
          .forEach(table -> graph.add(table.name(), List.copyOf(waitsFor(table.name())),
              inTask(table.name(), () -> replace(table, engine.model(table.name())))));
      String lastArrivals = needs(I94Reader.SOURCE) ? addMonths(graph, inputs) : null;
      if (writes(REJECTS)) {
        graph.add(DIMENSION_REJECTS, sources.stream().map(source -> readTask(source.name())).toList(),
            () -> writeRejects(sources));
      }
      addChecks(graph, lastArrivals);
      graph.add(CHECKS, graph.names(), this::check);
      graph.add(PUBLISH, List.of(CHECKS), this::publish);
      return graph;
    }

    // arrivals month after month, so that an engine holds one month at most; they need the sources of the tables
    // they join judged, not those tables written: they start beside them. Returns the last month's task.
    private String addMonths(TaskGraph graph, RawInputs inputs) {
      Source arrivals = engine.arrivals(inputs.i94());
      ArrivalCounts arrivalCounts = new ArrivalCounts(arrivals, engine.monthsFromFooters(arrivals));
      months.addAll(options.months().isAll() ? arrivalCounts.months() : options.months().months());
      progress.accept("arrival months: " + (months.isEmpty() ? "none" : new Months(months)));
      List<String> arrivalDependencies = arrivalTables.stream()
          .flatMap(table -> Model.named(table.name()).sources().stream())
          .filter(engine::isInput).distinct().map(Pipeline::readTask).toList();
      String previous = null;
      List<YearMonth> written = new ArrayList<>(months);
      if (options.months().isAll()) {
        // records of unknown month are only rejects
        written.add(null);
      }
      for (YearMonth month : written) {
        String task = month == null ? "arrivals of unknown month" : "arrivals " + month;
        Source monthRows = engine.month(arrivals, month, () -> arrivalCounts.files(month));
        graph.add(task, previous == null ? arrivalDependencies : List.of(previous),
            inTask(task, () -> writeArrivals(task, monthRows, arrivalCounts, month)));
        previous = task;
      }
      return previous;
    }

    private boolean writes(LakeTable table) {
      return tables.contains(table);
    }

    private boolean needs(String source) {
      return writes(REJECTS) || sourcesRead.contains(source);
    }

    // each table is checked once it and the tables it looks up are written, while other tables are still written;
    // the tables it looks up that the run does not write are read as published
    private void addChecks(TaskGraph graph, String lastArrivals) {
      CheckRunner runner = new CheckRunner(engine.checkTables(audit, months));
      Map<String, List<Check>> byTable = new LinkedHashMap<>();
      options.checks().forRun().stream().filter(check -> options.tables().contains(check.table()))
          .forEach(check -> byTable.computeIfAbsent(check.table(), table -> new ArrayList<>()).add(check));
      Set<String> tasks = Set.copyOf(graph.names());
      byTable.forEach((table, tableChecks) -> {
        Set<String> writers = new LinkedHashSet<>();
        tableChecks.forEach(check -> Stream.concat(Stream.of(table), check.referencedTables().stream())
            .map(name -> tasks.contains(name) ? name : writes(TableCatalog.named(name)) ? lastArrivals : null)
            .filter(Objects::nonNull)
            .forEach(writers::add));
        String task = CHECK_TASK + table;
        checkedTables.add(table);
        graph.add(task, List.copyOf(writers), inTask(task, () -> measured.put(table, runner.run(tableChecks))));
      });
    }

    private TaskGraph.Policy policy() {
      RunOptions.Retries retries = options.retries();
      return new TaskGraph.Policy(retries.attempts(), retries.firstPause(), retries.timeout(), Pipeline::worthRetrying,
          engine::cancel);
    }

    private void report(TaskGraph.TaskRun task) {
      if (task.state() == TaskGraph.State.FAILED) {
        progress.accept(String.format("task %s failed after %d attempt%s: %s", task.name(), task.attempts(),
            task.attempts() == 1 ? "" : "s", Messages.firstLine(task.error())));
      }
    }

    // the tasks a model waits for: the tables it reads that the run writes, and the sources it reads, directly or
    // through the models between (a table the run does not write is one of them)
    private Set<String> waitsFor(String model) {
      Set<String> tasks = new LinkedHashSet<>();
      for (String input : Model.named(model).inputs()) {
        if (options.tables().contains(input)) {
          tasks.add(input);
        } else if (engine.isInput(input)) {
          tasks.add(readTask(input));
        } else {
          tasks.addAll(waitsFor(input));
        }
      }
      return tasks;
    }

    private TaskGraph.Work inTask(String task, Runnable work) {
      return () -> engine.inTask(task, work);
    }

    private SourceCount judged(Source source) {
      SourceCount count = source.count();
      progress.accept(String.format("read %-22s %,12d rows, %,d rejected", source.name(), count.rowsIn(), count.rejected()));
      taskRows.put(readTask(source.name()), new long[] {count.rowsIn(), count.accepted(), count.rejected()});
      count.requireRejectedShareAtMost(options.maxRejectedShare());
      return count;
    }

    /**
     * Writes one month of arrivals to the arrival tables the run writes (or those of unknown month, which are only
     * rejects). Its rows are counted before {@code immigration} is written, or from what it wrote (see
     * {@link ArrivalCounts}); a broken month fails the task then, before the other tables, and nothing of it is
     * published.
     */
    private void writeArrivals(String task, Source arrivals, ArrivalCounts arrivalCounts, YearMonth month) {
      RunEngine.Rows described = month != null && !arrivalTables.isEmpty() && arrivalCounts.acceptedAtMost(month) > 0
          ? engine.kept(engine.model(Model.named(ARRIVALS), Map.of(I94Reader.SOURCE, arrivals.accepted())))
          : null;
      TableWrite immigration = described != null && writes(IMMIGRATION)
          ? write(IMMIGRATION, ofArrivals(IMMIGRATION, described), WriteMode.replacePartitions())
          : null;
      SourceCount count = immigration != null
          ? arrivalCounts.of(month, immigration.rowsWritten(), arrivals)
          : arrivalCounts.of(month, arrivals);
      String label = month == null ? "of unknown month" : month.toString();
      progress.accept(String.format("read %-22s %,12d rows, %,d rejected", "i94 " + label, count.rowsIn(), count.rejected()));
      count.requireRejectedShareAtMost(options.maxRejectedShare());
      long writtenRows = 0;
      if (described != null) {
        for (LakeTable table : arrivalTables) {
          TableWrite write = table == IMMIGRATION ? immigration
              : write(table, ofArrivals(table, described), WriteMode.replacePartitions());
          writtenRows = Math.max(writtenRows, addMonth(reported(table, write, count)));
        }
        engine.release(described);
      }
      if (writes(REJECTS)) {
        Expression ofI94 = Expressions.equal("source", I94Reader.SOURCE);
        commitRejects(List.of(arrivals), count.rejected() == 0, WriteMode.replaceRows(Expressions.and(ofI94,
            month == null ? Expressions.isNull("year")
                : Expressions.and(Expressions.equal("year", month.getYear()), Expressions.equal("month", month.getMonthValue())))));
      }
      counts.merge(I94Reader.SOURCE, count, SourceCount::plus);
      taskRows.put(task, new long[] {count.rowsIn(), writtenRows, count.rejected()});
    }

    // a table of one month's arrivals
    private RunEngine.Rows ofArrivals(LakeTable table, RunEngine.Rows arrivals) {
      return engine.model(Model.named(table.name()), Map.of("arrivals", arrivals));
    }

    private TableWrite write(LakeTable table, RunEngine.Rows rows, WriteMode mode) {
      return engine.write(audit, table.name(), table.partitioning(), rows, mode);
    }

    // a table written month by month reports the sum of its months
    private long addMonth(TableResult month) {
      written.merge(month.write().table(), month, TableResult::plus);
      return month.write().rowsWritten();
    }

    private void replace(LakeTable table, RunEngine.Rows rows) {
      SourceCount source = table.rowsFrom() == null ? null : counts.get(table.rowsFrom());
      TableResult result = reported(table, write(table, rows, WriteMode.replaceTable()), source);
      written.put(table.name(), result);
      taskRows.put(table.name(), new long[] {0, result.write().rowsWritten(), result.rowsRejected()});
    }

    // the rejects of dimension sources replace those of earlier runs
    private void writeRejects(List<Source> sources) {
      commitRejects(sources, false, WriteMode.replaceRows(Expressions.notEqual("source", I94Reader.SOURCE)));
    }

    // the arrival months and the dimension sources replace their own rejects, one commit after the other
    private void commitRejects(List<Source> sources, boolean none, WriteMode mode) {
      Map<String, RunEngine.Rows> inputs = new HashMap<>();
      for (int index = 0; index < sources.size(); index++) {
        inputs.put(RejectsTable.input(index), sources.get(index).rejects());
      }
      // kept: finding the unusable rows reads every row of the sources once, and a write reads its rows twice (to
      // find their partitions, then to write them)
      RunEngine.Rows rejects = engine.kept(engine.model(RejectsTable.model(runId, sources.size(), none), inputs));
      try {
        synchronized (rejectsCommits) {
          addMonth(reported(REJECTS, write(REJECTS, rejects, mode), null));
        }
      } finally {
        engine.release(rejects);
      }
    }

    // a table reports the rejected rows of the source its rows come from
    private TableResult reported(LakeTable table, TableWrite write, SourceCount source) {
      progress.accept(String.format("wrote %-24s %,12d rows in %.1f s", write.table(), write.rowsWritten(),
          write.elapsed().toNanos() / 1e9));
      return table.rowsFrom() == null || source == null
          ? new TableResult(write, null, 0)
          : new TableResult(write, source.source(), source.rejected());
    }

    private void check() {
      List<CheckResult> results = checkedTables.stream().flatMap(table -> measured.get(table).stream()).toList();
      checks.addAll(results);
      List<CheckResult> blocking = results.stream().filter(CheckResult::blocks).toList();
      long warnings = results.stream().filter(result -> !result.passed() && !result.blocks()).count();
      progress.accept(String.format("checked %d constraints: %d failed, %d warnings", results.size(), blocking.size(), warnings));
      if (!blocking.isEmpty()) {
        throw new PipelineException(FailureCategory.CHECK_FAILED, String.format("Cannot publish run %s: %d of %d checks failed (%s)",
            runId, blocking.size(), results.size(), String.join("; ", blocking.stream().map(CheckResult::summary).toList())));
      }
    }

    private void publish() {
      published.putAll(audit.publish(runId, progress));
      progress.accept("published run " + runId + " (" + published.size() + (published.size() == 1 ? " table)" : " tables)"));
    }

    private List<SourceCount> sourceCounts() {
      List<SourceCount> result = new ArrayList<>(counts.values());
      result.sort(java.util.Comparator.comparing(SourceCount::source));
      return result;
    }

    private List<TableResult> tableResults() {
      return TableCatalog.publishedNames().stream().map(written::get).filter(Objects::nonNull).toList();
    }

    private List<TaskRecord> taskRecords(List<TaskGraph.TaskRun> runs) {
      return runs.stream().map(task -> {
        long[] rows = taskRows.getOrDefault(task.name(), new long[3]);
        return new TaskRecord(task.name(), task.state().name(), task.attempts(), task.started(), task.ended(),
            rows[0], rows[1], rows[2], task.error() == null ? null : Messages.firstLine(task.error()));
      }).toList();
    }
  }

  private static String readTask(String source) {
    return "read " + source;
  }

  // a missing or broken file, or a failed check, fails the same way each time it is tried
  private static boolean worthRetrying(Throwable failure) {
    if (failure instanceof PipelineException pipeline) {
      return pipeline.category() == FailureCategory.WRITE_FAILED || pipeline.category() == FailureCategory.COMMIT_CONFLICT;
    }
    return !(failure instanceof TaskGraph.TaskTimeoutException) && !(failure instanceof IllegalArgumentException);
  }

  private static PipelineException asPipelineFailure(TaskGraph.TaskRun task) {
    Throwable error = task.error();
    if (error instanceof PipelineException pipeline) {
      return pipeline;
    }
    return new PipelineException(FailureCategory.WRITE_FAILED, "Task " + task.name() + " failed after "
        + task.attempts() + " attempt" + (task.attempts() == 1 ? "" : "s") + ": " + Messages.firstLine(error), error);
  }
}
