package io.i94lake.engine;

import io.i94lake.lake.Compaction;
import io.i94lake.lake.TableUpkeep;
import java.util.function.Supplier;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;

/** Compaction by Spark's bin-packing; Spark starts only when a table has files to compact. */
public record SparkCompaction(Supplier<SparkSession> spark) implements Compaction {
  @Override
  public long compact(Table table) {
    RewriteDataFiles.Result result = SparkActions.get(spark.get()).rewriteDataFiles(table)
        .option(RewriteDataFiles.PARTIAL_PROGRESS_ENABLED, "false")
        .option("min-input-files", String.valueOf(TableUpkeep.MANY_FILES))
        .execute();
    if (result.rewrittenDataFilesCount() == 0) {
      throw new IllegalStateException("Cannot compact table " + table.name() + ": Spark found nothing to rewrite");
    }
    table.refresh();
    return table.currentSnapshot().snapshotId();
  }
}
