package io.i94lake.engine;

import io.i94lake.quality.CheckRunner;
import io.i94lake.transform.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * The published tables as {@code i94lake check} measures them on DuckDB: {@link DuckDbReader}'s views over each
 * table's snapshot; row counts and publish times from the snapshots' metadata, without reading data.
 */
public final class DuckDbPublishedTables implements CheckRunner.Tables, AutoCloseable {
  private final DuckDbReader reader;
  private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

  /** @param published each table at the snapshot to check (a snapshot gone since is read as the table is now) */
  public DuckDbPublishedTables(Map<Table, Long> published, DuckDbSettings settings) {
    Map<Table, Long> readable = new LinkedHashMap<>();
    published.forEach((table, id) -> {
      Snapshot snapshot = table.snapshot(id) != null ? table.snapshot(id) : table.currentSnapshot();
      if (snapshot != null) {
        readable.put(table, snapshot.snapshotId());
        snapshots.put(table.name().substring(table.name().lastIndexOf('.') + 1).toLowerCase(), snapshot);
      }
    });
    this.reader = DuckDbReader.open(readable, settings);
  }

  @Override
  public Dialect dialect() {
    return Dialect.DUCKDB;
  }

  @Override
  public Optional<String> relation(String table) {
    return snapshots.containsKey(table) ? Optional.of(DuckDbSchema.quoted(table)) : Optional.empty();
  }

  @Override
  public List<Double> measure(String query) {
    // the reader's connection runs one statement at a time; DuckDB spreads each query over its threads
    synchronized (reader) {
      try (ResultSet result = reader.query(query)) {
        return DuckDbCheckTables.firstRow(result);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot measure checks on DuckDB: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public OptionalLong publishedRowCount(String table) {
    return Optional.ofNullable(snapshots.get(table)).map(snapshot -> snapshot.summary().get("total-records"))
        .map(records -> OptionalLong.of(Long.parseLong(records))).orElse(OptionalLong.empty());
  }

  @Override
  public Optional<Instant> publishedAt(String table) {
    return Optional.ofNullable(snapshots.get(table)).map(snapshot -> Instant.ofEpochMilli(snapshot.timestampMillis()));
  }

  @Override
  public void close() {
    reader.close();
  }
}
