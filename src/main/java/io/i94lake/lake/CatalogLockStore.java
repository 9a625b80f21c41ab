package io.i94lake.lake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * The run lock of a lake on an object store: one row per lake in the table {@value #TABLE} of the lake's catalog
 * database, whose primary key lets only one run insert it. Object stores have no create-if-absent that every
 * S3-compatible server honours, while the catalog database is there already and is what commits rely on anyway.
 */
final class CatalogLockStore implements LakeLock.Store {
  static final String TABLE = "i94lake_run_lock";

  private final LakeCatalog catalog;

  CatalogLockStore(LakeCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public boolean tryCreate(LakeLock.Holder holder) {
    try (Connection connection = connect();
         PreparedStatement insert = connection.prepareStatement(
             "INSERT INTO " + TABLE + " (lake, run_id, pid, host, since, process_start, heartbeat) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, catalog.warehouse());
      insert.setString(2, holder.runId());
      insert.setLong(3, holder.pid());
      insert.setString(4, holder.host());
      insert.setString(5, holder.since().toString());
      insert.setString(6, holder.processStart() == null ? null : holder.processStart().toString());
      insert.setString(7, holder.heartbeat().toString());
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      // a duplicate key reads as a different error code in each database: whether a holder is there tells
      if (read().isPresent()) {
        return false;
      }
      throw new IllegalStateException("Cannot take the run lock of " + catalog.warehouse() + " in " + catalog.describe()
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<LakeLock.Holder> read() {
    try (Connection connection = connect();
         PreparedStatement select = connection.prepareStatement("SELECT run_id, pid, host, since, process_start, heartbeat FROM " + TABLE + " WHERE lake = ?")) {
      select.setString(1, catalog.warehouse());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Instant since = Instant.parse(row.getString("since"));
        String processStart = row.getString("process_start");
        String heartbeat = row.getString("heartbeat");
        return Optional.of(new LakeLock.Holder(row.getString("run_id"), row.getLong("pid"), row.getString("host"), since,
            processStart == null ? null : Instant.parse(processStart), heartbeat == null ? since : Instant.parse(heartbeat)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the run lock of " + catalog.warehouse() + " in " + catalog.describe()
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void renew(LakeLock.Holder holder) {
    try (Connection connection = connect();
         PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET heartbeat = ? WHERE lake = ? AND run_id = ?")) {
      update.setString(1, holder.heartbeat().toString());
      update.setString(2, catalog.warehouse());
      update.setString(3, holder.runId());
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot renew the run lock of " + catalog.warehouse() + " in " + catalog.describe()
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void remove(LakeLock.Holder holder) {
    try (Connection connection = connect();
         PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE lake = ? AND run_id = ?")) {
      delete.setString(1, catalog.warehouse());
      delete.setString(2, holder.runId());
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot remove the run lock of " + catalog.warehouse() + " in " + catalog.describe()
          + ": " + e.getMessage(), e);
    }
  }

  // a lock table made by an older version lacks the columns of leases
  private static void addColumnsOfLeases(Connection connection) {
    for (String column : new String[] {"process_start", "heartbeat"}) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE " + TABLE + " ADD COLUMN " + column + " VARCHAR(40)");
      } catch (SQLException present) {
        // the column is there
      }
    }
  }

  private Connection connect() throws SQLException {
    Connection connection = catalog.connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (lake VARCHAR(1000) PRIMARY KEY, run_id VARCHAR(100) NOT NULL,"
          + " pid BIGINT NOT NULL, host VARCHAR(255) NOT NULL, since VARCHAR(40) NOT NULL, process_start VARCHAR(40),"
          + " heartbeat VARCHAR(40))");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    addColumnsOfLeases(connection);
    return connection;
  }
}
