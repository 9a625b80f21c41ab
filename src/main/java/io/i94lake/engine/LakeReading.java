package io.i94lake.engine;

import io.i94lake.core.LakeTable;
import io.i94lake.core.TableCatalog;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeCatalog;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.PublishedPointer;
import io.i94lake.lake.PublishedRun;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A lake opened for reading through its Iceberg catalog alone, without Spark: the published-run pointer says which
 * snapshot of each table to read; the run history and the pointer itself are read as they are now.
 */
public final class LakeReading {
  private final Catalog catalog;
  private final LakeCatalog lakeCatalog;
  private final PublishedPointer pointer;

  private LakeReading(Catalog catalog, LakeCatalog lakeCatalog) {
    this.catalog = catalog;
    this.lakeCatalog = lakeCatalog;
    this.pointer = new PublishedPointer(catalog, Lake.NAMESPACE);
  }

  /** Opens the lake at a folder, which must hold one. */
  public static LakeReading open(String location) {
    return open(location, null, new Configuration());
  }

  /**
   * Opens the lake at a location, which must exist (a folder, or a lake in its catalog database).
   *
   * @param hadoop the file systems' settings (for a lake on S3, its endpoint and keys)
   */
  public static LakeReading open(String location, String catalogUri, Configuration hadoop) {
    LakeCatalog lakeCatalog = LakeCatalog.of(location, catalogUri);
    Catalog catalog = lakeCatalog.open(hadoop);
    if (!lakeCatalog.exists(catalog)) {
      throw new IllegalArgumentException("Cannot open the lake at " + location + ": there is no lake there yet"
          + (lakeCatalog.isJdbc() ? " in catalog " + lakeCatalog.describe() + " (name the catalog database with --catalog-uri)" : "")
          + "; build one with `i94lake run` or name another with --lake");
    }
    lakeCatalog.requireOwnFiles(catalog, location);
    return new LakeReading(catalog, lakeCatalog);
  }

  /** The lake, opened already, read through the catalog it was opened with. */
  public static LakeReading of(Lake lake) {
    return new LakeReading(lake.icebergCatalog(), lake.catalog());
  }

  /**
   * True when a writer died (its lock is left behind), or when the lake has tables but no pointer yet (made by an
   * older i94lake): then a command heals the lake before reading it. A table's {@code main} left behind by a killed
   * publish is put right by the next writer; readers read the pointer's snapshots either way.
   */
  public boolean needsHealing() {
    Optional<LakeLock.Holder> holder = LakeLock.holder(lakeCatalog);
    if (holder.isPresent()) {
      return holder.get().isAbandoned();
    }
    return !pointer.exists() && TableCatalog.published().stream().map(LakeTable::name).map(this::table)
        .flatMap(Optional::stream).anyMatch(table -> table.currentSnapshot() != null);
  }

  /** The run writing the lake now, if one is. */
  public Optional<LakeLock.Holder> writer() {
    return LakeLock.holder(lakeCatalog).filter(holder -> !holder.isAbandoned());
  }

  /**
   * The tables as a run published them, and the run history and pointer as they are now; each table is loaded from
   * the catalog when first asked for.
   *
   * @param runIdOrTime null for what readers see now, else a run id or a time (time travel)
   */
  public ReadableTables tables(String runIdOrTime) {
    Optional<PublishedRun> run = runIdOrTime == null ? pointer.current() : pointer.asOf(runIdOrTime);
    if (runIdOrTime != null && run.isEmpty()) {
      throw PublishedPointer.nothingPublished(runIdOrTime);
    }
    Map<String, Long> published = run.map(PublishedRun::snapshots).orElse(Map.of());
    Set<String> names = new LinkedHashSet<>();
    TableCatalog.ALL.stream().filter(table -> !table.published() || published.containsKey(table.name()))
        .forEach(table -> names.add(table.name()));
    Map<String, Optional<ReadableTables.At>> loaded = new ConcurrentHashMap<>();
    return new ReadableTables() {
      @Override
      public Set<String> names() {
        return names;
      }

      @Override
      public Optional<At> table(String name) {
        return names.contains(name) ? loaded.computeIfAbsent(name, this::load) : Optional.empty();
      }

      private Optional<At> load(String name) {
        return LakeReading.this.table(name).flatMap(table -> Optional.ofNullable(TableCatalog.named(name).published()
                ? published.get(name) : Optional.ofNullable(table.currentSnapshot()).map(Snapshot::snapshotId).orElse(null))
            .map(snapshot -> new At(table, snapshot)));
      }
    };
  }

  /** {@link #tables}, every one loaded now. */
  public Map<Table, Long> snapshots(String runIdOrTime) {
    return tables(runIdOrTime).all();
  }

  /** The run readers see now (the pointer, read again at each call); empty before the first publish. */
  public Optional<PublishedRun> published() {
    return pointer.current();
  }

  /** Where the lake is: its folder, or its object-store location. */
  public String warehouse() {
    return lakeCatalog.warehouse();
  }

  public boolean has(String table) {
    return table(table).isPresent();
  }

  /** A lake table as its catalog holds it now (read again at each call). */
  public Optional<Table> table(String name) {
    TableIdentifier identifier = TableIdentifier.of(Lake.NAMESPACE, name);
    return catalog.tableExists(identifier) ? Optional.of(catalog.loadTable(identifier)) : Optional.empty();
  }
}
