package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expression;

/**
 * The lake: an Iceberg catalog ({@link LakeCatalog}: a Hadoop catalog on a lake folder, a JDBC catalog for a lake on
 * S3) with the namespace {@code i94}.
 * With {@link LakeAudit}, the only code that writes or commits tables.
 */
public final class Lake {
  public static final String NAMESPACE = "i94";
  /** Every table keeps its last metadata files only: older ones go at each commit (snapshots stay: see maintain). */
  static final Map<String, String> METADATA_PROPERTIES = Map.of(
      "write.metadata.delete-after-commit.enabled", "true",
      "write.metadata.previous-versions-max", "5");
  /** The properties of every new table. */
  static final Map<String, String> NEW_TABLE_PROPERTIES = joined(METADATA_PROPERTIES, Map.of("format-version", "2"));
  /** The properties of every table a run writes (made by {@link IcebergTables}). */
  static final Map<String, String> TABLE_PROPERTIES = joined(NEW_TABLE_PROPERTIES, Map.of(
      "write.wap.enabled", "true",
      "write.parquet.compression-codec", "zstd",
      // each task writes its rows to the partitions it holds: no shuffle that would funnel a month into one task
      "write.distribution-mode", "none",
      "write.spark.fanout.enabled", "true"));
  // a test stops a publish between its steps for this long, to kill it there
  private static final long PUBLISH_PAUSE_MILLIS = Long.getLong("i94lake.test.publish-pause-millis", 0);

  private final LakeCatalog lakeCatalog;
  private final Catalog catalog;

  private Lake(LakeCatalog lakeCatalog, Catalog catalog) {
    this.lakeCatalog = lakeCatalog;
    this.catalog = catalog;
  }

  private static Map<String, String> joined(Map<String, String> first, Map<String, String> second) {
    Map<String, String> all = new TreeMap<>(first);
    all.putAll(second);
    return Map.copyOf(all);
  }

  /**
   * Opens (and creates when missing) the lake of a catalog: a folder keeps a Hadoop catalog; an object store
   * ({@code s3://}, {@code s3a://}) Iceberg's JDBC catalog (see {@link LakeCatalog}).
   *
   * @param hadoop the file systems' settings (S3 endpoint and keys)
   */
  public static Lake open(LakeCatalog lakeCatalog, Configuration hadoop) {
    Catalog catalog = lakeCatalog.open(hadoop);
    Namespace namespace = Namespace.of(NAMESPACE);
    SupportsNamespaces namespaces = (SupportsNamespaces) catalog;
    if (!namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException madeMeanwhile) {
        // by another writer
      }
    }
    lakeCatalog.requireOwnFiles(catalog, lakeCatalog.warehouse());
    return new Lake(lakeCatalog, catalog);
  }

  /** True when a lake with the i94 namespace exists there (for an object store: in its catalog). */
  public static boolean exists(LakeCatalog lakeCatalog, Configuration hadoop) {
    return lakeCatalog.exists(lakeCatalog.open(hadoop));
  }

  /** A lake folder as the absolute location Iceberg stores; URIs such as s3a://bucket/prefix stay as given. */
  static String warehouse(String location) {
    requireNonNull(location, "lake location is null");
    URI uri = URI.create(location.replace(" ", "%20"));
    if (uri.getScheme() != null && uri.getScheme().length() > 1) {
      return location.startsWith("s3://") ? "s3a://" + location.substring("s3://".length()) : location;
    }
    return Paths.get(location).toAbsolutePath().normalize().toString();
  }

  public String warehouse() {
    return lakeCatalog.warehouse();
  }

  /** How the lake's tables are catalogued: a Hadoop catalog in its folder, or a JDBC catalog database. */
  public LakeCatalog catalog() {
    return lakeCatalog;
  }

  public boolean hasTable(String name) {
    return catalog.tableExists(TableIdentifier.of(NAMESPACE, name));
  }

  public List<String> tableNames() {
    return catalog.listTables(Namespace.of(NAMESPACE)).stream().map(TableIdentifier::name).toList();
  }

  /**
   * Starts (or, for a resumed run, goes on) writing a run's tables on its audit branch: nothing written through it
   * is visible on {@code main} until {@link LakeAudit#publish()}.
   */
  public LakeAudit audit(String runId) {
    return new LakeAudit(this, auditBranch(runId));
  }

  /** Goes on writing on the audit branch of a failed run that is resumed. */
  public LakeAudit resumeAudit(String branch) {
    return new LakeAudit(this, branch);
  }

  /** The branch a run writes on: {@code audit_20261125T170102Z_3fa9c1}. */
  public static String auditBranch(String runId) {
    return "audit_" + runId.replaceAll("[^A-Za-z0-9]", "_");
  }

  /**
   * Creates the table (empty, with write-audit-publish on) when it is missing, and adds to it the columns of
   * {@code schema} it lacks: a newer version of a table gains columns without losing its history.
   */
  public synchronized Table ensureTable(String name, Schema schema, List<String> partitionColumns) {
    return IcebergTables.ensure(catalog, name, schema, partitionColumns);
  }

  /** Adds rows to a table on {@code main} in one commit, outside any run's audit (the run history). */
  public void append(String name, Schema schema, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Table table = ensureTable(name, schema, List.of());
    table.newAppend().appendFile(RecordFiles.write(table, "rows", rows)).commit();
  }

  /** The rows of a table on {@code main} that match a filter, by column name; none when it does not exist. */
  public List<Map<String, Object>> rows(String name, Expression filter) {
    return hasTable(name) ? RecordFiles.read(icebergTable(name), null, filter) : List.of();
  }

  /** The lake's published-run pointer: what readers see. */
  public PublishedPointer pointer() {
    return new PublishedPointer(icebergCatalog(), NAMESPACE);
  }

  /** The run readers see now; empty before the first publish. */
  public Optional<PublishedRun> published() {
    return pointer().current();
  }

  /**
   * Publishes a run: first the pointer, in one atomic commit (from then on every reader of ours sees the whole run),
   * then {@code main} of each table it changed, for outside engines, dropping the run's audit branch. A crash between
   * the two leaves {@code main} behind the pointer, which {@link #repairMains} puts right.
   *
   * @return the tables whose {@code main} could not be moved now (the next command that takes the lock moves them)
   */
  public List<String> publish(String runId, Map<String, Long> snapshots, String auditBranch) {
    pauseForTest();
    pointer().commit(runId, snapshots);
    pauseForTest();
    List<String> notMoved = new ArrayList<>();
    for (Map.Entry<String, Long> table : snapshots.entrySet()) {
      try {
        if (moveMain(table.getKey(), table.getValue(), auditBranch)) {
          pauseForTest();
        }
      } catch (RuntimeException e) {
        notMoved.add(table.getKey() + " (" + e.getMessage() + ")");
      }
    }
    return notMoved;
  }

  /**
   * Moves {@code main} of every table whose {@code main} is not what the pointer names (a publish that stopped half
   * way) to the pointer's snapshot; to be called while holding the lake's lock. A table whose published snapshot is
   * gone (dropped and made again outside i94lake) cannot be moved back: {@code check} reports it.
   *
   * @return the tables moved, with the snapshot each now has
   */
  public Map<String, Long> repairMains() {
    Map<String, Long> repaired = mainsOutOfStep();
    String branch = published().map(run -> auditBranch(run.runId())).orElse(null);
    repaired.forEach((name, snapshot) -> moveMain(name, snapshot, branch));
    return repaired;
  }

  /** The tables whose {@code main} is not at the published snapshot, and can be moved there, with that snapshot. */
  public Map<String, Long> mainsOutOfStep() {
    Map<String, Long> outOfStep = new TreeMap<>();
    published().ifPresent(run -> run.snapshots().forEach((name, snapshot) -> {
      Table table = hasTable(name) ? icebergTable(name) : null;
      if (table != null && table.snapshot(snapshot) != null
          && (table.currentSnapshot() == null || table.currentSnapshot().snapshotId() != snapshot)) {
        outOfStep.put(name, snapshot);
      }
    }));
    return outOfStep;
  }

  /** The tables whose published snapshot is gone (dropped and made again, or its snapshots expired, outside i94lake). */
  public List<String> publishedSnapshotsGone() {
    return published().map(run -> run.snapshots().entrySet().stream()
        .filter(entry -> !hasTable(entry.getKey()) || icebergTable(entry.getKey()).snapshot(entry.getValue()) == null)
        .map(Map.Entry::getKey).toList()).orElse(List.of());
  }

  /**
   * A table's snapshot as a published run left it, unless the table was dropped and made again outside i94lake since;
   * empty when the run did not publish it.
   */
  public Optional<Snapshot> publishedSnapshot(Optional<PublishedRun> published, String table) {
    if (published.isEmpty() || !published.get().has(table) || !hasTable(table)) {
      return Optional.empty();
    }
    return Optional.ofNullable(icebergTable(table).snapshot(published.get().snapshot(table)));
  }

  /** The {@code main} snapshot of each of these tables that has one. */
  public Map<String, Long> mainSnapshots(List<String> names) {
    Map<String, Long> snapshots = new TreeMap<>();
    for (String name : names) {
      Snapshot main = hasTable(name) ? icebergTable(name).currentSnapshot() : null;
      if (main != null) {
        snapshots.put(name, main.snapshotId());
      }
    }
    return snapshots;
  }

  // one commit: main to the snapshot, and the branch it came from dropped
  private boolean moveMain(String name, long snapshotId, String auditBranch) {
    Table table = icebergTable(name);
    Snapshot main = table.currentSnapshot();
    boolean move = main == null || main.snapshotId() != snapshotId;
    boolean dropBranch = auditBranch != null && table.refs().containsKey(auditBranch);
    if (!move && !dropBranch) {
      return false;
    }
    var changes = table.manageSnapshots();
    if (move) {
      changes.setCurrentSnapshot(snapshotId);
    }
    if (dropBranch) {
      changes.removeBranch(auditBranch);
    }
    changes.commit();
    return move;
  }

  private static void pauseForTest() {
    if (PUBLISH_PAUSE_MILLIS > 0) {
      System.out.println("publish step");
      System.out.flush();
      try {
        Thread.sleep(PUBLISH_PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The Iceberg catalog the lake's tables are in. */
  public Catalog icebergCatalog() {
    return catalog;
  }

  public Table icebergTable(String name) {
    try {
      return catalog.loadTable(TableIdentifier.of(NAMESPACE, name));
    } catch (NoSuchTableException e) {
      throw new IllegalArgumentException("Cannot load lake table " + NAMESPACE + "." + name + ": there is no such table", e);
    }
  }
}
