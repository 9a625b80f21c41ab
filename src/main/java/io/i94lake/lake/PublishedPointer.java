package io.i94lake.lake;

import io.i94lake.core.PointInTime;
import io.i94lake.core.TableCatalog;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;

/**
 * The lake's one published-run pointer: the Iceberg table {@value #TABLE}, one row per lake table with the snapshot
 * readers see. Publishing a run replaces all its rows in one commit, so at any instant it names one whole run; its
 * earlier snapshots are the runs published before, for time travel and rollback. Each table's {@code main} is moved
 * to the pointer afterwards, for engines that read tables directly.
 */
public final class PublishedPointer {
  public static final String TABLE = TableCatalog.PUBLISHED.name();
  private static final String RUN_ID = "i94lake.run-id";
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "table_name", Types.StringType.get()),
      Types.NestedField.required(2, "snapshot_id", Types.LongType.get()),
      Types.NestedField.required(3, "run_id", Types.StringType.get()),
      Types.NestedField.required(4, "published_at", Types.TimestampType.withZone()));

  private final Catalog catalog;
  private final TableIdentifier identifier;

  public PublishedPointer(Catalog catalog, String namespace) {
    this.catalog = catalog;
    this.identifier = TableIdentifier.of(namespace, TABLE);
  }

  /** The run readers see now; empty before the first publish (or in a lake made before the pointer existed). */
  public Optional<PublishedRun> current() {
    return table().flatMap(table -> Optional.ofNullable(table.currentSnapshot()).map(snapshot -> read(table, snapshot)));
  }

  /** Whether a run was ever published (read from the catalog alone). */
  public boolean exists() {
    return table().map(table -> table.currentSnapshot() != null).orElse(false);
  }

  /** What readers saw at a time; empty when nothing was published yet then. */
  public Optional<PublishedRun> at(Instant time) {
    return table().flatMap(table -> {
      Long found = null;
      for (HistoryEntry entry : table.history()) {
        if (entry.timestampMillis() <= time.toEpochMilli() && table.snapshot(entry.snapshotId()) != null) {
          found = entry.snapshotId();
        }
      }
      return Optional.ofNullable(found).map(id -> read(table, table.snapshot(id)));
    });
  }

  /**
   * The last time a run was published (a run id, or a rollback's id), while the pointer still keeps it: found by the
   * run id each pointer snapshot carries, so only that snapshot's rows are read.
   */
  public Optional<PublishedRun> ofRun(String runId) {
    return table().flatMap(table -> {
      Snapshot last = null;
      for (Snapshot snapshot : table.snapshots()) {
        boolean later = last == null || snapshot.timestampMillis() > last.timestampMillis();
        if (runId.equals(snapshot.summary().get(RUN_ID)) && later) {
          last = snapshot;
        }
      }
      return Optional.ofNullable(last).map(snapshot -> read(table, snapshot));
    });
  }

  /** What a run published (while the pointer keeps it), or what was published at a time (see {@link PointInTime}). */
  public Optional<PublishedRun> asOf(String runIdOrTime) {
    Optional<PublishedRun> run = ofRun(runIdOrTime);
    return run.isPresent() ? run : at(PointInTime.parse(runIdOrTime));
  }

  /** The failure of time travel to a run or time the pointer has no publish for. */
  public static IllegalArgumentException nothingPublished(String runIdOrTime) {
    return new IllegalArgumentException("Cannot read the lake as of " + runIdOrTime + ": nothing was published then (or its "
        + "runs have been expired by `i94lake maintain`); see `i94lake runs`");
  }

  /** Every publish the pointer still keeps, most recent first. */
  public List<PublishedRun> history() {
    Optional<Table> pointer = table();
    if (pointer.isEmpty()) {
      return List.of();
    }
    Table table = pointer.get();
    List<PublishedRun> runs = new ArrayList<>();
    List<HistoryEntry> entries = new ArrayList<>(table.history());
    for (int index = entries.size() - 1; index >= 0; index--) {
      Snapshot snapshot = table.snapshot(entries.get(index).snapshotId());
      if (snapshot != null && runs.stream().noneMatch(run -> run.pointerSnapshot() == snapshot.snapshotId())) {
        runs.add(read(table, snapshot));
      }
    }
    return runs;
  }

  /** Publishes: one commit that names the snapshot of every table readers are to see. */
  void commit(String runId, Map<String, Long> snapshots) {
    Table table = table().orElseGet(() -> catalog.createTable(identifier,
        IcebergTables.documented(TABLE, SCHEMA), PartitionSpec.unpartitioned(), Lake.NEW_TABLE_PROPERTIES));
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<Map<String, Object>> rows = new ArrayList<>();
    snapshots.forEach((name, snapshot) ->
        rows.add(Map.of("table_name", name, "snapshot_id", snapshot, "run_id", runId, "published_at", now)));
    DataFile file = RecordFiles.write(table, "published", rows);
    table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue()).addFile(file).set(RUN_ID, runId).commit();
  }

  /** The pointer table, if a run was ever published through it. */
  Optional<Table> table() {
    return catalog.tableExists(identifier) ? Optional.of(catalog.loadTable(identifier)) : Optional.empty();
  }

  private static PublishedRun read(Table table, Snapshot snapshot) {
    Map<String, Long> snapshots = new LinkedHashMap<>();
    Instant publishedAt = Instant.ofEpochMilli(snapshot.timestampMillis());
    for (Map<String, Object> row : RecordFiles.read(table, snapshot.snapshotId(), Expressions.alwaysTrue())) {
      snapshots.put((String) row.get("table_name"), (Long) row.get("snapshot_id"));
      publishedAt = ((OffsetDateTime) row.get("published_at")).toInstant();
    }
    String runId = snapshot.summary().getOrDefault(RUN_ID, "unknown");
    return new PublishedRun(runId, publishedAt, snapshots, snapshot.snapshotId());
  }
}
