package io.i94lake.lake;

import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/**
 * Makes the lake's tables through the Iceberg catalog alone, for either engine: namespace {@code i94}, the lake's
 * table properties (write-audit-publish on), identity partitions.
 */
public final class IcebergTables {
  private IcebergTables() {}

  /**
   * The table, created (empty) when missing, with the columns of {@code schema} it lacks added: a newer version of a
   * table gains columns without losing its history.
   *
   * @param schema the columns (their ids are assigned afresh on creation: read them back from the table)
   * @param partitionColumns the columns it is partitioned by, by identity ({@code year}, {@code month}); empty for none
   */
  public static Table ensure(Catalog catalog, String name, Schema schema, List<String> partitionColumns) {
    TableIdentifier identifier = TableIdentifier.of(Lake.NAMESPACE, name);
    if (!catalog.tableExists(identifier)) {
      PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
      partitionColumns.forEach(spec::identity);
      createNamespace(catalog);
      try {
        return catalog.buildTable(identifier, schema).withPartitionSpec(spec.build()).withProperties(Lake.TABLE_PROPERTIES).create();
      } catch (AlreadyExistsException madeMeanwhile) {
        // by another writer: it gains the missing columns below
      }
    }
    Table table = catalog.loadTable(identifier);
    if (schema.columns().stream().anyMatch(column -> table.schema().findField(column.name()) == null)) {
      table.updateSchema().unionByNameWith(schema).commit();
    }
    return table;
  }

  private static void createNamespace(Catalog catalog) {
    Namespace namespace = Namespace.of(Lake.NAMESPACE);
    if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException madeMeanwhile) {
        // by another writer
      }
    }
  }
}
