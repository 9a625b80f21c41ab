package io.i94lake.lake;

import io.i94lake.core.Column;
import io.i94lake.core.TableCatalog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;

/**
 * Makes the lake's tables through the Iceberg catalog alone, for either engine: namespace {@code i94}, the lake's
 * table properties (write-audit-publish on), identity partitions, and each column's meaning from the
 * {@link TableCatalog} as its Iceberg doc (which {@code DESCRIBE} in Spark and other engines show).
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
  public static Table ensure(Catalog catalog, String name, Schema columns, List<String> partitionColumns) {
    TableIdentifier identifier = TableIdentifier.of(Lake.NAMESPACE, name);
    Schema schema = documented(name, columns);
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
    List<Types.NestedField> missing = schema.columns().stream()
        .filter(column -> table.schema().findField(column.name()) == null).toList();
    // a table made before its columns had docs gets them
    List<Types.NestedField> undocumented = schema.columns().stream().filter(column -> column.doc() != null)
        .filter(column -> table.schema().findField(column.name()) != null)
        .filter(column -> !Objects.equals(column.doc(), table.schema().findField(column.name()).doc())).toList();
    if (!missing.isEmpty() || !undocumented.isEmpty()) {
      var update = table.updateSchema().unionByNameWith(schema);
      undocumented.forEach(column -> update.updateColumnDoc(column.name(), column.doc()));
      update.commit();
    }
    return table;
  }

  /** The schema with the meaning of each column the catalog knows as its doc. */
  static Schema documented(String table, Schema schema) {
    Map<String, String> meanings = TableCatalog.ALL.stream().filter(known -> known.name().equals(table))
        .flatMap(known -> known.columns().stream()).collect(Collectors.toMap(Column::name, Column::meaning));
    return new Schema(schema.columns().stream().map(column -> Types.NestedField.from(column)
        .withDoc(meanings.getOrDefault(column.name(), column.doc())).build()).toList());
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
