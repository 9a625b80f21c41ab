package io.i94lake.engine;

import io.i94lake.lake.LakeCatalog;

/** Which engine a command runs on. */
public enum EngineChoice {
  /** DuckDB, in this process: the default for a lake on a local folder. */
  duckdb,
  /** Spark: for a lake on S3, a cluster ({@code --master}) or {@code spark-submit}. */
  spark;

  /**
   * The engine asked for, else the default: DuckDB for a lake on a local folder with no Spark master named (on the
   * command line or by spark-submit), Spark otherwise.
   */
  public static EngineChoice resolve(EngineChoice asked, LakeCatalog lake, String master) {
    if (asked != null) {
      return asked;
    }
    boolean sparkNamed = master != null || System.getProperty("spark.master") != null;
    return lake.isJdbc() || sparkNamed ? spark : duckdb;
  }
}
