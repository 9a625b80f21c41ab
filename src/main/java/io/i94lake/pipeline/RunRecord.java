package io.i94lake.pipeline;

import java.time.Instant;
import java.util.Map;

/**
 * One run as the history keeps it (a row of the table {@code runs}).
 *
 * @param publishedSnapshots "country=123,us_state=456": what it published; null when it published nothing
 * @param note what a rollback, maintain or a taken-over lock says of it
 * @param tables the tables it covered, comma-separated; null when not recorded (runs before {@code run --tables})
 */
public record RunRecord(String runId, String trigger, String state, String months, Instant startedAt, Instant endedAt,
                        double seconds, long rowsIn, long rowsWritten, long rowsRejected, int checksFailed,
                        String failureCategory, String error, String publishedSnapshots, String auditBranch,
                        String resumedFrom, String raw, String i94, Double maxRejectedShare, String note,
                        String tables) {
  /** The columns and values, as the table {@code runs} has them. */
  Map<String, Object> columns() {
    java.util.LinkedHashMap<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("run_id", runId);
    row.put("trigger", trigger);
    row.put("state", state);
    row.put("months", months);
    row.put("started_at", RunHistory.timestamp(startedAt));
    row.put("ended_at", RunHistory.timestamp(endedAt));
    row.put("seconds", seconds);
    row.put("rows_in", rowsIn);
    row.put("rows_written", rowsWritten);
    row.put("rows_rejected", rowsRejected);
    row.put("checks_failed", checksFailed);
    row.put("failure_category", failureCategory);
    row.put("error", error);
    row.put("published_snapshots", publishedSnapshots);
    row.put("audit_branch", auditBranch);
    row.put("resumed_from", resumedFrom);
    row.put("raw", raw);
    row.put("i94", i94);
    row.put("max_rejected_share", maxRejectedShare);
    row.put("note", note);
    row.put("tables", tables);
    return row;
  }

  static RunRecord of(Map<String, Object> row) {
    return new RunRecord((String) row.get("run_id"), (String) row.get("trigger"), (String) row.get("state"),
        (String) row.get("months"), RunHistory.instant(row.get("started_at")), RunHistory.instant(row.get("ended_at")),
        (Double) row.get("seconds"), (Long) row.get("rows_in"), (Long) row.get("rows_written"),
        (Long) row.get("rows_rejected"), (Integer) row.get("checks_failed"), (String) row.get("failure_category"),
        (String) row.get("error"), (String) row.get("published_snapshots"), (String) row.get("audit_branch"),
        (String) row.get("resumed_from"), (String) row.get("raw"), (String) row.get("i94"),
        (Double) row.get("max_rejected_share"), (String) row.get("note"), (String) row.get("tables"));
  }
}
