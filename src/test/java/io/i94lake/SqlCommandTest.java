package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.SparkLake;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code i94lake sql} over a lake built from the bundled sample: the questions users ask, in every format. */
class SqlCommandTest {
  private static String lake;

  @BeforeAll
  static void buildLake() {
    lake = Fixtures.sampleLake().folder().toString();
  }

  private static Cli sql(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "sql";
    all[1] = "--lake";
    all[2] = lake;
    System.arraycopy(args, 0, all, 3, args.length);
    Cli cli = Cli.run(all);
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    return cli;
  }

  private static String example(String name) {
    return Fixtures.home().resolve("examples").resolve(name).toString();
  }

  @Test
  void tenBusiestPortsWithTheirCityAndState() {
    String csv = sql("--file", example("busiest-ports.sql"), "--format", "csv").out();
    assertThat(csv.lines()).hasSize(11).startsWith(
        "port_code,city,state_code,arrivals",
        "NYC,New York,NY,155",
        "MIA,Miami,FL,111",
        "LOS,Los Angeles,CA,106");
  }

  @Test
  void arrivalsByVisaCategory() {
    String csv = sql("--file", example("arrivals-by-visa-category.sql"), "--format", "csv").out();
    assertThat(csv.lines()).containsExactly(
        "year,month,visa_category,arrivals",
        "2016,4,Pleasure,831",
        "2016,4,Business,155",
        "2016,4,Student,14");
  }

  @Test
  void weatherAndDemographicsOfTheDestinationsMostChosenByStudents() {
    String csv = sql("--file", example("student-destinations.sql"), "--format", "csv").out();
    assertThat(csv.lines().toList().get(0))
        .isEqualTo("state_code,state_name,students,avg_temp_c,measured_on,population,foreign_born_share,median_age");
    assertThat(csv.lines().toList().get(1)).as("most students go to California").startsWith("CA,California,4,21.6,2013-09-01,");
  }

  @Test
  void aQueryMayStartWithAComment() {
    String table = sql("-- states\nSELECT state_code, state_name FROM us_state ORDER BY state_code LIMIT 2").out();
    assertThat(table).contains("| state_code | state_name |", "| AK         | Alaska     |", "(2 rows)");
  }

  @Test
  void jsonIsAnArrayOfObjectsKeepingNulls() {
    String json = sql("SELECT port_code, state_code FROM port WHERE port_code IN ('LOS', 'CLG') ORDER BY port_code",
        "--format", "json").out();
    assertThat(json).isEqualTo("[\n  {\"port_code\":\"CLG\",\"state_code\":null},\n  {\"port_code\":\"LOS\",\"state_code\":\"CA\"}\n]\n");
  }

  @Test
  void csvQuotesFieldsWithCommas() {
    String csv = sql("SELECT port_name FROM port WHERE port_code = 'LOS'", "--format", "csv").out();
    assertThat(csv).isEqualTo("port_name\n\"LOS ANGELES, CA\"\n");
  }

  @Test
  void aBadQueryIsReportedWithoutAStackTrace() {
    Cli cli = Cli.run("sql", "--lake", lake, "SELECT nothing FROM us_state");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("nothing").contains("--verbose").doesNotContain("\tat ");
  }

  @Test
  void everyKindOfWriteIsRefusedAndTheLakeIsUnchangedOnEitherEngine() {
    SparkLake sample = Fixtures.sampleLake().lake();
    Map<String, Map<String, Long>> before = everyReference(sample);
    List<String> writes = List.of("DROP TABLE us_city", "DELETE FROM immigration", "INSERT INTO us_state SELECT * FROM us_state",
        "UPDATE us_state SET state_name = 'x'", "MERGE INTO us_state t USING us_state s ON t.state_code = s.state_code "
            + "WHEN MATCHED THEN DELETE", "CALL lake.system.rollback_to_snapshot('lake.i94.us_city', 1)",
        "ALTER TABLE us_city DROP BRANCH x", "ALTER TABLE us_city ADD COLUMNS (x INT)", "CREATE TABLE x (a INT)",
        "TRUNCATE TABLE us_city", "SET spark.sql.ansi.enabled = false", "CACHE TABLE us_city", "USE lake.i94",
        "EXECUTE IMMEDIATE 'DROP TABLE us_city'", "EXPLAIN DELETE FROM immigration", "SELECT 1; DROP TABLE us_city",
        "SELECT java_method('java.lang.System', 'exit', 3)", "COPY us_city TO '/tmp/us_city.csv'",
        "ATTACH '/tmp/other.duckdb' AS other", "INSTALL httpfs", "PRAGMA enable_profiling", "SELECT 1; SELECT 2");
    for (String engine : List.of("spark", "duckdb")) {
      for (String write : writes) {
        Cli cli = Cli.run("sql", "--lake", lake, "--engine", engine, write);
        assertThat(cli.exitCode()).as("%s on %s", write, engine).isEqualTo(1);
        // each engine's parser knows some of the other's statements not at all: refused before anything runs
        assertThat(cli.err()).as("%s on %s", write, engine).containsAnyOf("sql only reads the lake", "sql takes one statement",
            "yntax error", engine.equals("duckdb") ? "java_method does not exist" : "sql only reads the lake");
      }
    }
    assertThat(everyReference(sample)).as("every branch of every table, and the tables there are").isEqualTo(before);
    assertThat(Path.of("/tmp/us_city.csv")).doesNotExist();
  }

  @Test
  void readingStatementsRun() {
    assertThat(sql("SHOW TABLES").out()).contains("immigration", "published");
    assertThat(sql("DESCRIBE us_state").out()).contains("state_code");
    assertThat(sql("EXPLAIN SELECT * FROM us_state").out()).containsIgnoringCase("plan");
    assertThat(sql("WITH big AS (SELECT * FROM port) SELECT count(*) AS ports FROM big", "--format", "csv").out())
        .isEqualTo("ports\n660\n");
  }

  @Test
  void aSyntaxErrorNamesWhereItIs() {
    for (String engine : List.of("spark", "duckdb")) {
      Cli cli = Cli.run("sql", "--lake", lake, "--engine", engine, "SELEC 1");
      assertThat(cli.exitCode()).isEqualTo(1);
      assertThat(cli.err()).as(engine).containsIgnoringCase("syntax error at or near").contains("SELEC");
    }
  }

  @Test
  void bothEnginesGiveTheSameAnswers() {
    for (String example : List.of("busiest-ports.sql", "arrivals-by-visa-category.sql", "student-destinations.sql")) {
      String onSpark = sql("--engine", "spark", "--file", example(example), "--format", "csv").out();
      String onDuckDb = sql("--engine", "duckdb", "--file", example(example), "--format", "csv").out();
      assertThat(onDuckDb).as(example).isEqualTo(onSpark);
    }
  }

  @Test
  void timeTravelReadsWhatARunPublished() {
    String runId = Fixtures.sampleLake().summary().runId();
    assertThat(sql("--as-of", runId, "--format", "csv", "SELECT count(*) AS arrivals FROM immigration").out())
        .isEqualTo("arrivals\n1000\n");
    Cli before = Cli.run("sql", "--lake", lake, "--as-of", "2000-01-01T00:00:00Z", "SELECT count(*) FROM immigration");
    assertThat(before.exitCode()).isEqualTo(1);
    assertThat(before.err()).contains("nothing was published then");
  }

  private static Map<String, Map<String, Long>> everyReference(SparkLake lake) {
    Map<String, Map<String, Long>> references = new TreeMap<>();
    for (String table : lake.lake().tableNames()) {
      Map<String, Long> refs = new TreeMap<>();
      lake.lake().icebergTable(table).refs().forEach((name, ref) -> refs.put(name, ref.snapshotId()));
      references.put(table, refs);
    }
    return references;
  }

  @Test
  void aMissingLakeIsReported() {
    Path nowhere = Fixtures.newFolder("no-lake").resolve("lake");
    Cli cli = Cli.run("sql", "--lake", nowhere.toString(), "SELECT 1");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("no lake there yet", "i94lake run");
  }
}
