package io.i94lake.engine;

import io.i94lake.quality.CheckRunner;
import io.i94lake.transform.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.iceberg.Snapshot;

/**
 * Checks measured on DuckDB, over relations (tables or views, such as {@link DuckDbReader}'s views of lake snapshots)
 * the caller made on the connection. Checks are measured from several threads at once: the connection must be one
 * each thread may use, as {@link DuckDbConnections#connection()} is.
 */
public final class DuckDbCheckTables implements CheckRunner.Tables {
  private final Connection connection;
  private final Function<String, Optional<String>> relations;
  private final Function<String, Optional<Snapshot>> published;
  private final Function<String, OptionalLong> publishedRows;

  /**
   * @param relations the relation holding a table's rows, as written in FROM; empty when there is no such table
   * @param published the snapshot of a table readers see; empty when it was never published
   * @param publishedRows how many rows of the published table a check compares with
   */
  public DuckDbCheckTables(Connection connection, Function<String, Optional<String>> relations,
                           Function<String, Optional<Snapshot>> published, Function<String, OptionalLong> publishedRows) {
    this.connection = connection;
    this.relations = relations;
    this.published = published;
    this.publishedRows = publishedRows;
  }

  /** Checks of tables that were never published. */
  public static DuckDbCheckTables unpublished(Connection connection, Function<String, Optional<String>> relations) {
    return new DuckDbCheckTables(connection, relations, table -> Optional.empty(), table -> OptionalLong.empty());
  }

  @Override
  public Dialect dialect() {
    return Dialect.DUCKDB;
  }

  @Override
  public Optional<String> relation(String table) {
    return relations.apply(table);
  }

  @Override
  public List<Double> measure(String query) {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
      return firstRow(result);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot measure checks on DuckDB: " + e.getMessage(), e);
    }
  }

  /** The values of a result's first row, as doubles; null for an SQL null. */
  static List<Double> firstRow(ResultSet result) throws SQLException {
    result.next();
    List<Double> values = new ArrayList<>();
    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
      double value = result.getDouble(column);
      values.add(result.wasNull() ? null : value);
    }
    return values;
  }

  @Override
  public OptionalLong publishedRowCount(String table) {
    return publishedRows.apply(table);
  }

  @Override
  public Optional<Instant> publishedAt(String table) {
    return published.apply(table).map(snapshot -> Instant.ofEpochMilli(snapshot.timestampMillis()));
  }
}
