package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import io.i94lake.core.PipelineException;
import io.i94lake.quality.CheckResult;
import io.i94lake.source.SourceCount;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What a run did: what it read and wrote, its tasks and checks, and how it ended.
 *
 * @param months the months of I-94 arrivals it processed
 * @param failure why it failed; null when it succeeded
 * @param published the {@code main} snapshot of each table it published; empty when it did not publish
 * @param auditBranch the branch it wrote on (kept when it failed)
 * @param resumedFrom the failed run it resumed, or null
 */
public record RunSummary(String runId, Trigger trigger, RunState state, RunOptions options, List<YearMonth> months,
                         List<SourceCount> sources, List<TableResult> tables, List<TaskRecord> tasks,
                         List<CheckResult> checks, PipelineException failure, Map<String, Long> published,
                         String auditBranch, String resumedFrom, Instant started, Duration elapsed) {
  public RunSummary {
    requireNonNull(runId, "runId is null");
    requireNonNull(trigger, "trigger is null");
    requireNonNull(state, "state is null");
    months = List.copyOf(months);
    sources = List.copyOf(sources);
    tables = List.copyOf(tables);
    tasks = List.copyOf(tasks);
    checks = List.copyOf(checks);
    published = Map.copyOf(published);
    if ((state == RunState.FAILED) != (failure != null)) {
      throw new IllegalArgumentException("Run " + runId + " is " + state + " but its failure is " + failure);
    }
  }

  public boolean succeeded() {
    return state == RunState.SUCCEEDED;
  }

  public TableResult table(String name) {
    return tables.stream().filter(table -> table.write().table().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Run " + runId + " wrote no table " + name));
  }

  public SourceCount source(String name) {
    return sources.stream().filter(source -> source.source().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Run " + runId + " read no source " + name));
  }

  public List<CheckResult> failedChecks() {
    return checks.stream().filter(check -> !check.passed()).toList();
  }

  public long rowsIn() {
    return sources.stream().mapToLong(SourceCount::rowsIn).sum();
  }

  public long rowsRejected() {
    return sources.stream().mapToLong(SourceCount::rejected).sum();
  }

  public long rowsWritten() {
    return tables.stream().filter(table -> !table.write().table().equals("rejects"))
        .mapToLong(table -> table.write().rowsWritten()).sum();
  }
}
