package io.i94lake.lake;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * What Iceberg does not check when it is handed a data file written elsewhere, checked from the file's metrics: its
 * required columns hold values, and every row is in the partition the file is filed under (for identity partitions,
 * as far as the metrics tell: a column whose metrics mode keeps no bounds tells nothing, a truncated string bound
 * only its prefix).
 */
final class DataFileCheck {
  private DataFileCheck() {}

  /** Refuses a file that breaks either rule. */
  static void require(Table table, DataFile file, Path written) {
    for (Types.NestedField column : table.schema().columns()) {
      Long nulls = count(file.nullValueCounts(), column.fieldId());
      if (column.isRequired() && nulls != null && nulls > 0) {
        throw new IllegalArgumentException(String.format("Cannot commit file %s to table %s: required column %s is null in %d of %d rows",
            written, table.name(), column.name(), nulls, file.recordCount()));
      }
    }
    List<PartitionField> fields = table.spec().fields();
    for (int index = 0; index < fields.size(); index++) {
      PartitionField field = fields.get(index);
      Types.NestedField column = table.schema().findField(field.sourceId());
      Object value = file.partition().get(index, Object.class);
      if (field.transform().isIdentity() && column.type().isPrimitiveType()
          && !holdsOnly(file, column.fieldId(), column.type().asPrimitiveType(), value)) {
        throw new IllegalArgumentException(String.format("Cannot commit file %s to table %s: it is filed under %s = %s, but its "
            + "rows hold other values of %s (%s to %s, %s of %d null); a file holds the rows of one partition", written,
            table.name(), field.name(), value, column.name(), bound(file.lowerBounds(), column), bound(file.upperBounds(), column),
            count(file.nullValueCounts(), column.fieldId()), file.recordCount()));
      }
    }
  }

  private static boolean holdsOnly(DataFile file, int fieldId, Type.PrimitiveType type, Object value) {
    Long nulls = count(file.nullValueCounts(), fieldId);
    if (value == null) {
      return nulls == null || nulls == file.recordCount();
    }
    if (nulls != null && nulls > 0) {
      return false;
    }
    ByteBuffer lowerBound = file.lowerBounds() == null ? null : file.lowerBounds().get(fieldId);
    ByteBuffer upperBound = file.upperBounds() == null ? null : file.upperBounds().get(fieldId);
    if (lowerBound == null || upperBound == null) {
      return true;
    }
    Comparator<Object> order = Comparators.forType(type);
    Object lower = Conversions.fromByteBuffer(type, lowerBound);
    Object upper = Conversions.fromByteBuffer(type, upperBound);
    boolean exact = order.compare(lower, value) == 0 && order.compare(upper, value) == 0;
    // the metrics mode truncates long strings: the lower bound is then a shorter prefix of the value
    boolean truncated = value instanceof CharSequence text && text.length() > lower.toString().length()
        && text.toString().startsWith(lower.toString()) && order.compare(value, upper) <= 0;
    return exact || truncated;
  }

  private static Long count(Map<Integer, Long> counts, int fieldId) {
    return counts == null ? null : counts.get(fieldId);
  }

  private static Object bound(Map<Integer, ByteBuffer> bounds, Types.NestedField column) {
    ByteBuffer bound = bounds == null ? null : bounds.get(column.fieldId());
    return bound == null ? "?" : Conversions.fromByteBuffer(column.type(), bound);
  }
}
