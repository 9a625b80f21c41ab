package io.i94lake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * Small unpartitioned tables (the published-run pointer, the run history) written and read row by row through
 * Iceberg alone, with rows as maps from column name to value; a column the map lacks is null.
 */
final class RecordFiles {
  private RecordFiles() {}

  /** Writes the rows, in the table's current schema, as one data file of the table, to be committed by the caller. */
  static DataFile write(Table table, String prefix, List<Map<String, Object>> rows) {
    String location = table.locationProvider().newDataLocation(prefix + "-" + UUID.randomUUID() + ".parquet");
    DataWriter<Record> writer;
    try {
      writer = Parquet.writeData(table.io().newOutputFile(location)).schema(table.schema())
          .createWriterFunc(GenericParquetWriter::create).withSpec(table.spec()).overwrite().build();
      try (writer) {
        for (Map<String, Object> row : rows) {
          GenericRecord record = GenericRecord.create(table.schema());
          row.forEach(record::setField);
          writer.write(record);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write rows of " + table.name() + " at " + location, e);
    }
    return writer.toDataFile();
  }

  /** The rows matching a filter, at the table's current snapshot (a snapshot id when not null). */
  static List<Map<String, Object>> read(Table table, Long snapshotId, Expression filter) {
    var scan = IcebergGenerics.read(table).where(filter);
    if (snapshotId != null) {
      scan = scan.useSnapshot(snapshotId);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = scan.build()) {
      for (Record record : records) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Types.NestedField field : table.schema().columns()) {
          row.put(field.name(), record.getField(field.name()));
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + table.name(), e);
    }
    return rows;
  }
}
