package io.i94lake.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.i94lake.Fixtures;
import io.i94lake.source.I94Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The shipped frequency tables match the real April 2016 month (when ../shared/data/raw/sas_data is present), and
 * generated records follow them.
 */
class FrequencyTablesTest {
  private static final List<String[]> MARGINALS = List.of(
      new String[] {"port_mode", "i94port"}, new String[] {"port_mode", "i94mode"},
      new String[] {"citizenship_residence", "i94cit"}, new String[] {"citizenship_residence", "i94res"},
      new String[] {"destination", "i94addr"}, new String[] {"visa", "visatype"}, new String[] {"visa", "i94visa"},
      new String[] {"gender", "gender"}, new String[] {"age", "i94bir"}, new String[] {"flight", "airline"},
      new String[] {"status", "entdepd"}, new String[] {"visa_post", "visapost"});

  @Test
  void theTablesHoldTheRealMonthsShares() {
    assumeThat(Fixtures.aprilMonth()).as("the real April 2016 month in ../shared/data/raw/sas_data").isPresent();
    // each share reads one column of the Parquet files: cheaper than caching the month
    Dataset<Row> april = Fixtures.spark().read().parquet(Fixtures.aprilMonth().orElseThrow().toString());
    for (String[] marginal : MARGINALS) {
      assertClose(marginal[1] + " of the real month", shares(april, marginal[1]), tableShares(marginal[0], marginal[1]), 1e-6);
    }
    long permitsDurationOfStatus = april.filter(col("dtaddto").equalTo("D/S")).count();
    assertThat(tableShares("permit", "value").get("D/S")).as("D/S share").isCloseTo(permitsDurationOfStatus / (double) Fixtures.APRIL_ROWS,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void generatedRecordsFollowTheTables() throws IOException {
    Path out = Fixtures.newFolder("generated-shares");
    new Generator(new GenerateOptions(out, List.of(YearMonth.of(2016, 4)), 60_000, 42, ArrivalFormat.PARQUET, 2, List.of(), 2,
        DirtyRows.ofShare("0"), Fixtures.sampleRaw()), null, false).run();
    Dataset<Row> generated = Fixtures.spark().read().schema(I94Schema.RAW).parquet(out.resolve("i94").toString()).cache();
    try {
      for (String[] marginal : MARGINALS) {
        assertClose(marginal[1] + " of 60,000 generated records", shares(generated, marginal[1]), tableShares(marginal[0], marginal[1]), 0.01);
      }
      assertThat(generated.filter("depdate < arrdate").count()).as("departures before arrival").isLessThan(60);
      assertThat(generated.filter("arrdate < 20545 or arrdate > 20574").count()).as("arrivals outside April").isZero();
      assertThat(generated.filter("biryear + i94bir <> 2016").count()).as("birth year and age disagree").isZero();
      assertDatesFollowTheTables(generated);
    } finally {
      generated.unpersist();
    }
  }

  // dtadfile (YYYYMMDD) is the arrival plus a filing delay of the table; dtaddto (MMDDYYYY) the arrival plus a
  // permit length of the table, for the share of records whose permit is a number of days
  private static void assertDatesFollowTheTables(Dataset<Row> generated) {
    Column arrival = expr("date_add(date'1960-01-01', cast(arrdate as int))");
    Column filedDelay = datediff(expr("try_to_date(dtadfile, 'yyyyMMdd')"), arrival);
    List<Object> delays = tableShares("filed", "days").keySet().stream().filter(days -> !days.equals("\\N"))
        .map(days -> (Object) Integer.parseInt(days)).toList();
    assertThat(generated.filter(col("dtadfile").isNotNull().and(filedDelay.isNull().or(not(filedDelay.isin(delays.toArray())))))
        .count()).as("dtadfile texts that are not the arrival plus a filing delay of the table").isZero();

    FrequencyTable permits = FrequencyTable.load("permit");
    FrequencyTable dayPermits = permits.where("kind", "days");
    List<Object> lengths = java.util.stream.IntStream.range(0, dayPermits.size())
        .mapToObj(row -> (Object) Integer.parseInt(dayPermits.value(row, "value"))).distinct().toList();
    Column permitLength = datediff(expr("try_to_date(dtaddto, 'MMddyyyy')"), arrival);
    double share = generated.filter(permitLength.isin(lengths.toArray())).count() / (double) generated.count();
    assertThat(share).as("share of dtaddto texts that are the arrival plus a permit length of the table")
        .isCloseTo(dayPermits.total() / (double) permits.total(), org.assertj.core.data.Offset.offset(0.01));
  }

  private static void assertClose(String what, Map<String, Double> actual, Map<String, Double> expected, double tolerance) {
    List<String> largest = expected.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(10).map(Map.Entry::getKey).toList();
    for (String value : largest) {
      assertThat(actual.getOrDefault(value, 0.0)).as(what + ": share of " + value)
          .isCloseTo(expected.get(value), org.assertj.core.data.Offset.offset(tolerance));
    }
  }

  // share of each value; numbers as whole numbers, missing as \N, as the tables write them
  private static Map<String, Double> shares(Dataset<Row> records, String column) {
    boolean numeric = I94Schema.NUMERIC.contains(column);
    Column value = numeric ? col(column).cast("bigint").cast("string") : col(column);
    long total = records.count();
    Map<String, Double> shares = new HashMap<>();
    for (Row row : records.groupBy(value.as("value")).count().collectAsList()) {
      shares.put(row.isNullAt(0) ? "\\N" : row.getString(0), row.getLong(1) / (double) total);
    }
    return shares;
  }

  private static Map<String, Double> tableShares(String name, String column) {
    FrequencyTable table = FrequencyTable.load(name);
    Map<String, Double> shares = new HashMap<>();
    double total = table.total();
    for (int row = 0; row < table.size(); row++) {
      String value = table.value(row, column);
      shares.merge(value == null ? "\\N" : value, table.count(row) / total, Double::sum);
    }
    return shares;
  }
}
