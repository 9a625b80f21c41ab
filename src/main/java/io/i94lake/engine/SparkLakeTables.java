package io.i94lake.engine;

import static org.apache.spark.sql.functions.col;

import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.PublishedRun;
import io.i94lake.quality.CheckRunner;
import io.i94lake.transform.Dialect;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The lake's tables as checks see them: for a run, what it wrote on its audit branch, limited to the months it
 * processed where a table is partitioned by month; for {@code i94lake check}, the published tables whole. Measured
 * on Spark; {@link #release} drops the views the checks were measured on.
 */
public final class SparkLakeTables implements CheckRunner.Tables {
  private final SparkLake lake;
  private final LakeAudit audit;
  private final List<YearMonth> months;
  // what readers see does not change while a run holds the lake's lock, nor during one `check`
  private final Optional<PublishedRun> published;
  private final SparkCheckTables spark;

  private SparkLakeTables(SparkLake lake, LakeAudit audit, List<YearMonth> months) {
    this.lake = lake;
    this.audit = audit;
    this.months = List.copyOf(months);
    this.published = lake.lake().published();
    this.spark = new SparkCheckTables(lake.spark(), this::rows);
  }

  public static SparkLakeTables audited(SparkLake lake, LakeAudit audit, List<YearMonth> months) {
    return new SparkLakeTables(lake, audit, months);
  }

  public static SparkLakeTables published(SparkLake lake) {
    return new SparkLakeTables(lake, null, List.of());
  }

  @Override
  public Dialect dialect() {
    return spark.dialect();
  }

  @Override
  public Optional<String> relation(String table) {
    return spark.relation(table);
  }

  @Override
  public String distinctKeys(String relation, List<String> columns) {
    return spark.distinctKeys(relation, columns);
  }

  @Override
  public List<Double> measure(String query) {
    return spark.measure(query);
  }

  /** Drops the views the checks were measured on. */
  public void release() {
    spark.release();
  }

  private Optional<Dataset<Row>> rows(String table) {
    if (!lake.lake().hasTable(table)) {
      return Optional.empty();
    }
    if (audit != null) {
      return Optional.of(inScope(lake.read(audit, table)));
    }
    if (published.isPresent() && published.get().has(table)) {
      return publishedSnapshot(table).map(snapshot -> inScope(lake.readAt(table, snapshot.snapshotId())));
    }
    return Optional.of(inScope(lake.read(table)));
  }

  @Override
  public OptionalLong publishedRowCount(String table) {
    return publishedSnapshot(table).map(snapshot -> OptionalLong.of(inScope(lake.readAt(table, snapshot.snapshotId())).count()))
        .orElse(OptionalLong.empty());
  }

  @Override
  public Optional<Instant> publishedAt(String table) {
    return publishedSnapshot(table).map(snapshot -> Instant.ofEpochMilli(snapshot.timestampMillis()));
  }

  private Optional<Snapshot> publishedSnapshot(String table) {
    return lake.lake().publishedSnapshot(published, table);
  }

  private Dataset<Row> inScope(Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    if (months.isEmpty() || !columns.contains("year") || !columns.contains("month") || !columns.contains("cicid")) {
      return rows;
    }
    Column scope = null;
    for (YearMonth month : months) {
      Column one = col("year").equalTo(month.getYear()).and(col("month").equalTo(month.getMonthValue()));
      scope = scope == null ? one : scope.or(one);
    }
    return rows.filter(scope);
  }
}
