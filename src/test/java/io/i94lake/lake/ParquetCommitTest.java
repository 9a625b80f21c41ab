package io.i94lake.lake;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.i94lake.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parquet files written outside Iceberg become a table's data files only when they are what the table expects, and a
 * write that fails leaves no file behind. Files are written here with DuckDB, as the DuckDB writer does.
 */
class ParquetCommitTest {
  private static final String BRANCH = "audit_commit_test";
  private static final Schema MONTHLY = new Schema(
      required(1, "id", Types.LongType.get()),
      optional(2, "year", Types.IntegerType.get()),
      optional(3, "month", Types.IntegerType.get()));

  private Connection duckdb;
  private Table table;

  @BeforeEach
  void openLake() throws SQLException {
    Catalog catalog = LakeCatalog.of(Fixtures.newFolder("parquet-commit").toString(), null).open(new Configuration());
    table = IcebergTables.ensure(catalog, "monthly", MONTHLY, List.of("year", "month"));
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void closeDuckDb() throws SQLException {
    duckdb.close();
  }

  @Test
  void aFileHoldingRowsOfTwoMonthsIsRefusedAndDeleted() throws Exception {
    Path file;
    try (ParquetCommit commit = ParquetCommit.start(table, BRANCH)) {
      file = commit.newFile(List.of(2016, 4));
      write(file, "SELECT 1 AS id, 2016 AS year, 4 AS month UNION ALL SELECT 2, 2016, 5");

      assertThatThrownBy(() -> commit.commit(WriteMode.replacePartitions()))
          .hasMessageContaining("Cannot commit file " + file)
          .hasMessageContaining("filed under month = 4, but its rows hold other values of month (4 to 5");
    }

    assertThat(file).doesNotExist();
    assertThat(dataFiles(table)).isEmpty();
    table.refresh();
    assertThat(table.refs()).doesNotContainKey(BRANCH);
  }

  @Test
  void aRequiredColumnWithNullsIsRefused() throws Exception {
    try (ParquetCommit commit = ParquetCommit.start(table, BRANCH)) {
      write(commit.newFile(List.of(2016, 4)), "SELECT CAST(NULL AS BIGINT) AS id, 2016 AS year, 4 AS month");

      assertThatThrownBy(() -> commit.commit(WriteMode.append())).hasMessageContaining("required column id is null in 1 of 1 rows");
    }
    assertThat(dataFiles(table)).isEmpty();
  }

  @Test
  void rowsOutsideTheMonthsReplacedFailTheCommitAndLeaveNoFile() throws Exception {
    TableWrite april;
    try (ParquetCommit commit = ParquetCommit.start(table, BRANCH)) {
      write(commit.newFile(List.of(2016, 4)), "SELECT 1 AS id, 2016 AS year, 4 AS month");
      april = commit.commit(WriteMode.append());
    }
    Path file;
    try (ParquetCommit commit = ParquetCommit.start(table, BRANCH)) {
      file = commit.newFile(List.of(2016, 5));
      write(file, "SELECT 2 AS id, 2016 AS year, 5 AS month");

      assertThatThrownBy(() -> commit.commit(WriteMode.replaceMonths(List.of(YearMonth.of(2016, 4)))))
          .hasMessageContaining("Cannot append file with rows that do not match filter");
    }

    assertThat(file).doesNotExist();
    table.refresh();
    assertThat(table.refs().get(BRANCH).snapshotId()).as("the branch as April's write left it").isEqualTo(april.snapshotId());
    assertThat(dataFiles(table)).hasSize(1);
  }

  @Test
  void aTableOnAnObjectStoreGetsItsFilesThroughItsFileIoAndTheLocalCopiesGo() throws Exception {
    InMemoryCatalog objectStore = new InMemoryCatalog();
    objectStore.initialize("object-store", Map.of(CatalogProperties.WAREHOUSE_LOCATION, "memory://bucket/lake"));
    Table remote = IcebergTables.ensure(objectStore, "monthly", MONTHLY, List.of("year", "month"));
    Path staged;
    TableWrite write;
    try (ParquetCommit commit = ParquetCommit.start(remote, BRANCH)) {
      staged = commit.newFile(List.of(2016, 4));
      write(staged, "SELECT 7 AS id, 2016 AS year, 4 AS month", remote);
      write = commit.commit(WriteMode.replacePartitions());
    }

    assertThat(staged).as("the local copy").doesNotExist();
    assertThat(staged.getParent()).as("the staging folder").doesNotExist();
    List<String> locations = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = remote.newScan().useSnapshot(write.snapshotId()).planFiles()) {
      tasks.forEach(task -> locations.add(task.file().location()));
    }
    assertThat(locations).singleElement().asString().startsWith("memory://bucket/lake/i94/monthly/data/year=2016/month=4/");
    try (CloseableIterable<Record> rows = IcebergGenerics.read(remote).useSnapshot(write.snapshotId()).build()) {
      assertThat(rows).extracting(row -> row.getField("id")).containsExactly(7L);
    }
  }

  private void write(Path file, String rows) throws SQLException {
    write(file, rows, table);
  }

  // COPY with the table's field ids, as the DuckDB writer does (a flat schema)
  private void write(Path file, String rows, Table into) throws SQLException {
    String fieldIds = into.schema().columns().stream().map(column -> "'" + column.name() + "': " + column.fieldId())
        .collect(Collectors.joining(", "));
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (" + rows + ") TO '" + file + "' (FORMAT parquet, FIELD_IDS {" + fieldIds + "})");
    }
  }

  private static List<Path> dataFiles(Table table) throws IOException {
    Path data = Path.of(table.location().replaceFirst("^file:", ""), "data");
    if (!Files.exists(data)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
