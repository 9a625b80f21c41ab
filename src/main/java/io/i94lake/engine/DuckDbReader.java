package io.i94lake.engine;

import io.i94lake.core.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Answers read-only queries with DuckDB, in this process: each lake table is a view over exactly the Parquet files
 * of one of its snapshots, as Iceberg plans them (the tables only ever append, replace partitions and overwrite, so
 * there are no delete files to apply). Nothing a query runs can change the lake: DuckDB holds no table of its own,
 * and a statement is run only when DuckDB parses it as one query (see {@link #query}).
 */
public final class DuckDbReader implements AutoCloseable {
  private static final Pattern TABLE_REFERENCE = Pattern.compile("\"table_name\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Connection connection;
  private final ReadableTables tables;
  private final Set<String> viewed = new HashSet<>();
  private final StagedFiles staged = StagedFiles.inTemporaryFolder();

  private DuckDbReader(Connection connection, ReadableTables tables) {
    this.connection = connection;
    this.tables = tables;
  }

  /**
   * A reader of the given tables, each at its snapshot.
   *
   * @param settings how much of the machine DuckDB may take
   */
  public static DuckDbReader open(Map<Table, Long> snapshots, DuckDbSettings settings) {
    return open(() -> ReadableTables.of(snapshots), settings);
  }

  /**
   * A reader of the tables found: DuckDB starts (it loads its native library) while they are looked up.
   *
   * @param settings how much of the machine DuckDB may take
   */
  public static DuckDbReader open(Supplier<ReadableTables> found, DuckDbSettings settings) {
    CompletableFuture<Connection> starting = CompletableFuture.supplyAsync(() -> start(settings));
    ReadableTables tables;
    try {
      tables = found.get();
    } catch (RuntimeException e) {
      starting.thenAccept(DuckDbReader::closeQuietly);
      throw e;
    }
    try {
      return new DuckDbReader(starting.join(), tables);
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private static Connection start(DuckDbSettings settings) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      settings.applyTo(connection);
      return connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start DuckDB over the lake: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing was read through it
    }
  }

  /**
   * Runs one query (SELECT, WITH, VALUES, FROM, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN); anything else is refused before
   * it runs, with the lake untouched.
   */
  public ResultSet query(String sql) throws SQLException {
    String tree = ReadOnlyQuery.require(connection, sql);
    createViews(tree);
    return connection.createStatement().executeQuery(sql);
  }

  // the views of the tables a query names (planning a table's files costs some milliseconds); all of them for a query
  // that names none of them (SHOW TABLES)
  private void createViews(String tree) throws SQLException {
    Set<String> named = new HashSet<>();
    Matcher reference = TABLE_REFERENCE.matcher(tree);
    while (reference.find()) {
      named.add(reference.group(1).toLowerCase());
    }
    named.retainAll(tables.names());
    try (Statement statement = connection.createStatement()) {
      for (String name : named.isEmpty() ? tables.names() : named) {
        Optional<ReadableTables.At> table = viewed.add(name) ? tables.table(name) : Optional.empty();
        if (table.isPresent()) {
          statement.execute(view(quoted(name), table.get().table(), table.get().snapshotId(), staged));
        }
      }
    }
  }

  /**
   * Creates, on a DuckDB connection of the caller's, a view of each table at its snapshot in the schema given (made
   * when missing), named as the table ({@code lake.immigration}); for a process that copies what it reads (serve).
   *
   * @param folder where the files of a lake on an object store are copied to be read; the caller removes it
   */
  public static void createViews(Connection connection, String schema, Map<Table, Long> snapshots, Path folder)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + quoted(schema));
      for (Map.Entry<Table, Long> table : snapshots.entrySet()) {
        statement.execute(view(quoted(schema) + "." + quoted(shortName(table.getKey())), table.getKey(), table.getValue(),
            StagedFiles.in(folder)));
      }
    }
  }

  @Override
  public void close() {
    staged.close();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close DuckDB: " + e.getMessage(), e);
    }
  }

  private static String shortName(Table table) {
    return table.name().substring(table.name().lastIndexOf('.') + 1);
  }

  /**
   * CREATE VIEW name (quoted) AS SELECT the table's columns FROM the snapshot's files (an empty, typed view when it has
   * none), read where they are or from local copies.
   */
  static String view(String name, Table table, long snapshotId, StagedFiles staged) {
    Schema schema = table.schema();
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).planFiles()) {
      tasks.forEach(task -> files.add(staged.localPath(table, task.file().location())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan the files of table " + table.name() + " at snapshot " + snapshotId, e);
    }
    String columns = schema.columns().stream().map(column -> quoted(column.name())).collect(Collectors.joining(", "));
    if (files.isEmpty()) {
      return "CREATE VIEW " + name + " AS SELECT " + schema.columns().stream()
          .map(column -> "CAST(NULL AS " + duckDbType(column.type()) + ") AS " + quoted(column.name()))
          .collect(Collectors.joining(", ")) + " WHERE false";
    }
    String paths = files.stream().map(file -> "'" + file.replace("'", "''") + "'").collect(Collectors.joining(", "));
    // the values in the files, not those DuckDB would parse from Iceberg's year=2016/month=4 folders (as strings
    // when one is year=null)
    return "CREATE VIEW " + name + " AS SELECT " + columns + " FROM read_parquet([" + paths + "], union_by_name = true, "
        + "hive_partitioning = false)";
  }

  private static String duckDbType(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + ", " + ((Types.DecimalType) type).scale() + ")";
      default -> "VARCHAR";
    };
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The statement kinds a reader runs, told apart by DuckDB's own parser. */
  static final class ReadOnlyQuery {
    private ReadOnlyQuery() {}

    /** The statement's parse tree (DuckDB's JSON), once it is known to be one query. */
    static String require(Connection connection, String sql) throws SQLException {
      String query = sql.strip().replaceFirst(";\\s*$", "");
      String explained = query.replaceFirst("(?is)^EXPLAIN(\\s+ANALYZE)?\\s+", "");
      try (PreparedStatement parse = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)::JSON AS tree")) {
        parse.setString(1, explained);
        try (ResultSet parsed = parse.executeQuery();
             PreparedStatement judge = connection.prepareStatement("SELECT (? ->> 'error')::BOOLEAN, ? ->> 'error_type', "
                 + "? ->> 'error_message', json_array_length(? -> 'statements')")) {
          parsed.next();
          String tree = parsed.getString(1);
          for (int parameter = 1; parameter <= 4; parameter++) {
            judge.setString(parameter, tree);
          }
          try (ResultSet verdict = judge.executeQuery()) {
            verdict.next();
            if (verdict.getBoolean(1) && "parser".equals(verdict.getString(2))) {
              throw new IllegalArgumentException("Cannot run the statement: " + verdict.getString(3));
            }
            if (verdict.getBoolean(1) || verdict.getInt(4) != 1) {
              throw new IllegalArgumentException("Cannot run `" + Messages.oneLine(sql, 60) + "`: sql only reads the lake (one SELECT, "
                  + "WITH, SHOW, DESCRIBE or EXPLAIN)" + (verdict.getBoolean(1) ? "" : "; sql takes one statement")
                  + "; nothing was changed");
            }
            return tree;
          }
        }
      }
    }
  }
}
