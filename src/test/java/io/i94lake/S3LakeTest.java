package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.DuckDbTableWriter;
import io.i94lake.engine.LakeReading;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.LakeCatalog;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.IcebergTables;
import io.i94lake.lake.S3Settings;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import io.i94lake.serve.ServeServer;
import io.i94lake.serve.Tokens;
import io.i94lake.warehouse.WarehouseTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A lake on S3, end to end through the command line, against a real S3-compatible server on loopback (S3Mock):
 * a run publishes into s3://bucket/lake with Iceberg's JDBC catalog (an SQLite file), a failed check leaves
 * {@code main} as it was, and every other command reads the lake back.
 */
@Tag("isolated")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3LakeTest {
  private static final String BUCKET = "i94lake";
  private static final String LAKE = "s3://" + BUCKET + "/lake";
  private static S3MockServer server;
  private static java.nio.file.Path catalogFile;
  private static Map<String, String> environment;
  private static final String WAREHOUSE_SCHEMA = "i94s3_" + Long.toString(System.nanoTime(), 36);
  private static String firstRunId;

  @BeforeAll
  static void startS3() throws Exception {
    WarehousePublishTest.requirePostgres();
    java.nio.file.Path folder = Fixtures.newFolder("s3-lake");
    server = S3MockServer.start(BUCKET, folder);
    catalogFile = folder.resolve("catalog.sqlite");
    environment = new HashMap<>(Map.of(
        // the S3 settings as a user sets them: i94lake's own, and the AWS SDK's standard variables
        "I94LAKE_S3_ENDPOINT", server.endpoint(),
        "I94LAKE_S3_PATH_STYLE", "true",
        "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test-access-key",
        "AWS_SECRET_ACCESS_KEY", "test-secret-key",
        "I94LAKE_CATALOG_URI", "jdbc:sqlite:" + catalogFile));
    // and every run that publishes copies the lake into PostgreSQL (the setting publish-jdbc)
    environment.putAll(Map.of(
        "I94LAKE_PUBLISH_JDBC", WarehousePublishTest.URL,
        "I94LAKE_PUBLISH_USER", WarehousePublishTest.USER,
        "I94LAKE_PUBLISH_PASSWORD", WarehousePublishTest.PASSWORD,
        "I94LAKE_PUBLISH_SCHEMA", WAREHOUSE_SCHEMA));
  }

  @AfterAll
  static void stopS3() throws SQLException {
    if (server != null) {
      server.close();
    }
    try (Connection connection = WarehousePublishTest.connect()) {
      connection.createStatement().execute("DROP SCHEMA IF EXISTS " + WAREHOUSE_SCHEMA + " CASCADE");
    }
  }

  private static Cli cli(String... args) {
    return Cli.run(environment, args);
  }

  private static SparkLake lake() {
    return SparkLake.open(Fixtures.spark(), LAKE);
  }

  @Test
  @Order(1)
  void aRunPublishesTheSampleIntoTheBucket() throws Exception {
    Cli run = cli("run", "--lake", LAKE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher published = Pattern.compile("run (\\S+) published").matcher(run.out());
    assertThat(published.find()).as(run.out()).isTrue();
    firstRunId = published.group(1);

    FileSystem bucket = FileSystem.get(java.net.URI.create("s3a://" + BUCKET + "/"), Fixtures.spark().sparkContext().hadoopConfiguration());
    assertThat(bucket.listStatus(new Path("s3a://" + BUCKET + "/lake/i94/immigration/data"))).as("immigration's data in the bucket").isNotEmpty();
    assertThat(bucket.exists(new Path("s3a://" + BUCKET + "/lake/_i94lake_run.lock"))).as("no lock file on S3").isFalse();
    try (Connection catalog = DriverManager.getConnection("jdbc:sqlite:" + catalogFile);
         ResultSet tables = catalog.createStatement().executeQuery(
             "SELECT count(*) FROM iceberg_tables WHERE catalog_name = 's3a://" + BUCKET + "/lake' AND table_namespace = 'i94'")) {
      tables.next();
      assertThat(tables.getInt(1)).as("tables in the JDBC catalog, keyed by the lake's location").isGreaterThanOrEqualTo(15);
    }

    Cli sql = cli("sql", "--lake", LAKE, "--format", "csv",
        "SELECT (SELECT count(*) FROM immigration) AS arrivals, (SELECT count(*) FROM us_state) AS states");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    assertThat(sql.out()).isEqualTo("arrivals,states\n1000,54\n");

    assertThat(run.out()).as("the automatic copy to the warehouse").contains("published " + WarehouseTables.selected(false).size() + " tables");
    try (Connection warehouse = WarehousePublishTest.connect();
         ResultSet rows = warehouse.createStatement().executeQuery("SELECT count(*) FROM " + WAREHOUSE_SCHEMA + ".immigration_demographics")) {
      rows.next();
      assertThat(rows.getLong(1)).as("arrivals in the warehouse").isEqualTo(1000);
    }
  }

  @Test
  @Order(2)
  void aFailedCheckLeavesMainAsItWasAndKeepsTheAuditBranch() {
    long mainBefore = lake().lake().icebergTable("immigration").currentSnapshot().snapshotId();

    Cli dirty = cli("run", "--lake", LAKE, "--raw", Fixtures.sampleWithUnknownPorts("s3-unknown-ports").toString(), "--attempts", "1");

    assertThat(dirty.exitCode()).as("exit code of CHECK_FAILED; " + dirty.err()).isEqualTo(5);
    assertThat(dirty.err()).contains("port_code found in port.port_code 0 (>= 0.98)");
    var immigration = lake().lake().icebergTable("immigration");
    assertThat(immigration.currentSnapshot().snapshotId()).as("main of immigration").isEqualTo(mainBefore);
    assertThat(immigration.refs().keySet()).as("branches of immigration").anyMatch(name -> name.startsWith("audit_"));
    Cli sql = cli("sql", "--lake", LAKE, "--format", "csv", "SELECT count(*) AS dirty FROM immigration WHERE port_code = 'ZZ9'");
    assertThat(sql.out()).isEqualTo("dirty\n0\n");
    Cli runs = cli("runs", "--lake", LAKE, "--format", "csv");
    assertThat(runs.out()).contains(firstRunId, "CHECK_FAILED");
  }

  @Test
  @Order(3)
  void checkRollbackAndTimeTravelWorkOnS3() {
    Cli check = cli("check", "--lake", LAKE);
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();

    // the dirty run did not publish: readers still see the first run, and a rollback to it changes nothing
    Cli rollback = cli("rollback", "--lake", LAKE, "--to", firstRunId);
    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(rollback.out()).contains("readers already see " + firstRunId, "nothing to roll back");

    Cli asOf = cli("sql", "--lake", LAKE, "--as-of", firstRunId, "--format", "csv", "SELECT count(*) AS arrivals FROM immigration");
    assertThat(asOf.out()).isEqualTo("arrivals\n1000\n");
  }

  @Test
  @Order(4)
  void aSecondWriterIsRefusedByTheLockRowInTheCatalogDatabase() throws SQLException {
    try (LakeLock held = LakeLock.acquire(lake().lake(), "20991231T000000Z-holder", Duration.ZERO)) {
      Cli runs = cli("runs", "--lake", LAKE);
      assertThat(runs.out()).contains("now running: run 20991231T000000Z-holder");

      Cli run = cli("run", "--lake", LAKE);

      assertThat(run.exitCode()).as("exit code of COMMIT_CONFLICT").isEqualTo(6);
      assertThat(run.err()).contains("run 20991231T000000Z-holder", "is writing the lake at s3a://" + BUCKET + "/lake");
    }
    assertThat(LakeLock.holder(lake().lake())).as("the lock row is gone once released").isEmpty();
  }

  @Test
  @Order(5)
  void aLakeMissingFromTheCatalogIsNamedWithItsCatalog() {
    Cli sql = cli("sql", "--lake", "s3://" + BUCKET + "/elsewhere", "SELECT 1");

    assertThat(sql.exitCode()).isEqualTo(1);
    assertThat(sql.err()).contains("Cannot open the lake at s3://" + BUCKET + "/elsewhere", "catalog jdbc:sqlite:", "--catalog-uri");
  }

  @Test
  @Order(6)
  void aLeaseItsHolderStoppedRenewingIsTakenOverAndTheRunRecorded() throws SQLException {
    Instant since = Instant.now().minus(Duration.ofMinutes(30));
    Instant lastHeartbeat = since.plusSeconds(42);
    try (Connection catalog = DriverManager.getConnection("jdbc:sqlite:" + catalogFile);
         var insert = catalog.prepareStatement("INSERT INTO i94lake_run_lock (lake, run_id, pid, host, since, heartbeat) "
             + "VALUES (?, '20261205T000000Z-gone01', 4242, 'another-host', ?, ?)")) {
      insert.setString(1, "s3a://" + BUCKET + "/lake");
      insert.setString(2, since.toString());
      insert.setString(3, lastHeartbeat.toString());
      insert.executeUpdate();
    }

    Cli runs = cli("runs", "--lake", LAKE, "--format", "csv");

    assertThat(runs.exitCode()).as(runs.err()).isZero();
    assertThat(runs.err()).contains("took over the lock of run 20261205T000000Z-gone01", "another-host");
    assertThat(runs.out()).doesNotContain("now running").contains("20261205T000000Z-gone01");
    assertThat(new io.i94lake.pipeline.RunHistory(lake().lake()).run("20261205T000000Z-gone01").orElseThrow().seconds())
        .as("the run lasted until its last heartbeat").isEqualTo(42.0);
    assertThat(LakeLock.holder(lake().lake())).isEmpty();
  }

  @Test
  @Order(8)
  void serveAnswersFromTheBucketThroughLocalCopiesOfThePublishedFiles() throws Exception {
    Configuration hadoop = new Configuration();
    new S3Settings(server.endpoint(), "us-east-1", true, "test-access-key", "test-secret-key", null).applyTo(hadoop);
    try (ServeServer serve = ServeServer.start(LakeReading.open(LAKE, "jdbc:sqlite:" + catalogFile, hadoop), "127.0.0.1", 0,
        Tokens.NONE, Duration.ZERO)) {
      HttpResponse<String> arrivals = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/api/arrivals")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(arrivals.statusCode()).as(arrivals.body()).isEqualTo(200);
      assertThat(arrivals.body()).as("the sample's arrivals, as published in the bucket").contains("\"total\":1000");
    }
  }

  @Test
  @Order(9)
  void aRunOnDuckDbWritesChecksAndPublishesALakeInTheBucket() {
    String lake = "s3://" + BUCKET + "/duckdb-run";
    Cli run = cli("run", "--engine", "duckdb", "--lake", lake);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("checked 64 constraints: 0 failed");

    Cli sql = cli("sql", "--engine", "duckdb", "--lake", lake, "--format", "csv",
        "SELECT (SELECT count(*) FROM immigration) AS arrivals, (SELECT count(*) FROM us_state) AS states");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    assertThat(sql.out()).isEqualTo("arrivals,states\n1000,54\n");
  }

  @Test
  @Order(7)
  void duckDbWritesATableIntoTheBucketThroughTheTablesFileIo() throws Exception {
    Configuration hadoop = new Configuration();
    new S3Settings(server.endpoint(), "us-east-1", true, "test-access-key", "test-secret-key", null).applyTo(hadoop);
    var catalog = LakeCatalog.of("s3://" + BUCKET + "/duckdb-lake", "jdbc:sqlite:" + catalogFile).open(hadoop);
    Table table = IcebergTables.ensure(catalog, "monthly", new Schema(
        Types.NestedField.optional(1, "id", Types.LongType.get()),
        Types.NestedField.optional(2, "year", Types.IntegerType.get()),
        Types.NestedField.optional(3, "month", Types.IntegerType.get())), List.of("year", "month"));

    TableWrite write;
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      write = new DuckDbTableWriter(duckdb).write("SELECT 1 AS id, 2016 AS year, 4 AS month UNION ALL SELECT 2, 2016, 5", table,
          "audit_duckdb", WriteMode.replacePartitions());
    }

    FileSystem bucket = FileSystem.get(java.net.URI.create("s3a://" + BUCKET + "/"), hadoop);
    assertThat(bucket.listStatus(new Path("s3a://" + BUCKET + "/duckdb-lake/i94/monthly/data/year=2016/month=4")))
        .as("April's file in the bucket").hasSize(1);
    List<Object> ids = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).useSnapshot(write.snapshotId()).build()) {
      rows.forEach(row -> ids.add(row.getField("id")));
    }
    assertThat(ids).containsExactlyInAnyOrder(1L, 2L);
  }
}
