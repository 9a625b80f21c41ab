package io.i94lake.pipeline;

import static org.apache.spark.sql.functions.col;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import io.i94lake.core.TableCatalog;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.PublishedRun;
import io.i94lake.quality.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The lake's run history, kept in three lake tables that survive restarts and answer {@code i94lake sql}:
 * {@code runs} (one row per run), {@code run_tasks} (one per task) and {@code run_checks} (one per check).
 */
public final class RunHistory {
  public static final String RUNS = TableCatalog.RUNS.name();
  public static final String TASKS = TableCatalog.RUN_TASKS.name();
  public static final String CHECKS = TableCatalog.RUN_CHECKS.name();

  static final StructType RUNS_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("trigger", DataTypes.StringType, false)
      .add("state", DataTypes.StringType, false)
      .add("months", DataTypes.StringType, true)
      .add("started_at", DataTypes.TimestampType, false)
      .add("ended_at", DataTypes.TimestampType, false)
      .add("seconds", DataTypes.DoubleType, false)
      .add("rows_in", DataTypes.LongType, false)
      .add("rows_written", DataTypes.LongType, false)
      .add("rows_rejected", DataTypes.LongType, false)
      .add("checks_failed", DataTypes.IntegerType, false)
      .add("failure_category", DataTypes.StringType, true)
      .add("error", DataTypes.StringType, true)
      .add("published_snapshots", DataTypes.StringType, true)
      .add("audit_branch", DataTypes.StringType, true)
      .add("resumed_from", DataTypes.StringType, true)
      .add("raw", DataTypes.StringType, true)
      .add("i94", DataTypes.StringType, true)
      .add("max_rejected_share", DataTypes.DoubleType, true)
      .add("note", DataTypes.StringType, true);

  static final StructType TASKS_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("task", DataTypes.StringType, false)
      .add("state", DataTypes.StringType, false)
      .add("attempts", DataTypes.IntegerType, false)
      .add("started_at", DataTypes.TimestampType, true)
      .add("ended_at", DataTypes.TimestampType, true)
      .add("seconds", DataTypes.DoubleType, true)
      .add("rows_in", DataTypes.LongType, false)
      .add("rows_out", DataTypes.LongType, false)
      .add("rows_rejected", DataTypes.LongType, false)
      .add("error", DataTypes.StringType, true);

  static final StructType CHECKS_SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("table_name", DataTypes.StringType, false)
      .add("check_name", DataTypes.StringType, false)
      .add("level", DataTypes.StringType, false)
      .add("passed", DataTypes.BooleanType, false)
      .add("observed", DataTypes.DoubleType, true)
      .add("threshold", DataTypes.StringType, false)
      .add("message", DataTypes.StringType, false);

  private final Lake lake;

  public RunHistory(Lake lake) {
    this.lake = lake;
  }

  /** Keeps a finished run, its tasks and its checks. */
  public void record(RunSummary run) {
    record(run, null);
  }

  /** Keeps a finished run, its tasks and its checks, with a note ("rollback to …"). */
  public void record(RunSummary run, String note) {
    Instant ended = run.started().plus(run.elapsed());
    PipelineException failure = run.failure();
    Row row = RowFactory.create(run.runId(), run.trigger().label(), run.state().name(),
        run.months().isEmpty() ? null : new Months(run.months()).toString(), run.started(), ended,
        run.elapsed().toMillis() / 1000.0, run.rowsIn(), run.rowsWritten(), run.rowsRejected(),
        run.failedChecks().stream().filter(CheckResult::blocks).toList().size(),
        failure == null ? null : failure.category().name(), failure == null ? null : failure.getMessage(),
        run.published().isEmpty() ? null : snapshotsText(run.published()), run.auditBranch(), run.resumedFrom(),
        run.options().raw(), String.join("\n", run.options().i94()), run.options().maxRejectedShare(), note);
    append(RUNS, List.of(row), RUNS_SCHEMA);
    append(TASKS, run.tasks().stream().map(task -> RowFactory.create(run.runId(), task.task(), task.state(), task.attempts(),
        task.started(), task.ended(), task.started() == null ? null : Duration.between(task.started(), task.ended()).toMillis() / 1000.0,
        task.rowsIn(), task.rowsOut(), task.rowsRejected(), task.error())).toList(), TASKS_SCHEMA);
    append(CHECKS, run.checks().stream().map(check -> RowFactory.create(run.runId(), check.table(), check.constraint(),
        check.level().name(), check.passed(), check.observed(), check.threshold(), check.message())).toList(), CHECKS_SCHEMA);
  }

  /**
   * Keeps a run whose process died before it finished (its lock was found abandoned); it lasted until its last
   * heartbeat. A run that died after its publish committed did publish: it is kept as succeeded, with what it published.
   *
   * @param published what the run published, or null when it died before publishing
   */
  void recordAbandoned(LakeLock.Holder holder, PublishedRun published) {
    Instant ended = holder.heartbeat();
    String process = "The run's process (" + holder.pid() + " on " + holder.host() + ")";
    Row row = published == null
        ? RowFactory.create(holder.runId(), Trigger.MANUAL.label(), RunState.FAILED.name(), null, holder.since(), ended,
            Duration.between(holder.since(), ended).toMillis() / 1000.0, 0L, 0L, 0L, 0, FailureCategory.WRITE_FAILED.name(),
            process + " ended before the run finished; nothing of it was published", null, Lake.auditBranch(holder.runId()),
            null, null, null, null, null)
        : RowFactory.create(holder.runId(), Trigger.MANUAL.label(), RunState.SUCCEEDED.name(), null, holder.since(), ended,
            Duration.between(holder.since(), ended).toMillis() / 1000.0, 0L, 0L, 0L, 0, null, null,
            snapshotsText(published.snapshots()), null, null, null, null, null,
            process + " ended right after its publish; its tasks and checks were not recorded");
    append(RUNS, List.of(row), RUNS_SCHEMA);
  }

  /** The most recent runs first. */
  public Dataset<Row> runs() {
    return table(RUNS, RUNS_SCHEMA).orderBy(col("started_at").desc());
  }

  public Optional<Row> run(String runId) {
    return table(RUNS, RUNS_SCHEMA).filter(col("run_id").equalTo(runId)).collectAsList().stream().findFirst();
  }

  public Dataset<Row> tasks(String runId) {
    return table(TASKS, TASKS_SCHEMA).filter(col("run_id").equalTo(runId)).orderBy("started_at", "task");
  }

  public Dataset<Row> checks(String runId) {
    return table(CHECKS, CHECKS_SCHEMA).filter(col("run_id").equalTo(runId)).orderBy("table_name", "check_name");
  }

  /** The last run that published: what readers see now. */
  public Optional<Row> lastPublished() {
    return table(RUNS, RUNS_SCHEMA).filter(col("published_snapshots").isNotNull()).orderBy(col("ended_at").desc()).limit(1)
        .collectAsList().stream().findFirst();
  }

  // the history table in today's columns, also when an older version wrote it (a run adds the new columns)
  private Dataset<Row> table(String name, StructType schema) {
    if (!lake.hasTable(name)) {
      return lake.spark().createDataFrame(List.of(), schema);
    }
    Dataset<Row> rows = lake.read(name);
    List<String> present = List.of(rows.columns());
    return rows.select(java.util.Arrays.stream(schema.fields())
        .map(field -> present.contains(field.name()) ? col(field.name()) : org.apache.spark.sql.functions.lit(null)
            .cast(field.dataType()).as(field.name()))
        .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** "country=123,us_state=456": the snapshots a run published, parsed back. */
  public static Map<String, Long> snapshots(String text) {
    Map<String, Long> snapshots = new TreeMap<>();
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      snapshots.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
    }
    return snapshots;
  }

  private static String snapshotsText(Map<String, Long> snapshots) {
    return new TreeMap<>(snapshots).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(","));
  }

  private void append(String table, List<Row> rows, StructType schema) {
    if (!rows.isEmpty()) {
      lake.append(table, lake.spark().createDataFrame(rows, schema));
    }
  }
}
