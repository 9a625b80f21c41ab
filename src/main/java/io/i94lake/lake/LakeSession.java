package io.i94lake.lake;

import io.i94lake.cluster.ApplicationJars;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the one Spark session of a process, with Iceberg's SQL extensions and quiet defaults. Settings given as
 * {@code spark.*} system properties ({@code spark-submit --conf}, or {@code -D} in {@code I94LAKE_JAVA_OPTS}) win over
 * these defaults, except the Iceberg extensions, which the lake needs.
 */
public final class LakeSession {
  public static final String LOCAL_MASTER = "local[*]";

  private LakeSession() {}

  /** Starts the session on a master; null takes the master spark-submit set, else {@value #LOCAL_MASTER}. */
  public static SparkSession start(String master) {
    String chosen = master != null ? master : System.getProperty("spark.master", LOCAL_MASTER);
    SparkSession.Builder builder = SparkSession.builder()
        .master(chosen)
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
    withDefault(builder, "spark.app.name", "i94lake");
    withDefault(builder, "spark.ui.enabled", "false");
    withDefault(builder, "spark.ui.showConsoleProgress", "false");
    withDefault(builder, "spark.sql.session.timeZone", "UTC");
    // small dimension tables dominate: a few shuffle partitions, adaptive execution merges the rest
    withDefault(builder, "spark.sql.shuffle.partitions", "8");
    withDefault(builder, "spark.sql.adaptive.enabled", "true");
    withDefault(builder, "spark.sql.datetime.java8API.enabled", "true");
    // upper() and lower() through ICU cost a word-break iterator per call; codes here are plain ASCII
    withDefault(builder, "spark.sql.icu.caseMappings.enabled", "false");
    // an executor exits its JVM after this many missed heartbeats: on a saturated machine that killed whole runs
    withDefault(builder, "spark.executor.heartbeat.maxFailures", "1000");
    // executors on Java 24 and later: without it, Netty stops using sun.misc.Unsafe and Iceberg's Arrow buffers fail
    // to start; Java 17 ignores it (the option before it)
    withDefault(builder, "spark.executor.extraJavaOptions",
        "-XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow");
    if (chosen.startsWith("local")) {
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    } else if (!launchedBySparkSubmit()) {
      // executors have Spark only: send them our classes and the libraries Spark lacks, as spark-submit would
      withDefault(builder, "spark.jars", ApplicationJars.forExecutors().stream().map(Path::toString)
          .collect(Collectors.joining(",")));
    }
    return builder.getOrCreate();
  }

  private static boolean launchedBySparkSubmit() {
    return System.getProperty("spark.submit.deployMode") != null;
  }

  private static void withDefault(SparkSession.Builder builder, String key, String value) {
    if (System.getProperty(key) == null) {
      builder.config(key, value);
    }
  }
}
