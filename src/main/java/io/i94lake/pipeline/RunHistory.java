package io.i94lake.pipeline;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import io.i94lake.core.TableCatalog;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.PublishedRun;
import io.i94lake.quality.CheckResult;
import io.i94lake.quality.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;

/**
 * The lake's run history, kept in three lake tables that survive restarts and answer {@code i94lake sql}:
 * {@code runs} (one row per run), {@code run_tasks} (one per task) and {@code run_checks} (one per check).
 */
public final class RunHistory {
  public static final String RUNS = TableCatalog.RUNS.name();
  public static final String TASKS = TableCatalog.RUN_TASKS.name();
  public static final String CHECKS = TableCatalog.RUN_CHECKS.name();

  static final Schema RUNS_SCHEMA = new Schema(
      required(1, "run_id", Types.StringType.get()),
      required(2, "trigger", Types.StringType.get()),
      required(3, "state", Types.StringType.get()),
      optional(4, "months", Types.StringType.get()),
      required(5, "started_at", Types.TimestampType.withZone()),
      required(6, "ended_at", Types.TimestampType.withZone()),
      required(7, "seconds", Types.DoubleType.get()),
      required(8, "rows_in", Types.LongType.get()),
      required(9, "rows_written", Types.LongType.get()),
      required(10, "rows_rejected", Types.LongType.get()),
      required(11, "checks_failed", Types.IntegerType.get()),
      optional(12, "failure_category", Types.StringType.get()),
      optional(13, "error", Types.StringType.get()),
      optional(14, "published_snapshots", Types.StringType.get()),
      optional(15, "audit_branch", Types.StringType.get()),
      optional(16, "resumed_from", Types.StringType.get()),
      optional(17, "raw", Types.StringType.get()),
      optional(18, "i94", Types.StringType.get()),
      optional(19, "max_rejected_share", Types.DoubleType.get()),
      optional(20, "note", Types.StringType.get()),
      optional(21, "tables", Types.StringType.get()));

  static final Schema TASKS_SCHEMA = new Schema(
      required(1, "run_id", Types.StringType.get()),
      required(2, "task", Types.StringType.get()),
      required(3, "state", Types.StringType.get()),
      required(4, "attempts", Types.IntegerType.get()),
      optional(5, "started_at", Types.TimestampType.withZone()),
      optional(6, "ended_at", Types.TimestampType.withZone()),
      optional(7, "seconds", Types.DoubleType.get()),
      required(8, "rows_in", Types.LongType.get()),
      required(9, "rows_out", Types.LongType.get()),
      required(10, "rows_rejected", Types.LongType.get()),
      optional(11, "error", Types.StringType.get()));

  static final Schema CHECKS_SCHEMA = new Schema(
      required(1, "run_id", Types.StringType.get()),
      required(2, "table_name", Types.StringType.get()),
      required(3, "check_name", Types.StringType.get()),
      required(4, "level", Types.StringType.get()),
      required(5, "passed", Types.BooleanType.get()),
      optional(6, "observed", Types.DoubleType.get()),
      required(7, "threshold", Types.StringType.get()),
      required(8, "message", Types.StringType.get()));

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
    RunRecord record = new RunRecord(run.runId(), run.trigger().label(), run.state().name(),
        run.months().isEmpty() ? null : new Months(run.months()).toString(), run.started(), ended,
        run.elapsed().toMillis() / 1000.0, run.rowsIn(), run.rowsWritten(), run.rowsRejected(),
        (int) run.failedChecks().stream().filter(CheckResult::blocks).count(),
        failure == null ? null : failure.category().name(), failure == null ? null : failure.getMessage(),
        run.published().isEmpty() ? null : snapshotsText(run.published()), run.auditBranch(), run.resumedFrom(),
        run.options().raw(), String.join("\n", run.options().i94()), run.options().maxRejectedShare(), note,
        String.join(",", run.options().tables()));
    lake.append(RUNS, RUNS_SCHEMA, List.of(record.columns()));
    lake.append(TASKS, TASKS_SCHEMA, run.tasks().stream().map(task -> taskColumns(run.runId(), task)).toList());
    lake.append(CHECKS, CHECKS_SCHEMA, run.checks().stream().map(check -> checkColumns(run.runId(), check)).toList());
  }

  /**
   * Keeps a run whose process died before it finished (its lock was found abandoned); it lasted until its last
   * heartbeat. A run that died after its publish committed did publish: it is kept as succeeded, with what it published.
   *
   * @param published what the run published, or null when it died before publishing
   */
  void recordAbandoned(LakeLock.Holder holder, PublishedRun published) {
    Instant ended = holder.heartbeat();
    double seconds = Duration.between(holder.since(), ended).toMillis() / 1000.0;
    String process = "The run's process (" + holder.pid() + " on " + holder.host() + ")";
    RunRecord record = published == null
        ? new RunRecord(holder.runId(), Trigger.MANUAL.label(), RunState.FAILED.name(), null, holder.since(), ended,
            seconds, 0, 0, 0, 0, FailureCategory.WRITE_FAILED.name(),
            process + " ended before the run finished; nothing of it was published", null, Lake.auditBranch(holder.runId()),
            null, null, null, null, null, null)
        : new RunRecord(holder.runId(), Trigger.MANUAL.label(), RunState.SUCCEEDED.name(), null, holder.since(), ended,
            seconds, 0, 0, 0, 0, null, null, snapshotsText(published.snapshots()), null, null, null, null, null,
            process + " ended right after its publish; its tasks and checks were not recorded", null);
    lake.append(RUNS, RUNS_SCHEMA, List.of(record.columns()));
  }

  /** Every run, the most recent first. */
  public List<RunRecord> runs() {
    return runs(Expressions.alwaysTrue());
  }

  public Optional<RunRecord> run(String runId) {
    return runs(Expressions.equal("run_id", runId)).stream().findFirst();
  }

  /** A run's tasks in the order they started. */
  public List<TaskRecord> tasks(String runId) {
    return lake.rows(TASKS, Expressions.equal("run_id", runId)).stream()
        .map(row -> new TaskRecord((String) row.get("task"), (String) row.get("state"), (Integer) row.get("attempts"),
            instant(row.get("started_at")), instant(row.get("ended_at")), (Long) row.get("rows_in"),
            (Long) row.get("rows_out"), (Long) row.get("rows_rejected"), (String) row.get("error")))
        .sorted(Comparator.comparing(TaskRecord::started, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskRecord::task))
        .toList();
  }

  /** A run's checks by table and name. */
  public List<CheckResult> checks(String runId) {
    return lake.rows(CHECKS, Expressions.equal("run_id", runId)).stream()
        .map(row -> new CheckResult((String) row.get("table_name"), (String) row.get("check_name"),
            Level.valueOf((String) row.get("level")), (Boolean) row.get("passed"), (Double) row.get("observed"),
            (String) row.get("threshold"), (String) row.get("message")))
        .sorted(Comparator.comparing(CheckResult::table).thenComparing(CheckResult::constraint))
        .toList();
  }

  /** The last run that published: what readers see now. */
  public Optional<RunRecord> lastPublished() {
    return runs(Expressions.notNull("published_snapshots")).stream().max(Comparator.comparing(RunRecord::endedAt));
  }

  private List<RunRecord> runs(Expression filter) {
    return lake.rows(RUNS, filter).stream().map(RunRecord::of)
        .sorted(Comparator.comparing(RunRecord::startedAt).reversed()).toList();
  }

  private static Map<String, Object> taskColumns(String runId, TaskRecord task) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run_id", runId);
    row.put("task", task.task());
    row.put("state", task.state());
    row.put("attempts", task.attempts());
    row.put("started_at", timestamp(task.started()));
    row.put("ended_at", timestamp(task.ended()));
    row.put("seconds", task.started() == null ? null : Duration.between(task.started(), task.ended()).toMillis() / 1000.0);
    row.put("rows_in", task.rowsIn());
    row.put("rows_out", task.rowsOut());
    row.put("rows_rejected", task.rowsRejected());
    row.put("error", task.error());
    return row;
  }

  private static Map<String, Object> checkColumns(String runId, CheckResult check) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("run_id", runId);
    row.put("table_name", check.table());
    row.put("check_name", check.constraint());
    row.put("level", check.level().name());
    row.put("passed", check.passed());
    row.put("observed", check.observed());
    row.put("threshold", check.threshold());
    row.put("message", check.message());
    return row;
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Object timestamp) {
    return timestamp == null ? null : ((OffsetDateTime) timestamp).toInstant();
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
}
