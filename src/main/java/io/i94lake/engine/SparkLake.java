package io.i94lake.engine;

import static org.apache.spark.sql.functions.lit;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.LakeCatalog;
import io.i94lake.lake.PublishedRun;
import io.i94lake.lake.TableWrite;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;

/**
 * The lake as Spark sees it: its Iceberg catalog registered in the session (one catalog per lake folder, so that tests
 * can open several lakes in one session) and made the default, so that {@code spark.sql("SELECT … FROM us_state")}
 * reads it; and a run's writes on its audit branch.
 */
public final class SparkLake {
  private static final String DEFAULT_CATALOG = "lake";

  private final SparkSession spark;
  private final String catalog;
  private final Lake lake;

  private SparkLake(SparkSession spark, String catalog, Lake lake) {
    this.spark = spark;
    this.catalog = catalog;
    this.lake = lake;
  }

  /** Opens (and creates when missing) the lake at a folder or URI, and makes its tables the session's default. */
  public static SparkLake open(SparkSession spark, String location) {
    LakeCatalog lakeCatalog = LakeCatalog.of(spark, location);
    Lake lake = Lake.open(lakeCatalog, spark.sparkContext().hadoopConfiguration());
    String catalog = catalogFor(spark, lakeCatalog.warehouse());
    String prefix = "spark.sql.catalog." + catalog;
    spark.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
    lakeCatalog.sparkOptions().forEach((key, value) -> spark.conf().set(prefix + "." + key, value));
    // every read sees the newest commit, also in a long-running process
    spark.conf().set(prefix + ".cache-enabled", "false");
    spark.sql("USE " + catalog + "." + Lake.NAMESPACE);
    return new SparkLake(spark, catalog, lake);
  }

  /** True when a lake with the i94 namespace exists at the location (for an object store: in its catalog). */
  public static boolean exists(SparkSession spark, String location) {
    return Lake.exists(LakeCatalog.of(spark, location), spark.sparkContext().hadoopConfiguration());
  }

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

  public Lake lake() {
    return lake;
  }

  /** The fully qualified name of a lake table, e.g. {@code lake.i94.us_state}. */
  public String table(String name) {
    return catalog + "." + Lake.NAMESPACE + "." + name;
  }

  /** A table at {@code main}. */
  public Dataset<Row> read(String name) {
    return spark.table(table(name));
  }

  /** A table as readers see it: at the published run's snapshot (at {@code main} in a lake older than the pointer). */
  public Dataset<Row> readPublished(String name) {
    return readAsPublished(lake.published(), name);
  }

  /** A table as a published run left it, read at {@code main} when there is none (a lake older than the pointer). */
  public Dataset<Row> readAsPublished(Optional<PublishedRun> published, String name) {
    return published.isPresent() && published.get().has(name) ? readAt(name, published.get().snapshot(name)) : read(name);
  }

  /** A table at one of its snapshots. */
  public Dataset<Row> readAt(String name, long snapshotId) {
    return spark.read().option("versionAsOf", snapshotId).table(table(name));
  }

  /** A table as a run has written it so far (its audit branch), or as published when the run did not write it. */
  public Dataset<Row> read(LakeAudit audit, String name) {
    return audit.wrote(name)
        ? spark.read().option("branch", audit.branch()).table(table(name))
        : readAsPublished(audit.published(), name);
  }

  /** Replaces the whole table on the run's branch in one commit. */
  public TableWrite replace(LakeAudit audit, String name, Dataset<Row> rows) {
    return write(audit, name, rows, List.of(), writer -> writer.overwrite(lit(true)));
  }

  /** Replaces on the run's branch, in one commit, exactly the partitions present in {@code rows}. */
  public TableWrite overwritePartitions(LakeAudit audit, String name, Dataset<Row> rows, List<String> partitionColumns) {
    return write(audit, name, rows, partitionColumns, DataFrameWriterV2::overwritePartitions);
  }

  /** Replaces on the run's branch, in one commit, the rows matching {@code condition} (a filter on partition columns). */
  public TableWrite overwriteWhere(LakeAudit audit, String name, Dataset<Row> rows, Column condition, List<String> partitionColumns) {
    return write(audit, name, rows, partitionColumns, writer -> writer.overwrite(condition));
  }

  private interface BranchWrite {
    void write(DataFrameWriterV2<Row> writer) throws NoSuchTableException;
  }

  private TableWrite write(LakeAudit audit, String name, Dataset<Row> rows, List<String> partitionColumns, BranchWrite write) {
    long started = System.nanoTime();
    audit.open(name, SparkSchemaUtil.convert(rows.schema()), partitionColumns);
    try {
      write.write(rows.writeTo(table(name) + ".branch_" + audit.branch()));
    } catch (NoSuchTableException e) {
      throw new PipelineException(FailureCategory.WRITE_FAILED, "Cannot write " + table(name) + ": the table vanished", e);
    }
    return audit.written(name, started);
  }
}
