package io.i94lake.pipeline;

import io.i94lake.lake.Lake;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** Reading the lake as it was: every table's unqualified name points at its past snapshot. */
public final class TimeTravel {
  private TimeTravel() {}

  /**
   * Registers temporary views named like the tables, so that {@code SELECT * FROM immigration} reads the snapshot
   * a run published, or the one that was {@code main} at a time. Tables that did not exist then are left out.
   *
   * @return the snapshot each view reads
   */
  public static Map<String, Long> viewTablesAsOf(Lake lake, String runIdOrTime) {
    Map<String, Long> snapshots = new TreeMap<>();
    Row run = new RunHistory(lake).run(runIdOrTime).orElse(null);
    if (run != null && run.getAs("published_snapshots") != null) {
      snapshots.putAll(RunHistory.snapshots(run.getAs("published_snapshots")));
    } else {
      Instant time = Rollback.time(runIdOrTime);
      for (String table : lake.tableNames()) {
        OptionalLong snapshot = lake.mainSnapshotAt(table, time);
        snapshot.ifPresent(id -> snapshots.put(table, id));
      }
    }
    snapshots.forEach((table, snapshot) -> lake.spark().sql("CREATE OR REPLACE TEMPORARY VIEW " + table
        + " AS SELECT * FROM " + lake.table(table) + " VERSION AS OF " + snapshot));
    return snapshots;
  }
}
