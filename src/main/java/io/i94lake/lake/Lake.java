package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.types.StructType;

/**
 * The lake: an Iceberg catalog ({@link LakeCatalog}: a Hadoop catalog on a lake folder, a JDBC catalog for a lake on
 * S3) with the namespace {@code i94}.
 * With {@link LakeAudit}, the only code that writes or commits tables.
 */
public final class Lake {
  public static final String NAMESPACE = "i94";
  private static final String DEFAULT_CATALOG = "lake";
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

  private final SparkSession spark;
  private final String catalog;
  private final LakeCatalog lakeCatalog;

  private Lake(SparkSession spark, String catalog, LakeCatalog lakeCatalog) {
    this.spark = spark;
    this.catalog = catalog;
    this.lakeCatalog = lakeCatalog;
  }

  private static Map<String, String> joined(Map<String, String> first, Map<String, String> second) {
    Map<String, String> all = new TreeMap<>(first);
    all.putAll(second);
    return Map.copyOf(all);
  }

  /**
   * Opens (and creates when missing) the lake at a folder or URI, and makes its tables the session's default.
   * A folder keeps a Hadoop catalog; an object store ({@code s3://}, {@code s3a://}) Iceberg's JDBC catalog
   * (see {@link LakeCatalog}).
   */
  public static Lake open(SparkSession spark, String location) {
    LakeCatalog lakeCatalog = LakeCatalog.of(spark, location);
    String catalog = register(spark, lakeCatalog);
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog + "." + NAMESPACE);
    spark.sql("USE " + catalog + "." + NAMESPACE);
    Lake lake = new Lake(spark, catalog, lakeCatalog);
    lakeCatalog.requireOwnFiles(lake.icebergCatalog(), location);
    return lake;
  }

  /** True when a lake with the i94 namespace exists at the location (for an object store: in its catalog). */
  public static boolean exists(SparkSession spark, String location) {
    LakeCatalog lakeCatalog = LakeCatalog.of(spark, location);
    if (lakeCatalog.isJdbc()) {
      String catalog = register(spark, lakeCatalog);
      return !spark.sql("SHOW NAMESPACES IN " + catalog).filter("namespace = '" + NAMESPACE + "'").isEmpty();
    }
    Path namespace = new Path(lakeCatalog.warehouse(), NAMESPACE);
    try {
      FileSystem fileSystem = namespace.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fileSystem.exists(namespace);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for a lake at " + location, e);
    }
  }

  private static String register(SparkSession spark, LakeCatalog lakeCatalog) {
    String catalog = catalogFor(spark, lakeCatalog.warehouse());
    String prefix = "spark.sql.catalog." + catalog;
    spark.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
    lakeCatalog.sparkOptions().forEach((key, value) -> spark.conf().set(prefix + "." + key, value));
    // every read sees the newest commit, also in a long-running process
    spark.conf().set(prefix + ".cache-enabled", "false");
    return catalog;
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

  // one catalog per lake folder, so that tests can open several lakes in one session
  private static String catalogFor(SparkSession spark, String warehouse) {
    for (int index = 0; ; index++) {
      String name = index == 0 ? DEFAULT_CATALOG : DEFAULT_CATALOG + index;
      String registered = spark.conf().get("spark.sql.catalog." + name + ".warehouse", null);
      if (registered == null || registered.equals(warehouse)) {
        return name;
      }
    }
  }

  public SparkSession spark() {
    return spark;
  }

  public String warehouse() {
    return lakeCatalog.warehouse();
  }

  /** How the lake's tables are catalogued: a Hadoop catalog in its folder, or a JDBC catalog database. */
  public LakeCatalog catalog() {
    return lakeCatalog;
  }

  /** The fully qualified name of a lake table, e.g. {@code lake.i94.us_state}. */
  public String table(String name) {
    return catalog + "." + NAMESPACE + "." + name;
  }

  public boolean hasTable(String name) {
    return spark.catalog().tableExists(table(name));
  }

  public Dataset<Row> read(String name) {
    return spark.table(table(name));
  }

  public List<String> tableNames() {
    return spark.sql("SHOW TABLES IN " + catalog + "." + NAMESPACE)
        .select("tableName").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
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
  public synchronized void ensureTable(String name, StructType schema, List<String> partitionColumns) {
    IcebergTables.ensure(icebergCatalog(), name, SparkSchemaUtil.convert(schema), partitionColumns);
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
   * A table as readers see it: at the snapshot of the published run. A lake made before the pointer existed is read
   * at {@code main}.
   */
  public Dataset<Row> readPublished(String name) {
    return readAsPublished(published(), name);
  }

  /** A table as a published run left it, read at {@code main} when there is none (a lake older than the pointer). */
  public Dataset<Row> readAsPublished(Optional<PublishedRun> published, String name) {
    return published.isPresent() && published.get().has(name) ? readAt(name, published.get().snapshot(name)) : read(name);
  }

  /** A table at one of its snapshots. */
  public Dataset<Row> readAt(String name, long snapshotId) {
    return spark.read().option("versionAsOf", snapshotId).table(table(name));
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
    return Spark3Util.loadIcebergCatalog(spark, catalog);
  }

  /** Adds rows to a table on {@code main}, outside any run's audit (the run history). */
  public void append(String name, Dataset<Row> rows) {
    ensureTable(name, rows.schema(), List.of());
    try {
      rows.writeTo(table(name)).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException("Cannot append to " + table(name) + ": the table vanished", e);
    }
  }

  public Table icebergTable(String name) {
    try {
      return Spark3Util.loadIcebergTable(spark, table(name));
    } catch (ParseException | NoSuchTableException e) {
      throw new IllegalArgumentException("Cannot load lake table " + table(name), e);
    }
  }


}
