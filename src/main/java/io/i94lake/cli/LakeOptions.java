package io.i94lake.cli;

import io.i94lake.engine.EngineChoice;
import io.i94lake.engine.DuckDbSettings;
import io.i94lake.engine.Engines;
import io.i94lake.engine.LakeReading;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeCatalog;
import io.i94lake.lake.LakeSession;
import io.i94lake.lake.S3Settings;
import io.i94lake.pipeline.LakeRecovery;
import java.io.PrintWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command shares: where the lake is (and for S3, how to reach it), which Spark to use, how much to log. */
public final class LakeOptions {
  @Option(names = "--lake", paramLabel = "PATH", defaultValue = "lake",
      description = "The lake folder or URI (default: ${DEFAULT-VALUE}).")
  public String lake;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*], local[N] or a cluster URL such as spark://127.0.0.1:7077 "
          + "(default: the one spark-submit sets, else " + LakeSession.LOCAL_MASTER + ").")
  public String master;

  @Option(names = "--verbose", description = "Log what Spark, Hadoop and Iceberg do (INFO level).")
  public boolean verbose;

  @Option(names = "--catalog-uri", paramLabel = "JDBC_URL",
      description = "For a lake on S3: the database of its Iceberg catalog, jdbc:sqlite:FILE or jdbc:postgresql://host:port/db"
          + "?user=U&password=P (default: jdbc:sqlite:~/.i94lake/catalog.sqlite).")
  public String catalogUri;

  @Option(names = "--duckdb-threads", paramLabel = "N", defaultValue = "0",
      description = "The threads DuckDB gives a query (default: one per core).")
  public int duckDbThreads;

  @Option(names = "--duckdb-memory-limit", paramLabel = "SIZE",
      description = "The most memory DuckDB may hold before it spills to disk, such as 4GB (default: 80 %% of the machine's).")
  public String duckDbMemoryLimit;

  @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3 service URL (default: AWS_ENDPOINT_URL, else AWS).")
  public String s3Endpoint;

  @Option(names = "--s3-region", paramLabel = "REGION", description = "S3 region (default: AWS_REGION).")
  public String s3Region;

  @Option(names = "--s3-path-style", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
      description = "Address buckets as ENDPOINT/BUCKET (most S3-compatible servers need it).")
  public Boolean s3PathStyle;

  @Option(names = "--s3-access-key", paramLabel = "KEY", description = "S3 access key (default: AWS_ACCESS_KEY_ID).")
  public String s3AccessKey;

  @Option(names = "--s3-secret-key", paramLabel = "SECRET", description = "S3 secret key (default: AWS_SECRET_ACCESS_KEY).")
  public String s3SecretKey;

  @Option(names = "--s3-session-token", paramLabel = "TOKEN", hidden = true, description = "Default: AWS_SESSION_TOKEN.")
  public String s3SessionToken;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Starts Spark and opens the lake, which must exist already; first puts it right if a writer died (saying so on
   * standard error), unless a run is writing it now.
   */
  public SparkLake openExistingLake() {
    SparkSession spark = startSpark();
    requireLake(LakeCatalog.of(spark, lake), spark.sparkContext().hadoopConfiguration());
    SparkLake opened = SparkLake.open(spark, lake);
    heal(opened.lake());
    return opened;
  }

  /** Opens the lake through its Iceberg catalog alone, without Spark; first puts it right if a writer died. */
  public Lake openLake() {
    Lake opened = openLakeAsItIs();
    heal(opened);
    return opened;
  }

  /**
   * Opens the lake, which must exist already, through its Iceberg catalog alone, without healing it (for commands that
   * take its lock).
   */
  public Lake openLakeAsItIs() {
    Configuration hadoop = new Configuration();
    s3Settings().applyTo(hadoop);
    LakeCatalog catalog = LakeCatalog.of(lake, catalogUri);
    requireLake(catalog, hadoop);
    return Lake.open(catalog, hadoop);
  }

  /**
   * Opens the lake for a reader on DuckDB; when a writer died, the lake is put right first (see {@link #openLake}).
   */
  public LakeReading openForReading() {
    Configuration hadoop = new Configuration();
    s3Settings().applyTo(hadoop);
    LakeReading reading = LakeReading.open(lake, catalogUri, hadoop);
    if (reading.needsHealing()) {
      openLake();
    }
    return reading;
  }

  private void requireLake(LakeCatalog catalog, Configuration hadoop) {
    if (!Lake.exists(catalog, hadoop)) {
      throw new IllegalArgumentException("Cannot open the lake at " + lake + ": there is no lake there yet"
          + (catalog.isJdbc() ? " in catalog " + catalog.describe() + " (name the catalog database with --catalog-uri)" : "")
          + "; build one with `i94lake run` or name another with --lake");
    }
  }

  private void heal(Lake opened) {
    PrintWriter err = command.commandLine().getErr();
    LakeRecovery.beforeReading(opened, message -> {
      err.println("i94lake: " + message);
      err.flush();
    });
  }

  /** Where a run's work is done: the engine asked for, else the default for the lake (see {@link EngineChoice}). */
  public Engines engines(EngineChoice asked) {
    if (engine(asked) == EngineChoice.spark) {
      return Engines.spark(startSpark());
    }
    Configuration hadoop = new Configuration();
    s3Settings().applyTo(hadoop);
    return Engines.duckdb(catalogUri, hadoop, duckDbSettings());
  }

  /** The engine a command runs on: the one asked for, else the default for the lake (see {@link EngineChoice}). */
  public EngineChoice engine(EngineChoice asked) {
    return EngineChoice.resolve(asked, LakeCatalog.of(lake, catalogUri), master);
  }

  /** How much of the machine DuckDB may take; a value it cannot be is a bad command line. */
  public DuckDbSettings duckDbSettings() {
    try {
      return new DuckDbSettings(duckDbThreads, duckDbMemoryLimit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
  }

  public SparkSession startSpark() {
    if (verbose) {
      Configurator.setRootLevel(Level.INFO);
    }
    SparkSession spark = LakeSession.start(master);
    s3Settings().applyTo(spark.sparkContext().hadoopConfiguration());
    if (catalogUri != null) {
      spark.conf().set(LakeCatalog.URI_SETTING, catalogUri);
    } else {
      spark.conf().unset(LakeCatalog.URI_SETTING);
    }
    return spark;
  }

  private S3Settings s3Settings() {
    return new S3Settings(s3Endpoint, s3Region, s3PathStyle, s3AccessKey, s3SecretKey, s3SessionToken);
  }
}
