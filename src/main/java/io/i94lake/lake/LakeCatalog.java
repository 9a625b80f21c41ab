package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.BaseMetastoreCatalog;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.spark.sql.SparkSession;

/**
 * Where a lake keeps the pointer to each table's current metadata, chosen from the lake's location.
 * <ul>
 *   <li>A local folder: Iceberg's Hadoop catalog in the folder itself (a commit renames a metadata file, which is
 *   atomic on a local disk or HDFS).</li>
 *   <li>An object store ({@code s3a://bucket/prefix}): S3 has no atomic rename, so a commit swaps the pointer in a
 *   database row instead: Iceberg's JDBC catalog, on an SQLite file on this machine by default
 *   ({@link #DEFAULT_SQLITE_FILE}) or on a database teams share ({@code jdbc:postgresql://…}).</li>
 * </ul>
 * In a JDBC catalog the lake's rows are keyed by its location, so one catalog database can hold many lakes.
 *
 * @param warehouse the lake's absolute folder or URI ({@code s3a://…})
 * @param jdbcUri the JDBC catalog's database; null for a local folder
 */
public record LakeCatalog(String warehouse, String jdbcUri) {
  /** The session setting naming the JDBC catalog database of object-store lakes (set by the command line). */
  public static final String URI_SETTING = "spark.i94lake.catalog-uri";
  /** The SQLite catalog used when no catalog database is named: below the user's home, shared by all their lakes. */
  public static final Path DEFAULT_SQLITE_FILE = Path.of(System.getProperty("user.home"), ".i94lake", "catalog.sqlite");

  public LakeCatalog {
    requireNonNull(warehouse, "warehouse is null");
    if (jdbcUri != null && !jdbcUri.startsWith("jdbc:")) {
      throw new IllegalArgumentException("Cannot use catalog database '" + jdbcUri
          + "': expected a JDBC URL such as jdbc:sqlite:/path/catalog.sqlite or jdbc:postgresql://host:5432/db");
    }
  }

  /** The catalog of a lake location: the Hadoop catalog for a folder, else the session's JDBC catalog database. */
  public static LakeCatalog of(SparkSession spark, String location) {
    return of(location, spark.conf().get(URI_SETTING, null));
  }

  /**
   * The catalog of a lake location: the Hadoop catalog for a folder, else a JDBC catalog database.
   *
   * @param catalogUri the database of an object-store lake's catalog; null for the default SQLite file
   */
  public static LakeCatalog of(String location, String catalogUri) {
    String warehouse = Lake.warehouse(location);
    if (!isObjectStore(warehouse)) {
      if (Files.isRegularFile(Path.of(warehouse))) {
        throw new IllegalArgumentException("Cannot open the lake at " + location + ": it is a file, not a folder; name a lake "
            + "folder (or a new folder to make one) with --lake");
      }
      return new LakeCatalog(warehouse, null);
    }
    return new LakeCatalog(warehouse, catalogUri == null || catalogUri.isBlank() ? "jdbc:sqlite:" + DEFAULT_SQLITE_FILE : catalogUri);
  }

  /** The Iceberg catalog itself, without Spark (for a lake on an object store, S3 settings go in {@code hadoop}). */
  public Catalog open(Configuration hadoop) {
    Map<String, String> options = sparkOptions();
    options.remove("type");
    options.remove("catalog-impl");
    BaseMetastoreCatalog catalog;
    if (isJdbc()) {
      // Iceberg's own Configurable, not Hadoop's: the JDBC catalog hands the configuration to its FileIO (s3a)
      LakeJdbcCatalog jdbcCatalog = new LakeJdbcCatalog();
      jdbcCatalog.setConf(hadoop);
      catalog = jdbcCatalog;
    } else {
      HadoopCatalog hadoopCatalog = new HadoopCatalog();
      hadoopCatalog.setConf(hadoop);
      catalog = hadoopCatalog;
    }
    catalog.initialize("lake", options);
    return catalog;
  }

  /** True when the lake's i94 namespace is there (for an object store: in its catalog). */
  public boolean exists(Catalog catalog) {
    return ((SupportsNamespaces) catalog).namespaceExists(Namespace.of(Lake.NAMESPACE));
  }

  /**
   * Refuses a lake folder copied from another (Iceberg metadata names files by absolute path: the copy would read and
   * write the original's files).
   */
  public void requireOwnFiles(Catalog catalog, String location) {
    if (isJdbc()) {
      return;
    }
    List<TableIdentifier> tables = catalog.listTables(Namespace.of(Lake.NAMESPACE));
    if (tables.isEmpty()) {
      return;
    }
    String tableLocation = catalog.loadTable(tables.get(0)).location().replaceFirst("^file:", "");
    if (!tableLocation.startsWith(warehouse + "/")) {
      throw new IllegalArgumentException("Cannot open the lake at " + location + ": it is a copy of the lake at "
          + tableLocation.substring(0, Math.max(0, tableLocation.indexOf("/" + Lake.NAMESPACE + "/")))
          + " (Iceberg metadata names files by absolute path, so writing here would change that lake); use that lake,"
          + " or load a new lake here with `i94lake run --lake " + location + "` into an empty folder");
    }
  }

  static boolean isObjectStore(String warehouse) {
    return warehouse.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") && !warehouse.startsWith("file:") && !warehouse.startsWith("hdfs:");
  }

  public boolean isJdbc() {
    return jdbcUri != null;
  }

  /** The options of Iceberg's SparkCatalog for this lake. */
  public Map<String, String> sparkOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("warehouse", warehouse);
    if (!isJdbc()) {
      options.put("type", "hadoop");
      return options;
    }
    options.put("catalog-impl", LakeJdbcCatalog.class.getName());
    options.put("uri", jdbcUri);
    options.put(LakeJdbcCatalog.LAKE_NAME, warehouse);
    // V1 knows views: without it Spark's table lookups fail asking whether a name is a view
    options.put("jdbc.schema-version", "V1");
    if (jdbcUri.startsWith("jdbc:sqlite:")) {
      // commits of tables written at the same time wait for each other instead of failing with SQLITE_BUSY
      options.put("jdbc.busy_timeout", "60000");
      options.put("jdbc.journal_mode", "WAL");
      createSqliteFolder();
    }
    return options;
  }

  /** A connection to the catalog database (the run lock of an object-store lake lives there). */
  Connection connect() throws SQLException {
    if (!isJdbc()) {
      throw new IllegalStateException("The lake at " + warehouse + " has no catalog database: it is a local folder");
    }
    createSqliteFolder();
    Connection connection = DriverManager.getConnection(jdbcUri);
    if (jdbcUri.startsWith("jdbc:sqlite:")) {
      try (var statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 60000");
      }
    }
    return connection;
  }

  /** The catalog database without its password, for messages. */
  public String describe() {
    return isJdbc() ? jdbcUri.replaceAll("(?i)(password=)[^&;]*", "$1***") : "Hadoop catalog in " + warehouse;
  }

  private void createSqliteFolder() {
    String file = jdbcUri.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
    if (!jdbcUri.startsWith("jdbc:sqlite:") || file.isEmpty() || file.startsWith(":memory:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the folder of the lake catalog " + file, e);
    }
  }
}
