package io.i94lake.lake;

import org.apache.spark.sql.SparkSession;

/** Starts the one Spark session of a process, with Iceberg's SQL extensions and quiet defaults. */
public final class LakeSession {
  public static final String LOCAL_MASTER = "local[*]";

  private LakeSession() {}

  public static SparkSession start(String master) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("i94lake")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.session.timeZone", "UTC")
        // small dimension tables dominate: a few shuffle partitions, adaptive execution merges the rest
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.datetime.java8API.enabled", "true")
        // upper() and lower() through ICU cost a word-break iterator per call; codes here are plain ASCII
        .config("spark.sql.icu.caseMappings.enabled", "false");
    if (master.startsWith("local")) {
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }
}
