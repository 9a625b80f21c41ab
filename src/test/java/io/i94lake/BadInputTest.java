package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.core.TableCatalog;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad raw files: a clear message naming the file and what was expected, a non-zero exit, and a lake left exactly as
 * it was; a few malformed rows are counted and kept in {@code rejects} with their file and line.
 */
class BadInputTest {
  private static Path lakeFolder;

  @BeforeAll
  static void buildLake() {
    lakeFolder = Fixtures.newFolder("bad-input-lake");
    Fixtures.run(Fixtures.sampleRaw(), lakeFolder);
  }

  /** What readers can see: the main snapshot of every data table. */
  private static Map<String, Long> lakeState() {
    SparkLake lake = SparkLake.open(Fixtures.spark(), lakeFolder.toString());
    Map<String, Long> state = new TreeMap<>();
    for (String name : TableCatalog.publishedNames()) {
      Table table = lake.lake().icebergTable(name);
      state.put(name, table.currentSnapshot().snapshotId());
    }
    return state;
  }

  private static String lastRunFailure() {
    return new RunHistory(SparkLake.open(Fixtures.spark(), lakeFolder.toString()).lake()).runs().get(0).failureCategory();
  }

  private static Cli runOn(Path raw) {
    return Cli.run("run", "--raw", raw.toString(), "--lake", lakeFolder.toString());
  }

  @Test
  void missingFileFailsNamingWhatWasExpected() throws IOException {
    Path raw = Fixtures.copyOfSample("missing-airports");
    Files.delete(raw.resolve("airport-codes_csv.csv"));
    Map<String, Long> before = lakeState();

    Cli cli = runOn(raw);

    assertThat(cli.exitCode()).as("exit code of SOURCE_MISSING").isEqualTo(3);
    assertThat(cli.err()).contains("SOURCE_MISSING", "airport codes", raw.toString(), "airport-codes*.csv");
    assertThat(lakeState()).isEqualTo(before);
    assertThat(lastRunFailure()).as("the failed run is in the history").isEqualTo("SOURCE_MISSING");
  }

  @Test
  void emptyFileFailsNamingTheFileAndTheExpectedHeader() throws IOException {
    Path raw = Fixtures.copyOfSample("empty-demographics");
    Path demographics = raw.resolve("us-cities-demographics.csv");
    Files.write(demographics, new byte[0]);
    Map<String, Long> before = lakeState();

    Cli cli = runOn(raw);

    assertThat(cli.exitCode()).as("exit code of SOURCE_MALFORMED").isEqualTo(4);
    assertThat(cli.err()).contains(demographics.toString(), "is empty", "City;State;Median Age");
    assertThat(lakeState()).isEqualTo(before);
  }

  @Test
  void wrongDelimiterFailsNamingTheExpectedOne() throws IOException {
    Path raw = Fixtures.copyOfSample("comma-demographics");
    Path demographics = raw.resolve("us-cities-demographics.csv");
    Files.writeString(demographics, Files.readString(demographics).replace(';', ','));
    Map<String, Long> before = lakeState();

    Cli cli = runOn(raw);

    assertThat(cli.exitCode()).isEqualTo(4);
    assertThat(cli.err()).contains(demographics.toString(), "separated by ';'", "found 1 field");
    assertThat(lakeState()).isEqualTo(before);
  }

  @Test
  void aFewMalformedRowsAreRejectedWithFileAndLine() throws IOException {
    Path raw = Fixtures.copyOfSample("malformed-rows");
    Path airports = raw.resolve("airport-codes_csv.csv");
    Files.writeString(airports, "36AA,small_airport,Half a row\r\n", StandardOpenOption.APPEND);
    Path demographics = raw.resolve("us-cities-demographics.csv");
    List<String> lines = Files.readAllLines(demographics, StandardCharsets.UTF_8);
    String[] fields = lines.get(16).split(";", -1);
    fields[5] = "many";
    lines.set(16, String.join(";", fields));
    Files.write(demographics, lines, StandardCharsets.UTF_8);
    Path lake = Fixtures.newFolder("malformed-lake");

    Cli cli = Cli.run("run", "--raw", raw.toString(), "--lake", lake.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    List<Row> rejects = SparkLake.open(Fixtures.spark(), lake.toString()).read("rejects").orderBy("source").collectAsList();
    assertThat(rejects).hasSize(2);
    assertThat(rejects.get(0).<String>getAs("location")).isEqualTo(airports + ":69901");
    assertThat(rejects.get(0).<String>getAs("reason")).isEqualTo("has 3 fields, expected 12");
    assertThat(rejects.get(0).<String>getAs("raw")).isEqualTo("36AA,small_airport,Half a row");
    assertThat(rejects.get(1).<String>getAs("location")).isEqualTo(demographics + ":17");
    assertThat(rejects.get(1).<String>getAs("reason")).isEqualTo("Total Population 'many' is not a whole number");
    assertThat(cli.out()).containsPattern("airports\\s+69,900\\s+69,899\\s+1");
  }

  @Test
  void tooManyMalformedRowsFailTheRunAndLeaveTheLakeAsItWas() throws IOException {
    Path raw = Fixtures.copyOfSample("broken-temperatures");
    Path temperatures = raw.resolve("GlobalLandTemperaturesByCity_US-subset.csv");
    List<String> lines = Files.readAllLines(temperatures, StandardCharsets.UTF_8);
    for (int index = 1; index < lines.size(); index += 10) {
      lines.set(index, lines.get(index).replaceFirst("^[^,]+,", "someday,"));
    }
    Files.write(temperatures, lines, StandardCharsets.UTF_8);
    Map<String, Long> before = lakeState();

    Cli cli = runOn(raw);

    assertThat(cli.exitCode()).isEqualTo(4);
    assertThat(cli.err()).contains("SOURCE_MALFORMED", temperatures.toString(), "6,373 of 63,721 rows (10.0%)",
        "more than the allowed 5.0%", ":2: dt 'someday' is not a date");
    assertThat(lakeState()).as("main snapshots of every table").isEqualTo(before);
    assertThat(lastRunFailure()).isEqualTo("SOURCE_MALFORMED");
  }

  @Test
  void aMissingRawFolderSaysNothingWasWritten() {
    Cli cli = runOn(lakeFolder.resolveSibling("no-such-raw"));

    assertThat(cli.exitCode()).as("exit code of SOURCE_MISSING").isEqualTo(3);
    assertThat(cli.out()).contains("it wrote nothing").doesNotContain("is kept");
    assertThat(new RunHistory(SparkLake.open(Fixtures.spark(), lakeFolder.toString()).lake()).runs().get(0).auditBranch())
        .as("no branch was made").isNull();
  }

  @Test
  void aLakePathThatIsAFileIsNamed() throws IOException {
    Path file = Files.writeString(Fixtures.newFolder("lake-file").resolve("lake.txt"), "not a lake");

    for (String command : List.of("run", "sql")) {
      Cli cli = command.equals("run") ? Cli.run("run", "--lake", file.toString())
          : Cli.run("sql", "--lake", file.toString(), "SELECT 1");
      assertThat(cli.exitCode()).as(command).isEqualTo(1);
      assertThat(cli.err()).as(command).contains("Cannot open the lake at " + file, "it is a file, not a folder");
    }
  }

  @Test
  void aCopiedLakeIsRefusedNamingTheOriginal() throws Exception {
    Path copy = Fixtures.newFolder("copied-lake").resolve("lake");
    Process cp = new ProcessBuilder("cp", "-a", lakeFolder.toString(), copy.toString()).inheritIO().start();
    assertThat(cp.waitFor()).isZero();
    Map<String, Long> before = lakeState();

    Cli cli = Cli.run("sql", "--lake", copy.toString(), "SELECT count(*) FROM us_state");

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("is a copy of the lake at " + lakeFolder, "absolute path");
    assertThat(lakeState()).isEqualTo(before);
  }
}
