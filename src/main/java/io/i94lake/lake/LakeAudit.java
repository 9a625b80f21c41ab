package io.i94lake.lake;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;

/**
 * A run's writes, made on an Iceberg branch of each table they touch (write-audit-publish). Readers keep seeing
 * what the published-run pointer names; checks read the branch; {@link #publish} points readers
 * at the branches of every touched table in one commit. A run that fails keeps its branches, for a look at what it
 * wrote and for {@code run --resume}.
 */
public final class LakeAudit {
  public static final String MAIN = "main";

  private final Lake lake;
  private final String branch;
  private final Set<String> touched = ConcurrentHashMap.newKeySet();
  // what readers see does not change while the run holds the lake's lock
  private final Optional<PublishedRun> published;

  LakeAudit(Lake lake, String branch) {
    this.lake = lake;
    this.branch = branch;
    this.published = lake.published();
    // a resumed run goes on writing the branches its first attempt made
    for (String name : lake.tableNames()) {
      if (lake.icebergTable(name).refs().containsKey(branch)) {
        touched.add(name);
      }
    }
  }

  public String branch() {
    return branch;
  }

  /**
   * Makes a table ready for a write on the branch: created when missing (see {@link Lake#ensureTable}), its branch
   * made from {@code main} when this run has not written it yet.
   */
  public Table open(String name, Schema schema, List<String> partitionColumns) {
    Table table = lake.ensureTable(name, schema, partitionColumns);
    openBranch(name);
    return table;
  }

  /** What the last write on the branch did to a table (opened with {@link #open}), timed from {@code startedNanos}. */
  public TableWrite written(String name, long startedNanos) {
    Table table = lake.icebergTable(name);
    Snapshot snapshot = table.snapshot(table.refs().get(branch).snapshotId());
    long rowsWritten = Long.parseLong(snapshot.summary().getOrDefault("added-records", "0"));
    return new TableWrite(name, rowsWritten, snapshot.snapshotId(), Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /** True when this run wrote the table: checks read its branch, else what is published. */
  public boolean wrote(String name) {
    return touched.contains(name);
  }

  /** What readers saw when the run started (it does not change while the run holds the lake's lock). */
  public Optional<PublishedRun> published() {
    return published;
  }

  /** The tables this run wrote. */
  public Set<String> tables() {
    return Set.copyOf(touched);
  }

  /**
   * Publishes the run: the published-run pointer names the branch tip of every table written (and the published
   * snapshot of the others), in one commit; then each table's {@code main} follows and the branches are dropped.
   *
   * @return the published snapshot of each table the run wrote
   */
  public Map<String, Long> publish(String runId, Consumer<String> progress) {
    Map<String, Long> snapshots = new TreeMap<>(published.map(PublishedRun::snapshots).orElse(Map.of()));
    Map<String, Long> written = new TreeMap<>();
    for (String name : touched) {
      written.put(name, lake.icebergTable(name).refs().get(branch).snapshotId());
    }
    snapshots.putAll(written);
    try {
      List<String> notMoved = lake.publish(runId, snapshots, branch);
      notMoved.forEach(table -> progress.accept("main of " + table + " not moved yet: the next command moves it"));
    } catch (RuntimeException e) {
      throw new PipelineException(FailureCategory.COMMIT_CONFLICT, "Cannot publish run " + runId + " (branch " + branch + "): "
          + e.getMessage() + "; readers still see the run published before", e);
    }
    return written;
  }

  // the branch starts where main is now
  private synchronized void openBranch(String name) {
    if (touched.contains(name)) {
      return;
    }
    Table table = lake.icebergTable(name);
    Map<String, SnapshotRef> refs = table.refs();
    if (!refs.containsKey(branch)) {
      Snapshot main = table.currentSnapshot();
      var branches = table.manageSnapshots();
      (main == null ? branches.createBranch(branch) : branches.createBranch(branch, main.snapshotId())).commit();
    }
    touched.add(name);
  }
}
