package io.i94lake.pipeline;

import io.i94lake.core.PointInTime;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.Lake;
import io.i94lake.lake.PublishedPointer;
import io.i94lake.lake.PublishedRun;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reading the lake as a run published it: every table's unqualified name points at that run's snapshot. */
public final class TimeTravel {
  private TimeTravel() {}

  /**
   * Registers temporary views named like the tables, so that {@code SELECT * FROM immigration} reads what readers
   * see now (the published-run pointer), or, with a target, what a run published or what was published at a time.
   *
   * @param runIdOrTime null for now
   * @return the snapshot each view reads
   */
  public static Map<String, Long> viewTables(SparkLake lake, String runIdOrTime) {
    Map<String, Long> snapshots = runIdOrTime == null
        ? lake.lake().published().map(PublishedRun::snapshots).orElse(Map.of())
        : publishedAsOf(lake.lake(), runIdOrTime);
    snapshots.forEach((table, snapshot) -> lake.spark().sql("CREATE OR REPLACE TEMPORARY VIEW " + table
        + " AS SELECT * FROM " + lake.table(table) + " VERSION AS OF " + snapshot));
    return snapshots;
  }

  /**
   * The snapshots a run published (while the pointer keeps it, else as the run history recorded them), or those
   * published at a time (an ISO instant, or a local date-time taken as UTC).
   */
  public static Map<String, Long> publishedAsOf(Lake lake, String runIdOrTime) {
    Optional<PublishedRun> kept = lake.pointer().ofRun(runIdOrTime);
    if (kept.isPresent()) {
      return kept.get().snapshots();
    }
    RunRecord run = new RunHistory(lake).run(runIdOrTime).orElse(null);
    if (run != null) {
      String published = run.publishedSnapshots();
      if (published == null) {
        throw new IllegalArgumentException("Cannot read the lake as of run " + runIdOrTime + ": it published nothing (it "
            + run.state().toLowerCase() + ")");
      }
      return new TreeMap<>(RunHistory.snapshots(published));
    }
    return lake.pointer().at(PointInTime.parse(runIdOrTime)).map(PublishedRun::snapshots)
        .orElseThrow(() -> PublishedPointer.nothingPublished(runIdOrTime));
  }
}
