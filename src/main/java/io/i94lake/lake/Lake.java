package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
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
  private static final Map<String, String> TABLE_PROPERTIES = Map.of(
      "format-version", "2",
      "write.wap.enabled", "true",
      "write.parquet.compression-codec", "zstd",
      // each task writes its rows to the partitions it holds: no shuffle that would funnel a month into one task
      "write.distribution-mode", "none",
      "write.spark.fanout.enabled", "true");

  private final SparkSession spark;
  private final String catalog;
  private final LakeCatalog lakeCatalog;

  private Lake(SparkSession spark, String catalog, LakeCatalog lakeCatalog) {
    this.spark = spark;
    this.catalog = catalog;
    this.lakeCatalog = lakeCatalog;
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
    return new Lake(spark, catalog, lakeCatalog);
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
    if (!hasTable(name)) {
      String properties = TABLE_PROPERTIES.entrySet().stream()
          .map(property -> "'" + property.getKey() + "'='" + property.getValue() + "'")
          .collect(Collectors.joining(", "));
      String partitioning = partitionColumns.isEmpty() ? "" : " PARTITIONED BY (" + String.join(", ", partitionColumns) + ")";
      spark.sql("CREATE TABLE IF NOT EXISTS " + table(name) + " (" + schema.toDDL() + ") USING iceberg"
          + partitioning + " TBLPROPERTIES (" + properties + ")");
      return;
    }
    Table table = icebergTable(name);
    Schema wanted = SparkSchemaUtil.convert(schema);
    if (wanted.columns().stream().anyMatch(column -> table.schema().findField(column.name()) == null)) {
      table.updateSchema().unionByNameWith(wanted).commit();
    }
  }

  /** Moves a table's {@code main} to one of its snapshots, back or forth (a rollback). */
  public void setMain(String name, long snapshotId) {
    icebergTable(name).manageSnapshots().setCurrentSnapshot(snapshotId).commit();
  }

  /** The snapshot that was a table's {@code main} at a time, if the table had one then. */
  public java.util.OptionalLong mainSnapshotAt(String name, java.time.Instant time) {
    Table table = icebergTable(name);
    java.util.OptionalLong found = java.util.OptionalLong.empty();
    for (org.apache.iceberg.HistoryEntry entry : table.history()) {
      if (entry.timestampMillis() <= time.toEpochMilli()) {
        found = java.util.OptionalLong.of(entry.snapshotId());
      }
    }
    return found;
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
