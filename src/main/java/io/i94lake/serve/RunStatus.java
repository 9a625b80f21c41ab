package io.i94lake.serve;

import io.i94lake.core.TableCatalog;
import io.i94lake.engine.DuckDbReader;
import io.i94lake.engine.DuckDbSettings;
import io.i94lake.engine.LakeReading;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/** The last runs of the history with their checks, read with DuckDB at one snapshot of {@code runs} and {@code run_checks}. */
record RunStatus(Snapshots snapshots, List<Map<String, Object>> runs) {
  static final int RUNS_SHOWN = 20;
  /** The columns of a run shown, in order (a history written by an older i94lake lacks some: they are null). */
  static final List<String> RUN_COLUMNS = List.of("run_id", "trigger", "state", "months", "started_at", "ended_at", "seconds",
      "rows_in", "rows_written", "rows_rejected", "checks_failed", "failure_category", "error", "published_snapshots",
      "audit_branch", "note");
  private static final String LAST_RUNS = " FROM runs ORDER BY started_at DESC LIMIT " + RUNS_SHOWN;

  /** The history tables as they are now, each at its current snapshot; empty when a table has none. */
  record Snapshots(Optional<Table> runs, Optional<Table> checks) {
    static Snapshots of(LakeReading lake) {
      return new Snapshots(withSnapshot(lake, TableCatalog.RUNS.name()), withSnapshot(lake, TableCatalog.RUN_CHECKS.name()));
    }

    private static Optional<Table> withSnapshot(LakeReading lake, String name) {
      return lake.table(name).filter(table -> table.currentSnapshot() != null);
    }

    private Map<Table, Long> tables() {
      Map<Table, Long> tables = new LinkedHashMap<>();
      runs.ifPresent(table -> tables.put(table, table.currentSnapshot().snapshotId()));
      checks.ifPresent(table -> tables.put(table, table.currentSnapshot().snapshotId()));
      return tables;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Snapshots that && ids().equals(that.ids());
    }

    @Override
    public int hashCode() {
      return ids().hashCode();
    }

    private List<Long> ids() {
      return List.of(runs.map(Table::currentSnapshot).map(Snapshot::snapshotId).orElse(-1L),
          checks.map(Table::currentSnapshot).map(Snapshot::snapshotId).orElse(-1L));
    }
  }

  static RunStatus read(LakeReading lake, Snapshots snapshots) {
    if (snapshots.runs().isEmpty()) {
      return new RunStatus(snapshots, List.of());
    }
    try (DuckDbReader reader = DuckDbReader.open(snapshots.tables(), new DuckDbSettings(1, null))) {
      List<Map<String, Object>> runs;
      try (ResultSet result = reader.query("SELECT " + runColumns(snapshots.runs().get()) + LAST_RUNS)) {
        runs = ServedQueries.rows(result);
      }
      Map<String, List<Map<String, Object>>> checks = Map.of();
      if (snapshots.checks().isPresent()) {
        try (ResultSet result = reader.query("SELECT * FROM run_checks WHERE run_id IN (SELECT run_id" + LAST_RUNS + ") "
            + "ORDER BY run_id, table_name, check_name")) {
          checks = ServedQueries.rows(result).stream().collect(Collectors.groupingBy(check -> (String) check.remove("run_id"),
              LinkedHashMap::new, Collectors.toList()));
        }
      }
      for (Map<String, Object> run : runs) {
        List<Map<String, Object>> runChecks = checks.getOrDefault(run.get("run_id"), List.of());
        run.put("checks_passed", runChecks.stream().filter(check -> Boolean.TRUE.equals(check.get("passed"))).count());
        run.put("checks", runChecks);
      }
      return new RunStatus(snapshots, runs);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the run history of the lake at " + lake.warehouse() + ": " + e.getMessage(), e);
    }
  }

  private static String runColumns(Table runs) {
    return RUN_COLUMNS.stream().map(column -> runs.schema().findField(column) == null ? "NULL AS " + column : column)
        .collect(Collectors.joining(", "));
  }
}
