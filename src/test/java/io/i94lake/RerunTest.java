package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.Months;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.Trigger;
import io.i94lake.source.DelimitedLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Runs are idempotent: the same input gives the same tables, and a month re-run touches only that month. */
class RerunTest {
  private static final List<String> TABLES = List.of("us_state", "country", "port", "us_city", "us_airport",
      "us_demographics", "us_weather", "airport_weather", "immigration", "immigrant", "immigration_demographics");

  /** The sample's April arrivals moved to March 2016, with other record ids. */
  static Path marchCopyOfSample() throws IOException {
    Path folder = Fixtures.newFolder("march");
    List<String> lines = Files.readAllLines(Fixtures.sampleRaw().resolve("i94/immigration_data_sample.csv"), StandardCharsets.UTF_8);
    List<String> header = DelimitedLine.split(lines.get(0), ',');
    int cicid = header.indexOf("cicid");
    int month = header.indexOf("i94mon");
    int arrival = header.indexOf("arrdate");
    List<String> march = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      List<String> fields = new ArrayList<>(DelimitedLine.split(line, ','));
      fields.set(cicid, String.valueOf(Double.parseDouble(fields.get(cicid)) + 10_000_000));
      fields.set(month, "3.0");
      fields.set(arrival, String.valueOf(Double.parseDouble(fields.get(arrival)) - 31));
      march.add(String.join(",", fields));
    }
    Path file = folder.resolve("immigration_march.csv");
    Files.write(file, march, StandardCharsets.UTF_8);
    return file;
  }

  private static Dataset<Row> table(Path lake, String name) {
    return SparkLake.open(Fixtures.spark(), lake.toString()).read(name);
  }

  private static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected, String what) {
    assertThat(actual.count()).as("rows of %s", what).isEqualTo(expected.count());
    assertThat(actual.exceptAll(expected).count()).as("rows of %s that differ", what).isZero();
  }

  @Test
  void aSecondRunGivesIdenticalTablesAndIds() {
    Path first = Fixtures.sampleLake().folder();
    Path second = Fixtures.newFolder("second-run");
    Fixtures.run(Fixtures.sampleRaw(), second);
    Fixtures.run(Fixtures.sampleRaw(), second);

    for (String name : TABLES) {
      assertSameRows(table(second, name), table(first, name), name);
    }
    assertThat(table(second, "us_city").filter("city = 'Silver Spring' and state_code = 'MD'").first().<Long>getAs("city_id"))
        .as("city_id of Silver Spring, MD in two lakes")
        .isEqualTo(table(first, "us_city").filter("city = 'Silver Spring' and state_code = 'MD'").first().<Long>getAs("city_id"));
  }

  @Test
  void reRunningAMonthReplacesExactlyThatMonth() throws IOException {
    Path march = marchCopyOfSample();
    Path april = Fixtures.sampleRaw().resolve("i94");
    Path lake = Fixtures.newFolder("months");
    RunOptions options = Fixtures.options(Fixtures.sampleRaw(), lake).withI94(List.of(march.toString(), april.toString()))
        .withTrigger(Trigger.BACKFILL);
    RunSummary both = Fixtures.run(options.withMonths(Months.parse("2016-03..2016-04")));
    assertThat(both.table("immigration").write().rowsWritten()).isEqualTo(2000);
    List<Row> marchBefore = table(lake, "immigration").filter("month = 3").collectAsList();
    long marchSnapshotFiles = table(lake, "immigration").filter("month = 3").inputFiles().length;

    RunSummary aprilAgain = Fixtures.run(options.withMonths(Months.parse("2016-04")));

    assertThat(aprilAgain.table("immigration").write().rowsWritten()).as("April only").isEqualTo(1000);
    assertThat(table(lake, "immigration").filter("month = 3").collectAsList()).as("March rows").containsExactlyInAnyOrderElementsOf(marchBefore);
    assertThat(table(lake, "immigration").filter("month = 3").inputFiles().length).as("March files untouched").isEqualTo(marchSnapshotFiles);
    assertThat(table(lake, "immigration").count()).isEqualTo(2000);
    assertSameRows(table(lake, "immigration").filter("month = 4"),
        table(Fixtures.sampleLake().folder(), "immigration"), "April after its re-run");
    List<RunRecord> history = new RunHistory(SparkLake.open(Fixtures.spark(), lake.toString()).lake()).runs();
    assertThat(history).extracting(run -> run.months()).containsExactly("2016-04", "2016-03,2016-04");
    assertThat(history).extracting(run -> run.trigger()).containsOnly("backfill");
  }
}
