package io.i94lake.serve;

import io.i94lake.core.Folders;
import io.i94lake.engine.DuckDbReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.duckdb.DuckDBConnection;

/**
 * The in-process DuckDB database of one served version: its tables ({@link ServedTables}) are copied from the
 * published snapshots' data files, in memory (spilling to a temporary folder past DuckDB's memory limit). Requests
 * borrow one of a few connections; DuckDB runs their queries side by side.
 */
final class ServedDatabase implements AutoCloseable {
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  // more connections than cores lets small queries run while a large one (a CSV export) holds one
  private static final int CONNECTIONS = Math.max(4, 2 * CORES);

  private final DuckDBConnection database;
  private final BlockingQueue<ServedQueries> connections = new ArrayBlockingQueue<>(CONNECTIONS);
  private final Path spillFolder;

  private ServedDatabase(DuckDBConnection database, Path spillFolder) throws SQLException {
    this.database = database;
    this.spillFolder = spillFolder;
    for (int connection = 0; connection < CONNECTIONS; connection++) {
      connections.add(new ServedQueries(database.duplicate()));
    }
  }

  /** Copies the served tables at their snapshots into a new database. */
  static ServedDatabase load(Map<Table, Long> snapshots) {
    Path spillFolder = null;
    DuckDBConnection database = null;
    try {
      spillFolder = Files.createTempDirectory("i94lake-serve-");
      database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = database.createStatement()) {
        statement.execute("SET threads = " + CORES);
        statement.execute("SET temp_directory = '" + spillFolder.toString().replace("'", "''") + "'");
        DuckDbReader.createViews(database, ServedTables.SNAPSHOTS, snapshots, spillFolder);
        Set<String> published = snapshots.keySet().stream().map(table -> table.name().substring(table.name().lastIndexOf('.') + 1))
            .collect(Collectors.toSet());
        for (String sql : ServedTables.statements(published)) {
          statement.execute(sql);
        }
      }
      return new ServedDatabase(database, spillFolder);
    } catch (SQLException | IOException | RuntimeException e) {
      closeQuietly(database);
      Folders.delete(spillFolder);
      throw new IllegalStateException("Cannot load the published snapshots into DuckDB: " + e.getMessage(), e);
    }
  }

  /** Runs a request's queries on a connection of its own. */
  <T> T query(Function<ServedQueries, T> work) {
    ServedQueries queries;
    try {
      queries = connections.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a connection to the served lake", e);
    }
    try {
      return work.apply(queries);
    } finally {
      connections.add(queries);
    }
  }

  @Override
  public void close() {
    connections.forEach(ServedQueries::close);
    connections.clear();
    closeQuietly(database);
    Folders.delete(spillFolder);
  }

  private static void closeQuietly(DuckDBConnection database) {
    try {
      if (database != null) {
        database.close();
      }
    } catch (SQLException e) {
      System.err.println("i94lake serve: cannot close a served DuckDB database: " + e.getMessage());
    }
  }

}
