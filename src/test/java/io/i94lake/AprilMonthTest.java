package io.i94lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.Months;
import io.i94lake.pipeline.RunSummary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real April 2016 month (3,096,313 records), when ../shared/data/raw/sas_data is present. */
class AprilMonthTest {
  private static Path lake;
  private static RunSummary firstRun;
  private static List<String> inputs;

  @BeforeAll
  static void loadMarchAndApril() throws Exception {
    assumeTrue(Fixtures.aprilMonth().isPresent(), "the April 2016 month is not in ../shared/data/raw/sas_data");
    lake = Fixtures.newFolder("april-lake");
    inputs = List.of(Fixtures.aprilMonth().get().toString(), RerunTest.marchCopyOfSample().toString());
    firstRun = Fixtures.run(Fixtures.options(Fixtures.sampleRaw(), lake).withI94(inputs));
  }

  private static Dataset<Row> table(String name) {
    return SparkLake.open(Fixtures.spark(), lake.toString()).read(name);
  }

  /** Row count and an order-independent checksum of every column of a month. */
  private static List<Object> fingerprint(String name, int month) {
    Dataset<Row> rows = table(name).filter("month = " + month);
    Column[] columns = Arrays.stream(rows.columns()).map(column -> col(column)).toArray(Column[]::new);
    Row result = rows.agg(org.apache.spark.sql.functions.count("*"), sum(xxhash64(columns).cast("decimal(38,0)"))).first();
    return List.of(result.get(0), result.get(1));
  }

  @Test
  void everyRecordIsAccountedFor() {
    assertThat(firstRun.months()).containsExactly(java.time.YearMonth.of(2016, 3), java.time.YearMonth.of(2016, 4));
    long aprilWritten = table("immigration").filter("month = 4").count();
    long aprilRejected = table("rejects").filter("source = 'i94' and month = 4").count();
    assertThat(aprilWritten + aprilRejected).as("April rows in = written + rejected").isEqualTo(Fixtures.APRIL_ROWS);
    assertThat(firstRun.source("i94").rowsIn()).isEqualTo(Fixtures.APRIL_ROWS + 1000);
    assertThat(table("immigrant").filter("month = 4").count()).isEqualTo(aprilWritten);
    assertThat(table("immigration_demographics").filter("month = 4").count()).isEqualTo(aprilWritten);
  }

  @Test
  void dailyArrivalsSumToTheMonth() {
    List<Row> days = table("immigration").filter("month = 4").groupBy("arrival_date").count().collectAsList();
    assertThat(days).as("one row per day of April").hasSize(30);
    assertThat(days.stream().mapToLong(day -> day.getLong(1)).sum()).isEqualTo(table("immigration").filter("month = 4").count());
  }

  @Test
  void dirtyPermitDatesAreCountedNotLost() {
    assertThat(table("immigration").filter("month = 4 and duration_of_status").count()).as("D/S").isEqualTo(45_343);
    assertThat(table("immigration").filter("month = 4 and allowed_until_text is not null").count())
        .as("183, /   183D, 06 02002, 10 02003 and two of year 9999").isEqualTo(6);
  }

  @Test
  void reRunningAprilLeavesItIdenticalAndMarchUntouched() {
    List<String> tables = List.of("immigration", "immigrant", "immigration_demographics");
    List<List<Object>> aprilBefore = tables.stream().map(name -> fingerprint(name, 4)).toList();
    List<List<Object>> marchBefore = tables.stream().map(name -> fingerprint(name, 3)).toList();

    RunSummary again = Fixtures.run(Fixtures.options(Fixtures.sampleRaw(), lake).withI94(inputs).withMonths(Months.parse("2016-04")));

    assertThat(again.months()).containsExactly(java.time.YearMonth.of(2016, 4));
    assertThat(tables.stream().map(name -> fingerprint(name, 4)).toList()).as("April").isEqualTo(aprilBefore);
    assertThat(tables.stream().map(name -> fingerprint(name, 3)).toList()).as("March").isEqualTo(marchBefore);
  }
}
