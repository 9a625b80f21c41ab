package io.i94lake.cli;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeSession;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The options every command shares: where the lake is, which Spark to use, how much to log. */
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

  /** Starts Spark and opens the lake, which must exist already. */
  public Lake openExistingLake() {
    SparkSession spark = startSpark();
    if (!Lake.exists(spark, lake)) {
      throw new IllegalArgumentException("Cannot open the lake at " + lake
          + ": there is no lake there yet; build one with `i94lake run` or name another with --lake");
    }
    return Lake.open(spark, lake);
  }

  public SparkSession startSpark() {
    if (verbose) {
      Configurator.setRootLevel(Level.INFO);
    }
    return LakeSession.start(master);
  }
}
