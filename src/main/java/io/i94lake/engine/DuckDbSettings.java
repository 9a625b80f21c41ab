package io.i94lake.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * How much of the machine DuckDB may take ({@code --duckdb-threads}, {@code --duckdb-memory-limit}), and the settings
 * every connection gets: times in UTC, as the lake stores them.
 *
 * @param threads the threads of a query; 0 for one per core (DuckDB's default)
 * @param memoryLimit the most memory DuckDB holds before it spills to disk or fails, as "4GB", "3.5GiB" or "800MB";
 *     null for DuckDB's default, 80 % of the machine's memory
 */
public record DuckDbSettings(int threads, String memoryLimit) {
  public static final DuckDbSettings DEFAULT = new DuckDbSettings(0, null);
  private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", Pattern.CASE_INSENSITIVE);

  public DuckDbSettings {
    if (threads < 0) {
      throw new IllegalArgumentException("--duckdb-threads " + threads + " is negative; give 1 or more, or 0 for one per core");
    }
    if (memoryLimit != null && !SIZE.matcher(memoryLimit.strip()).matches()) {
      throw new IllegalArgumentException("--duckdb-memory-limit " + memoryLimit
          + " is not a size; give a number with its unit, such as 4GB, 3.5GiB or 800MB");
    }
  }

  /** Sets the database's limits (they hold for all its connections) and the connection's time zone. */
  public void applyTo(Connection database) throws SQLException {
    applyToSession(database);
    try (Statement statement = database.createStatement()) {
      if (threads > 0) {
        statement.execute("SET threads = " + threads);
      }
      if (memoryLimit != null) {
        statement.execute("SET memory_limit = '" + memoryLimit.strip() + "'");
      }
    }
  }

  /** Sets what each connection of a database needs of its own. */
  public void applyToSession(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
    }
  }
}
