package io.i94lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.source.I94ParquetFooters;
import io.i94lake.source.I94Reader;
import io.i94lake.source.I94Schema;
import io.i94lake.source.SourceCount;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;

/**
 * I-94 Parquet files whose footers tell their month are not read to count them: the run still accounts for every
 * record, rejected ones with their file and row. Files whose footers do not decide it are counted by reading them.
 */
class ParquetFootersTest {
  private static final Path SAMPLE = Fixtures.sampleRaw().resolve("i94/immigration_data_sample.csv");
  private static final YearMonth APRIL = YearMonth.of(2016, 4);

  // the 1,000 sample records (all of April 2016) as two Parquet files, numbers as DOUBLE like the NTTO exports
  private static Path sampleAsParquet(String name, Column cicid, Column arrdate) {
    Dataset<Row> rows = new I94Reader(Fixtures.spark()).read(List.of(SAMPLE.toString())).rows()
        .orderBy("_line")
        .select(I94Schema.COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .withColumn("cicid", cicid)
        .withColumn("arrdate", arrdate);
    Path folder = Fixtures.newFolder(name).resolve("i94");
    rows.coalesce(1).repartition(2).write().mode(SaveMode.Overwrite).parquet(folder.toString());
    return folder;
  }

  private static Optional<Map<YearMonth, List<I94ParquetFooters.FileRows>>> footers(Path folder) {
    I94Reader reader = new I94Reader(Fixtures.spark());
    return reader.monthsFromFooters(reader.read(List.of(folder.toString())).files());
  }

  @Test
  void footersTellTheMonthAndRowsOfEachFile() {
    Path folder = sampleAsParquet("footers-april", col("cicid"), col("arrdate"));

    Map<YearMonth, List<I94ParquetFooters.FileRows>> months = footers(folder).orElseThrow();

    assertThat(months).containsOnlyKeys(APRIL);
    assertThat(months.get(APRIL)).hasSize(2);
    assertThat(months.get(APRIL).stream().mapToLong(I94ParquetFooters.FileRows::rows).sum()).isEqualTo(1000);
  }

  @Test
  void anArrivalOutsideTheFileMonthLeavesTheMonthsToBeRead() {
    // 20575 is 2016-05-01
    Path folder = sampleAsParquet("footers-may", col("cicid"),
        when(col("cicid").equalTo(4_084_316.0), lit(20_575.0)).otherwise(col("arrdate")));

    assertThat(footers(folder)).isEmpty();
  }

  @Test
  void rejectedRecordsOfAMonthToldByItsFootersKeepTheirFileAndRow() {
    Path folder = sampleAsParquet("footers-rejects",
        when(col("cicid").isin(4_084_316.0, 4_422_636.0), lit(null)).otherwise(col("cicid")), col("arrdate"));
    assertThat(footers(folder)).as("a missing cicid does not hide the month").isPresent();
    Path lake = Fixtures.newFolder("footers-rejects-lake");

    RunSummary summary = Fixtures.run(Fixtures.options(Fixtures.sampleRaw(), lake).withI94(List.of(folder.toString())));

    SourceCount arrivals = summary.source(I94Reader.SOURCE);
    assertThat(List.of(arrivals.rowsIn(), arrivals.accepted(), arrivals.rejected())).isEqualTo(List.of(1000L, 998L, 2L));
    assertThat(summary.months()).containsExactly(APRIL);
    assertThat(summary.table("immigration").write().rowsWritten()).isEqualTo(998);
    List<Row> rejects = SparkLake.open(Fixtures.spark(), lake.toString()).read("rejects")
        .filter(col("source").equalTo(I94Reader.SOURCE)).collectAsList();
    assertThat(rejects).hasSize(2).allSatisfy(reject -> {
      assertThat(reject.<String>getAs("reason")).isEqualTo("cicid is empty");
      assertThat(reject.<String>getAs("location")).startsWith(folder.toString()).containsPattern("\\.parquet:\\d+$");
      assertThat(reject.<Integer>getAs("month")).isEqualTo(4);
    });
  }

  @Test
  void theRealAprilMonthIsToldByItsFooters() {
    assumeTrue(Fixtures.aprilMonth().isPresent(), "the April 2016 month is not in ../shared/data/raw/sas_data");

    Map<YearMonth, List<I94ParquetFooters.FileRows>> months = footers(Fixtures.aprilMonth().get()).orElseThrow();

    assertThat(months).containsOnlyKeys(APRIL);
    assertThat(months.get(APRIL).stream().mapToLong(I94ParquetFooters.FileRows::rows).sum()).isEqualTo(Fixtures.APRIL_ROWS);
  }
}
