package io.i94lake.warehouse;

import io.i94lake.core.LakeTable;
import io.i94lake.core.TableCatalog;
import java.util.Comparator;
import java.util.List;

/** The lake tables a warehouse copy holds: the dimension and analytics tables, then the facts when asked for. */
public final class WarehouseTables {
  private WarehouseTables() {}

  public static List<LakeTable> selected(boolean withFacts) {
    return TableCatalog.published().stream()
        .filter(table -> table.kind() == LakeTable.Kind.DIMENSION || table.kind() == LakeTable.Kind.ANALYTICS
            || (withFacts && table.kind() == LakeTable.Kind.FACT))
        .sorted(Comparator.comparing(table -> table.kind() == LakeTable.Kind.FACT))
        .toList();
  }
}
