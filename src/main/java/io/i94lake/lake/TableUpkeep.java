package io.i94lake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * The upkeep of one Iceberg table of the lake: dropping branches, expiring snapshots (and the files only they
 * used), finding and removing files no snapshot references, compacting small files. Each step can be asked what it
 * would do first ({@code dryRun}).
 */
public final class TableUpkeep {
  /** A table's partitions with at least this many data files are compacted. */
  public static final int MANY_FILES = 5;

  private final Lake lake;
  private final String name;

  public TableUpkeep(Lake lake, String name) {
    this.lake = lake;
    this.name = name;
  }

  public String name() {
    return name;
  }

  private Table table() {
    return lake.icebergTable(name);
  }

  /** Gives a table made by an older version the metadata properties of today's: only its last metadata files kept. */
  public void keepFewMetadataFiles(boolean dryRun) {
    Table table = table();
    Map<String, String> missing = new HashMap<>(Lake.METADATA_PROPERTIES);
    missing.entrySet().removeIf(property -> property.getValue().equals(table.properties().get(property.getKey())));
    if (!dryRun && !missing.isEmpty()) {
      var update = table.updateProperties();
      missing.forEach(update::set);
      update.commit();
    }
  }

  /** The table's branches but {@code main}. */
  public Set<String> branches() {
    Set<String> branches = new HashSet<>(table().refs().keySet());
    branches.remove(LakeAudit.MAIN);
    return branches;
  }

  public void dropBranches(Set<String> branches, boolean dryRun) {
    if (dryRun || branches.isEmpty()) {
      return;
    }
    var changes = table().manageSnapshots();
    branches.forEach(changes::removeBranch);
    changes.commit();
  }

  /**
   * Expires every snapshot but those kept and the heads of the table's branches, and deletes the files only they used.
   *
   * @return how many snapshots were (or would be) expired
   */
  public int expireSnapshotsBut(Set<Long> kept, boolean dryRun) {
    Table table = table();
    Set<Long> heads = new HashSet<>();
    table.refs().values().forEach(ref -> heads.add(ref.snapshotId()));
    var expire = table.expireSnapshots().expireOlderThan(0).cleanExpiredFiles(true);
    int expired = 0;
    for (Snapshot snapshot : table.snapshots()) {
      if (!kept.contains(snapshot.snapshotId()) && !heads.contains(snapshot.snapshotId())) {
        expire.expireSnapshotId(snapshot.snapshotId());
        expired++;
      }
    }
    if (expired > 0 && !dryRun) {
      expire.commit();
    }
    return expired;
  }

  /** The files under the table's folder that none of its snapshots reference and that are older than {@code before}. */
  public List<FileInfo> orphanFiles(Instant before) {
    Table table = table();
    if (!(table.io() instanceof SupportsPrefixOperations listing)) {
      throw new IllegalStateException("Cannot list the files of table " + name + ": its file system cannot list a folder");
    }
    Set<String> reachable = reachableFiles(table);
    List<FileInfo> orphans = new ArrayList<>();
    for (FileInfo file : listing.listPrefix(table.location())) {
      if (!reachable.contains(normalized(file.location())) && file.createdAtMillis() < before.toEpochMilli()) {
        orphans.add(file);
      }
    }
    return orphans;
  }

  public void delete(List<FileInfo> files) {
    files.forEach(file -> table().io().deleteFile(file.location()));
  }

  /** Data files per partition of the table's {@code main}, for the partitions that have many. */
  public Map<String, Integer> crowdedPartitions() {
    Table table = table();
    Map<String, Integer> files = new HashMap<>();
    if (table.currentSnapshot() == null) {
      return files;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        files.merge(table.spec().partitionToPath(task.file().partition()), 1, Integer::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan the files of table " + name, e);
    }
    files.values().removeIf(count -> count < MANY_FILES);
    return files;
  }

  // every file the table's metadata reaches: metadata files, manifest lists, manifests, data and statistics files
  private static Set<String> reachableFiles(Table table) {
    Set<String> reachable = new HashSet<>();
    ReachableFileUtil.metadataFileLocations(table, false).forEach(location -> reachable.add(normalized(location)));
    reachable.add(normalized(ReachableFileUtil.versionHintLocation(table)));
    ReachableFileUtil.statisticsFilesLocations(table).forEach(location -> reachable.add(normalized(location)));
    Set<String> manifests = new HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      reachable.add(normalized(snapshot.manifestListLocation()));
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        if (manifests.add(manifest.path())) {
          reachable.add(normalized(manifest.path()));
          addFilesOf(manifest, table, reachable);
        }
      }
    }
    return reachable;
  }

  private static void addFilesOf(ManifestFile manifest, Table table, Set<String> reachable) {
    try (ManifestReader<? extends ContentFile<?>> files = manifest.content() == ManifestContent.DATA
        ? ManifestFiles.read(manifest, table.io())
        : ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
      files.forEach(file -> reachable.add(normalized(file.location())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read manifest " + manifest.path(), e);
    }
  }

  // a local file is named /a/b, file:/a/b or file:///a/b, depending on who names it
  // one spelling of a location: file:/a and /a alike, and a//b (a path some writers record) as a/b
  private static String normalized(String location) {
    return location.replaceFirst("^file:/+", "/").replaceAll("(?<!:)/{2,}", "/");
  }
}
