package io.i94lake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.PendingUpdate;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.Types;

/**
 * Commits Parquet files that another engine wrote (DuckDB) to a branch of an Iceberg table, as they are: no row is
 * read or rewritten. Each file holds the rows of one partition and carries the table's field ids in its Parquet
 * schema; Iceberg records it with the metrics of its footer and the partition the caller names.
 *
 * <p>Files go in the table's data location: a local table's straight where {@link #newFile} says; for a table on an
 * object store into a local staging folder, copied through the table's {@code FileIO} at commit. Until the commit
 * succeeds nothing references them, and {@link #close} deletes them: a failed write leaves no files behind (only
 * those of a commit whose outcome is unknown stay, since the table may reference them).
 *
 * <pre>{@code
 * try (ParquetCommit commit = ParquetCommit.start(table, "audit_run1")) {
 *   Path file = commit.newFile(List.of(2016, 4));   // write the rows of year=2016/month=4 there
 *   return commit.commit(WriteMode.replacePartitions());
 * }
 * }</pre>
 */
public final class ParquetCommit implements AutoCloseable {
  private final Table table;
  private final String branch;
  private final long started = System.nanoTime();
  private final String writeId = UUID.randomUUID().toString();
  private final boolean local;
  private final List<PendingFile> files = new ArrayList<>();
  private Path staging;
  private boolean finished;

  // a file the caller writes at local, that the table will know at location
  private record PendingFile(Path local, String location, PartitionData partition) {}

  private ParquetCommit(Table table, String branch) {
    this.table = requireNonNull(table, "table is null");
    this.branch = requireNonNull(branch, "branch is null");
    String location = table.location();
    this.local = location.startsWith("/") || location.startsWith("file:");
  }

  /** Starts a write of files to a table's branch ({@code main}, or a run's audit branch, made from {@code main} when missing). */
  public static ParquetCommit start(Table table, String branch) {
    return new ParquetCommit(table, branch);
  }

  /**
   * Where to write one Parquet file: a local path, inside the table's data location when the table is local.
   *
   * @param partitionValues the value of each field of the table's partition spec, in its order (empty when the table is
   *     not partitioned; null for a null value): every row of the file must be in this partition
   */
  public Path newFile(List<Object> partitionValues) {
    requireOpen();
    PartitionData partition = partition(partitionValues);
    String fileName = String.format("%s-%05d.parquet", writeId, files.size() + 1);
    // an unpartitioned table's files go straight into its data folder (the partition form would give data//file,
    // which no listing of the folder names: maintain took such files for orphans)
    String location = table.spec().isUnpartitioned() ? table.locationProvider().newDataLocation(fileName)
        : table.locationProvider().newDataLocation(table.spec(), partition, fileName);
    try {
      Path file = local ? Path.of(location.replaceFirst("^file:", "")) : staging().resolve(fileName);
      Files.createDirectories(file.getParent());
      files.add(new PendingFile(file, location, partition));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make a folder for a new file of table " + table.name() + " at " + location, e);
    }
  }

  /**
   * Commits every file written where {@link #newFile} said, in one snapshot on the branch (a file without rows is
   * left out and deleted).
   */
  public TableWrite commit(WriteMode mode) {
    requireNonNull(mode, "write mode is null");
    requireOpen();
    List<DataFile> dataFiles = new ArrayList<>();
    long rows = 0;
    for (PendingFile file : files) {
      DataFile dataFile = dataFile(file);
      if (dataFile.recordCount() == 0) {
        deleteQuietly(file);
        continue;
      }
      place(file);
      dataFiles.add(dataFile);
      rows += dataFile.recordCount();
    }
    openBranch();
    try {
      update(mode, dataFiles).commit();
    } catch (CommitStateUnknownException e) {
      finished = true;
      throw new IllegalStateException("Cannot tell whether the write of table " + table.name() + " on branch " + branch
          + " was committed: " + e.getMessage() + "; its " + dataFiles.size() + " files are kept, look at the branch before writing again", e);
    }
    finished = true;
    long snapshotId = table.refs().get(branch).snapshotId();
    return new TableWrite(shortName(), rows, snapshotId, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Deletes the files of a write that did not commit, and the local staging folder. */
  @Override
  public void close() {
    if (!finished) {
      files.forEach(this::deleteQuietly);
      finished = true;
    }
    if (staging != null) {
      try (Stream<Path> staged = Files.list(staging)) {
        for (Path file : staged.toList()) {
          Files.deleteIfExists(file);
        }
        Files.deleteIfExists(staging);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete the staging folder " + staging + " of a write of table " + table.name(), e);
      }
    }
  }

  private PendingUpdate<Snapshot> update(WriteMode mode, List<DataFile> dataFiles) {
    // no rows fall in any partition: nothing is replaced (Iceberg refuses a partition replace without files)
    WriteMode.Kind kind = mode.kind() == WriteMode.Kind.REPLACE_PARTITIONS && dataFiles.isEmpty() ? WriteMode.Kind.APPEND : mode.kind();
    switch (kind) {
      case APPEND -> {
        AppendFiles append = table.newAppend();
        dataFiles.forEach(append::appendFile);
        return append.toBranch(branch);
      }
      case REPLACE_PARTITIONS -> {
        ReplacePartitions replace = table.newReplacePartitions();
        dataFiles.forEach(replace::addFile);
        return replace.toBranch(branch);
      }
      case REPLACE_TABLE -> {
        OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
        dataFiles.forEach(overwrite::addFile);
        return overwrite.toBranch(branch);
      }
      case REPLACE_ROWS -> {
        OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(mode.replaced());
        dataFiles.forEach(overwrite::addFile);
        if (!dataFiles.isEmpty()) {
          // a new row outside the filter would survive the next write of the same rows: refused (Iceberg 1.11 fails
          // this check when no file is added)
          overwrite.validateAddedFilesMatchOverwriteFilter();
        }
        return overwrite.toBranch(branch);
      }
      default -> throw new IllegalArgumentException("Cannot write table " + table.name() + ": unknown write mode " + mode);
    }
  }

  private DataFile dataFile(PendingFile file) {
    Metrics metrics;
    long size;
    try {
      metrics = ParquetUtil.fileMetrics(org.apache.iceberg.Files.localInput(file.local().toFile()), MetricsConfig.forTable(table));
      size = Files.size(file.local());
    } catch (RuntimeException | IOException e) {
      throw new IllegalStateException("Cannot read the Parquet footer of " + file.local() + " for table " + table.name()
          + ": " + e.getMessage() + "; was the file written?", e);
    }
    DataFiles.Builder builder = DataFiles.builder(table.spec()).withPath(file.location()).withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(size).withMetrics(metrics);
    if (table.spec().isPartitioned()) {
      builder.withPartition(file.partition());
    }
    DataFile dataFile = builder.build();
    DataFileCheck.require(table, dataFile, file.local());
    return dataFile;
  }

  private PartitionData partition(List<Object> values) {
    PartitionSpec spec = table.spec();
    Types.StructType type = spec.partitionType();
    if (values.size() != type.fields().size()) {
      throw new IllegalArgumentException(String.format("Cannot write a file of table %s: %d partition values %s given, its spec %s has %d fields",
          table.name(), values.size(), values, spec, type.fields().size()));
    }
    PartitionData partition = new PartitionData(type);
    for (int index = 0; index < values.size(); index++) {
      Object value = values.get(index);
      Types.NestedField field = type.fields().get(index);
      if (value != null && !field.type().typeId().javaClass().isInstance(value)) {
        throw new IllegalArgumentException(String.format("Cannot write a file of table %s: partition value %s of %s is a %s, expected a %s",
            table.name(), value, field.name(), value.getClass().getSimpleName(), field.type().typeId().javaClass().getSimpleName()));
      }
      partition.set(index, value);
    }
    return partition;
  }

  // a staged file goes to the table's storage; a local table's file is there already
  private void place(PendingFile file) {
    if (local) {
      return;
    }
    try (PositionOutputStream out = table.io().newOutputFile(file.location()).create()) {
      Files.copy(file.local(), out);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot copy " + file.local() + " to " + file.location() + " for table " + table.name()
          + ": " + e.getMessage(), e);
    }
    deleteLocal(file.local());
  }

  // the branch starts where main is now
  private void openBranch() {
    if (branch.equals(SnapshotRef.MAIN_BRANCH) || table.refs().containsKey(branch)) {
      return;
    }
    Snapshot main = table.currentSnapshot();
    var branches = table.manageSnapshots();
    (main == null ? branches.createBranch(branch) : branches.createBranch(branch, main.snapshotId())).commit();
  }

  private void deleteQuietly(PendingFile file) {
    deleteLocal(file.local());
    if (!local) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        // not copied yet, or gone: either way no file is left that the table would reference
      }
    }
  }

  private static void deleteLocal(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the written file " + file, e);
    }
  }

  private Path staging() throws IOException {
    if (staging == null) {
      staging = Files.createTempDirectory("i94lake-write-");
    }
    return staging;
  }

  private void requireOpen() {
    if (finished) {
      throw new IllegalStateException("Cannot add to the write of table " + table.name() + " on branch " + branch + ": it is over");
    }
  }

  private String shortName() {
    return table.name().substring(table.name().lastIndexOf('.') + 1);
  }
}
