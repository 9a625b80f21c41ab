package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code rejects}: every input row that could not become a table row, with where it was and why.
 * One row per rejected input row; partitioned by source and, for I-94 arrivals, by the month it belongs to.
 */
public final class RejectsTable {

  private RejectsTable() {}

  /** @param rejects rows of source, location, reason, raw, year, month (see {@code SourceRead#rejects}) */
  public static Dataset<Row> build(Dataset<Row> rejects, String runId) {
    return rejects.select(col("source"), col("location"), col("reason"), col("raw"), lit(runId).as("run_id"),
        col("year"), col("month"));
  }
}
