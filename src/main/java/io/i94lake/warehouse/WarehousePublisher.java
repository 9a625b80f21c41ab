package io.i94lake.warehouse;

import io.i94lake.core.LakeTable;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.PublishedRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Copies what the lake's readers see ({@code main}) into a PostgreSQL schema for BI tools, atomically for the
 * warehouse's readers: every table is loaded into a fresh schema ({@code i94_load_<time>}) with COPY, gets its
 * primary key and indexes, and only then replaces the served schema, by two renames in one transaction. A query
 * sees the old tables or the new ones, never some of each; a failed copy leaves the served schema as it was.
 */
public final class WarehousePublisher {
  /** The table in the served schema saying what was copied from which snapshot, and when. */
  public static final String SNAPSHOTS_TABLE = "lake_snapshots";
  /** How long the swap may hold some served tables while waiting for the rest: well under PostgreSQL's 1 s deadlock_timeout. */
  private static final Duration LOCK_WAIT = Duration.ofMillis(300);
  private static final Duration SWAP_PATIENCE = Duration.ofMinutes(15);
  /** statement_timeout ended the wait (57014), or PostgreSQL found a deadlock with a reader anyway (40P01). */
  private static final Set<String> LOCK_WAIT_ENDED = Set.of("57014", "40P01");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final SparkLake lake;
  private final Consumer<String> progress;

  public WarehousePublisher(SparkLake lake, Consumer<String> progress) {
    this.lake = lake;
    this.progress = progress;
  }

  /** One table as copied. */
  public record TableCopy(String table, long rows, long snapshotId, Duration elapsed) {}

  /** What a publish did. */
  public record Result(WarehouseTarget target, List<TableCopy> tables, Duration elapsed) {
    public long rows() {
      return tables.stream().mapToLong(TableCopy::rows).sum();
    }
  }

  public Result publish(WarehouseTarget target, boolean withFacts) {
    Instant started = Instant.now();
    String loading = target.schema() + "_load_" + STAMP.format(started);
    String retired = target.schema() + "_old_" + STAMP.format(started);
    List<TableCopy> copies = new ArrayList<>();
    try (Connection connection = target.connect()) {
      connection.setAutoCommit(true);
      // one publish at a time per schema: a second one waits here (the lock ends with the connection)
      try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
        lock.setString(1, "i94lake publish " + target.schema());
        lock.execute();
      }
      dropLeftovers(connection, target.schema());
      execute(connection, "CREATE SCHEMA " + loading);
      try {
        // one published run for every table, even when a run publishes meanwhile
        PublishedRun published = lake.lake().published().orElseThrow(() -> new IllegalStateException("Cannot publish the lake at "
            + lake.lake().warehouse() + " to the warehouse: no run has published it yet; run `i94lake run` first"));
        for (LakeTable table : WarehouseTables.selected(withFacts)) {
          copies.add(copy(table, published, target, loading, connection));
        }
        writeSnapshots(connection, loading, copies, started);
        swap(connection, target.schema(), loading, retired);
      } catch (SQLException | RuntimeException e) {
        execute(connection, "DROP SCHEMA IF EXISTS " + loading + " CASCADE");
        throw e;
      }
      dropRetired(connection, retired);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot publish the lake to " + target.describe() + ": " + e.getMessage()
          + "; the schema's readers still see the previous copy", e);
    }
    return new Result(target, copies, Duration.between(started, Instant.now()));
  }

  private TableCopy copy(LakeTable table, PublishedRun published, WarehouseTarget target, String loading,
                         Connection connection) throws SQLException {
    long started = System.nanoTime();
    if (!published.has(table.name())) {
      throw new IllegalStateException("Cannot publish table " + table.name() + ": the lake at " + lake.lake().warehouse()
          + " has not published it; run `i94lake run` first");
    }
    long snapshotId = published.snapshot(table.name());
    Dataset<Row> rows = lake.readAt(table.name(), snapshotId);
    StructType columns = rows.schema();
    execute(connection, PostgresCopy.createTable(loading, table.name(), columns));
    for (String comment : PostgresCopy.comments(loading, table)) {
      execute(connection, comment);
    }
    // each Spark partition streams over its own connection: the load schema is seen by no reader yet
    String name = table.name();
    var copied = lake.spark().sparkContext().longAccumulator("rows copied to " + name);
    rows.foreachPartition((ForeachPartitionFunction<Row>) partition -> {
      try (Connection partitionConnection = target.connect()) {
        copied.add(PostgresCopy.copy(partitionConnection, loading, name, columns, partition));
      }
    });
    String qualified = loading + "." + table.name();
    execute(connection, "ALTER TABLE " + qualified + " ADD PRIMARY KEY (" + quoted(table.key()) + ")");
    for (List<String> index : table.indexes()) {
      execute(connection, "CREATE INDEX ON " + qualified + " (" + quoted(index) + ")");
    }
    execute(connection, "ANALYZE " + qualified);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    progress.accept(String.format("copied %-24s %,12d rows in %.1f s", table.name(), copied.value(), elapsed.toNanos() / 1e9));
    return new TableCopy(table.name(), copied.value(), snapshotId, elapsed);
  }

  private void writeSnapshots(Connection connection, String loading, List<TableCopy> copies, Instant started) throws SQLException {
    execute(connection, "CREATE TABLE " + loading + "." + SNAPSHOTS_TABLE
        + " (table_name text PRIMARY KEY, snapshot_id bigint NOT NULL, row_count bigint NOT NULL, lake text NOT NULL,"
        + " copied_at timestamptz NOT NULL)");
    try (var insert = connection.prepareStatement("INSERT INTO " + loading + "." + SNAPSHOTS_TABLE + " VALUES (?, ?, ?, ?, ?)")) {
      for (TableCopy copy : copies) {
        insert.setString(1, copy.table());
        insert.setLong(2, copy.snapshotId());
        insert.setLong(3, copy.rows());
        insert.setString(4, lake.lake().warehouse());
        insert.setObject(5, started.atOffset(ZoneOffset.UTC));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  // Renaming schemas locks no table, so the served tables are locked first: a query that opened some of them finishes
  // before the swap, and one that comes during it waits, then looks its tables up again in the new schema. Readers
  // take their tables in any order, so waiting for all of them while holding some could deadlock with a reader: the
  // swap never holds its locks longer than LOCK_WAIT, and lets go and tries again until readers give it a moment.
  private void swap(Connection connection, String served, String loading, String retired) throws SQLException {
    Instant giveUp = Instant.now().plus(SWAP_PATIENCE);
    int attempts = 1;
    while (!trySwap(connection, served, loading, retired)) {
      if (Instant.now().isAfter(giveUp)) {
        throw new SQLException("readers kept the tables of schema " + served + " busy for " + SWAP_PATIENCE.toMinutes()
            + " minutes (" + attempts + " attempts to lock them for the swap)");
      }
      sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(20, 200)));
      attempts++;
    }
    progress.accept("swapped in schema " + served + (attempts == 1 ? "" : " (at attempt " + attempts + ": readers held its tables)"));
  }

  /** Swaps the schemas in one transaction; false when the served tables could not all be locked within LOCK_WAIT. */
  private static boolean trySwap(Connection connection, String served, String loading, String retired) throws SQLException {
    List<String> servedTables = tables(connection, served);
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      if (schemaExists(connection, served)) {
        if (!servedTables.isEmpty()) {
          statement.execute("SET LOCAL statement_timeout = " + LOCK_WAIT.toMillis());
          statement.execute("LOCK TABLE " + String.join(", ", servedTables) + " IN ACCESS EXCLUSIVE MODE");
          statement.execute("SET LOCAL statement_timeout = 0");
        }
        statement.execute("ALTER SCHEMA " + served + " RENAME TO " + retired);
      }
      statement.execute("ALTER SCHEMA " + loading + " RENAME TO " + served);
      connection.commit();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      if (LOCK_WAIT_ENDED.contains(e.getSQLState())) {
        return false;
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static List<String> tables(Connection connection, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (var query = connection.prepareStatement("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) "
        + "FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    return tables;
  }

  private static void sleep(Duration pause) throws SQLException {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting to swap the schemas", e);
    }
  }

  // dropping waits for queries still reading the old tables; if it fails, the next publish drops them
  private void dropRetired(Connection connection, String retired) {
    try {
      execute(connection, "DROP SCHEMA IF EXISTS " + retired + " CASCADE");
    } catch (SQLException e) {
      progress.accept("left schema " + retired + " behind (" + e.getMessage() + "); the next publish drops it");
    }
  }

  private void dropLeftovers(Connection connection, String served) throws SQLException {
    Map<String, String> leftovers = new TreeMap<>();
    try (Statement statement = connection.createStatement();
         ResultSet schemas = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + served + "\\_load\\_%'"
             + " OR nspname LIKE '" + served + "\\_old\\_%'")) {
      while (schemas.next()) {
        leftovers.put(schemas.getString(1), schemas.getString(1));
      }
    }
    for (String schema : leftovers.keySet()) {
      execute(connection, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (var query = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static String quoted(List<String> columns) {
    return String.join(", ", columns.stream().map(PostgresCopy::quote).toList());
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
