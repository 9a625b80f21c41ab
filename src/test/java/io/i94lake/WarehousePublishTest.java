package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.i94lake.core.LakeTable;
import io.i94lake.core.TableCatalog;
import io.i94lake.engine.SparkLake;
import io.i94lake.warehouse.WarehousePublisher;
import io.i94lake.warehouse.WarehouseTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code publish} copies the lake into a real PostgreSQL server on loopback (started by {@code .ci/start-postgres}):
 * the same rows as the lake, keys and lookup indexes, and a swap that readers never see half-done.
 */
class WarehousePublishTest {
  static final String URL = System.getenv().getOrDefault("I94LAKE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/i94lake");
  static final String USER = System.getenv().getOrDefault("I94LAKE_TEST_POSTGRES_USER", "i94lake");
  static final String PASSWORD = System.getenv().getOrDefault("I94LAKE_TEST_POSTGRES_PASSWORD", "i94lake");
  private static final String SCHEMA = "i94test_" + Long.toString(System.nanoTime(), 36);
  private static final String SCHEDULED_SCHEMA = SCHEMA + "_scheduled";

  @BeforeAll
  static void requirePostgres() {
    try (Connection connection = connect()) {
      assertThat(connection.isValid(5)).isTrue();
    } catch (SQLException e) {
      fail("Cannot reach the test PostgreSQL server at " + URL + " as " + USER + " (" + e.getMessage() + "): start it with "
          + "`.ci/start-postgres`, or point I94LAKE_TEST_POSTGRES_URL, _USER and _PASSWORD at another server");
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEDULED_SCHEMA + " CASCADE");
    }
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  private static Cli publish(Path lake, String... more) {
    List<String> args = new ArrayList<>(List.of("publish", "--lake", lake.toString(), "--jdbc", URL, "--user", USER,
        "--password", PASSWORD, "--schema", SCHEMA));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void everyTableArrivesWithTheLakesRowsKeysAndLookupIndexes() throws SQLException {
    Fixtures.SampleLake sample = Fixtures.sampleLake();

    Cli cli = publish(sample.folder(), "--with-facts");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("published " + WarehouseTables.selected(true).size() + " tables", "swapped in schema " + SCHEMA);
    try (Connection connection = connect()) {
      for (LakeTable table : WarehouseTables.selected(true)) {
        var rows = sample.lake().read(table.name());
        assertThat(TableChecksum.of(connection, SCHEMA + "." + table.name(), rows.columns()))
            .as("rows and checksum of " + table.name()).isEqualTo(TableChecksum.of(rows));
      }
      assertThat(indexes(connection, "immigration")).as("indexes of immigration").contains(
          "PRIMARY KEY (cicid)", "(admission_number)", "(port_code, arrival_date)", "(allowed_until)");
      assertThat(indexes(connection, "immigrant")).contains("PRIMARY KEY (cicid)", "(admission_number)");
      assertThat(indexes(connection, "port")).contains("PRIMARY KEY (port_code)");
      try (Statement statement = connection.createStatement();
           ResultSet comments = statement.executeQuery("SELECT obj_description('" + SCHEMA + ".immigration'::regclass),"
               + " col_description('" + SCHEMA + ".immigration'::regclass, 3)")) {
        comments.next();
        assertThat(comments.getString(1)).as("comment on immigration").isEqualTo(TableCatalog.IMMIGRATION.grain());
        assertThat(comments.getString(2)).as("comment on immigration.arrival_date")
            .isEqualTo(TableCatalog.IMMIGRATION.column("arrival_date").orElseThrow().meaning());
      }
      try (Statement statement = connection.createStatement();
           ResultSet copied = statement.executeQuery("SELECT count(*), min(snapshot_id) FROM " + SCHEMA + "." + WarehousePublisher.SNAPSHOTS_TABLE)) {
        copied.next();
        assertThat(copied.getLong(1)).as("tables listed in " + WarehousePublisher.SNAPSHOTS_TABLE).isEqualTo(WarehouseTables.selected(true).size());
      }
    }
  }

  /** The primary key and index definitions of a table, as "PRIMARY KEY (cicid)" and "(port_code, arrival_date)". */
  private static List<String> indexes(Connection connection, String table) throws SQLException {
    List<String> found = new ArrayList<>();
    try (var query = connection.prepareStatement("SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n "
        + "ON n.oid = c.connamespace WHERE n.nspname = ? AND c.conrelid = (? || '.' || ?)::regclass AND c.contype = 'p' "
        + "UNION ALL SELECT substring(indexdef from '\\(.*\\)$') FROM pg_indexes WHERE schemaname = ? AND tablename = ?")) {
      query.setString(1, SCHEMA);
      query.setString(2, SCHEMA);
      query.setString(3, table);
      query.setString(4, SCHEMA);
      query.setString(5, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  @Test
  void aQueryDuringTheSwapSeesTheOldCopyOrTheNewNeverAMix() throws Exception {
    Fixtures.SampleLake sample = Fixtures.sampleLake();
    // a second lake with fewer rows in every table
    Path smallFolder = Fixtures.newFolder("small-lake");
    SparkLake small = SparkLake.open(Fixtures.spark(), smallFolder.toString());
    int limit = 7;
    for (LakeTable table : WarehouseTables.selected(false)) {
      Dataset<Row> rows = sample.lake().read(table.name()).orderBy(sample.lake().read(table.name()).columns()[0]).limit(limit++);
      small.lake().ensureTable(table.name(), SparkSchemaUtil.convert(rows.schema()), List.of());
      rows.writeTo(small.table(table.name())).append();
    }
    assertThat(publish(sample.folder()).exitCode()).isZero();
    String counts = "SELECT " + String.join(", ", WarehouseTables.selected(false).stream()
        .map(table -> "(SELECT count(*) FROM " + SCHEMA + "." + table.name() + ")").toList());

    Set<List<Long>> seen = ConcurrentHashMap.newKeySet();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean publishing = new AtomicBoolean(true);
    Thread reader = new Thread(() -> {
      try (Connection connection = connect(); Statement statement = connection.createStatement()) {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (publishing.get() && System.nanoTime() < deadline) {
          try (ResultSet row = statement.executeQuery(counts)) {
            row.next();
            List<Long> pair = new ArrayList<>();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
              pair.add(row.getLong(column));
            }
            seen.add(pair);
          } catch (SQLException e) {
            errors.add(e.getMessage());
          }
        }
      } catch (SQLException e) {
        errors.add(e.getMessage());
      }
    }, "warehouse reader");
    reader.start();
    Cli smallPublish = publish(smallFolder);
    Cli samplePublish = publish(sample.folder());
    publishing.set(false);
    reader.join();

    assertThat(smallPublish.exitCode()).as("publish of the small lake: " + smallPublish.err()).isZero();
    assertThat(samplePublish.exitCode()).as("publish of the sample lake: " + samplePublish.err()).isZero();
    List<Long> sampleCounts = WarehouseTables.selected(false).stream().map(table -> sample.lake().read(table.name()).count()).toList();
    List<Long> smallCounts = WarehouseTables.selected(false).stream().map(table -> small.read(table.name()).count()).toList();
    assertThat(seen).as("every answer is the sample's counts or the small lake's").isSubsetOf(Set.of(sampleCounts, smallCounts));
    assertThat(seen).as("the reader saw both copies").contains(sampleCounts, smallCounts);
    assertThat(errors).as("queries that failed during the swaps").isEmpty();
  }

  @Test
  void aSwapWaitsForAReaderThatHoldsServedTablesAndNeverDeadlocksWithIt() throws Exception {
    Fixtures.SampleLake sample = Fixtures.sampleLake();
    assertThat(publish(sample.folder()).exitCode()).isZero();
    List<String> tables = WarehouseTables.selected(false).stream().map(LakeTable::name).toList();
    try (Connection reader = connect(); Statement statement = reader.createStatement()) {
      reader.setAutoCommit(false);
      // the swap locks tables by name, so it takes most of them and then waits for us_weather, which the reader holds
      statement.executeQuery("SELECT count(*) FROM " + SCHEMA + ".us_weather").close();
      // a thread of its own: on Java 25 supplyAsync ran it on the common pool's only worker (2 cores), where a Parquet
      // read of the lake then waited for that same pool until its 300 s timeout
      CompletableFuture<Cli> publishing = new CompletableFuture<>();
      new Thread(() -> publishing.complete(publish(sample.folder())), "publish").start();
      awaitSwapAttempt(publishing);
      Thread.sleep(1_500); // longer than PostgreSQL's deadlock_timeout: a swap that kept waiting would deadlock below

      for (String table : tables) {
        statement.executeQuery("SELECT count(*) FROM " + SCHEMA + "." + table).close();
      }
      reader.commit();

      Cli published = publishing.get(5, TimeUnit.MINUTES);
      assertThat(published.exitCode()).as(published.err()).isZero();
      assertThat(published.out()).containsPattern("swapped in schema " + SCHEMA + " \\(at attempt \\d+: readers held its tables\\)");
    }
  }

  /** Waits until the publish has tried to lock the served tables for its swap. */
  private static void awaitSwapAttempt(CompletableFuture<Cli> publishing) throws SQLException, InterruptedException {
    try (Connection watcher = connect();
         var query = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE query LIKE ?")) {
      query.setString(1, "LOCK TABLE " + SCHEMA + ".%");
      for (long deadline = System.nanoTime() + 300_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
        assertThat(publishing).as("the publish ended before its swap tried to lock the served tables").isNotDone();
        try (ResultSet row = query.executeQuery()) {
          row.next();
          if (row.getLong(1) > 0) {
            return;
          }
        }
      }
      fail("the publish did not try to lock the tables of " + SCHEMA + " within 5 minutes");
    }
  }

  @Test
  void aScheduledRunThatPublishesIsCopiedToTheWarehouse() throws SQLException {
    Path lakeFolder = Fixtures.newFolder("scheduled-warehouse-lake");

    Cli cli = Cli.run("schedule", "--cron", "*/2 * * * * ?", "--zone", "UTC", "--max-runs", "1", "--stop-after", "30m",
        "--lake", lakeFolder.toString(), "--publish-jdbc", URL, "--publish-user", USER, "--publish-password", PASSWORD,
        "--publish-schema", SCHEDULED_SCHEMA);

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("1 run, 1 published", "swapped in schema " + SCHEDULED_SCHEMA);
    SparkLake lake = SparkLake.open(Fixtures.spark(), lakeFolder.toString());
    try (Connection connection = connect()) {
      for (LakeTable table : WarehouseTables.selected(false)) {
        var rows = lake.read(table.name());
        assertThat(TableChecksum.of(connection, SCHEDULED_SCHEMA + "." + table.name(), rows.columns()))
            .as("rows and checksum of " + table.name()).isEqualTo(TableChecksum.of(rows));
      }
    }
  }
}
