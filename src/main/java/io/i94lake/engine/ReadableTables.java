package io.i94lake.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.Table;

/**
 * The tables a reader reads, each at one snapshot. A lake's tables ({@link LakeReading#tables}) are loaded from the
 * catalog only when a query first names them, so a question about one table reads one table's metadata.
 */
public interface ReadableTables {
  /** A table at the snapshot a reader reads. */
  record At(Table table, long snapshotId) {
    /** The table's name in the lake, without its namespace. */
    public String name() {
      return table.name().substring(table.name().lastIndexOf('.') + 1).toLowerCase();
    }
  }

  /** The names a query may use, in the catalog's order. */
  Set<String> names();

  /** The table of that name at its snapshot; empty when the lake has no snapshot of it to read. */
  Optional<At> table(String name);

  /** Every table, loaded now. */
  default Map<Table, Long> all() {
    Map<Table, Long> all = new LinkedHashMap<>();
    names().forEach(name -> table(name).ifPresent(at -> all.put(at.table(), at.snapshotId())));
    return all;
  }

  /** Tables loaded already. */
  static ReadableTables of(Map<Table, Long> snapshots) {
    Map<String, At> byName = new LinkedHashMap<>();
    snapshots.forEach((table, snapshot) -> {
      At at = new At(table, snapshot);
      byName.put(at.name(), at);
    });
    return new ReadableTables() {
      @Override
      public Set<String> names() {
        return new LinkedHashSet<>(byName.keySet());
      }

      @Override
      public Optional<At> table(String name) {
        return Optional.ofNullable(byName.get(name));
      }
    };
  }
}
