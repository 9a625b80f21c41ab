package io.i94lake.engine;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeCatalog;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** Opens lakes and starts the engine of a run on one: Spark, or DuckDB in this process. */
public interface Engines {
  /** Opens (and creates when missing) the lake at a folder or URI. */
  Lake open(String location);

  /** The engine of one run on the lake. */
  RunEngine start(Lake lake, String runId);

  /** Spark, local or a cluster. */
  static Engines spark(SparkSession spark) {
    return new Engines() {
      @Override
      public Lake open(String location) {
        return SparkLake.open(spark, location).lake();
      }

      @Override
      public RunEngine start(Lake lake, String runId) {
        return new SparkRunEngine(SparkLake.open(spark, lake.warehouse()), runId);
      }
    };
  }

  /**
   * DuckDB in this process.
   *
   * @param catalogUri the catalog database of a lake on an object store; null for the default
   * @param hadoop the file systems' settings
   * @param settings how much of the machine DuckDB may take
   */
  static Engines duckdb(String catalogUri, Configuration hadoop, DuckDbSettings settings) {
    return new Engines() {
      @Override
      public Lake open(String location) {
        return Lake.open(LakeCatalog.of(location, catalogUri), hadoop);
      }

      @Override
      public RunEngine start(Lake lake, String runId) {
        return new DuckDbRunEngine(lake, hadoop, settings, runId);
      }
    };
  }
}
