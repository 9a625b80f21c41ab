package io.i94lake.generate;

import static io.i94lake.generate.ArrivalRecord.NUMERIC;
import static io.i94lake.generate.ArrivalRecord.WIDTH;

import io.i94lake.source.I94Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes records as the real monthly files are: 28 optional columns, every number DOUBLE, every text a UTF-8
 * string, Snappy-compressed, with parquet-hadoop's record writer straight to a local file (no Spark, no Hadoop
 * file system, so no {@code .crc} files).
 */
final class ParquetArrivalWriter implements ArrivalWriter {
  static final MessageType SCHEMA = schema();
  private static final int ROW_GROUP_BYTES = 128 * 1024 * 1024;

  // without Hadoop's default resources: nothing here reads them, and loading them costs a second per writer
  private static final Configuration CONFIGURATION = new Configuration(false);

  private final ParquetWriter<ArrivalRecord> writer;

  ParquetArrivalWriter(Path file) throws IOException {
    Builder builder = new Builder(file);
    for (int column = 0; column < WIDTH; column++) {
      if (!NUMERIC[column]) {
        // min and max of texts: a byte-wise comparison per value, a tenth of the writer's time, for statistics no
        // reader of these files uses (the I-94 reader skips row groups by arrdate, a number)
        builder.withStatisticsEnabled(I94Schema.COLUMNS.get(column), false);
      }
    }
    writer = builder
        .withConf(CONFIGURATION)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withRowGroupSize((long) ROW_GROUP_BYTES)
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
        .withDictionaryEncoding(true)
        // unique per record: a dictionary would only grow until it falls back to plain encoding
        .withDictionaryEncoding("cicid", false)
        .withDictionaryEncoding("admnum", false)
        .build();
  }

  @Override
  public void write(ArrivalRecord record) throws IOException {
    writer.write(record);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static MessageType schema() {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (int column = 0; column < WIDTH; column++) {
      String name = I94Schema.COLUMNS.get(column);
      if (NUMERIC[column]) {
        builder.optional(PrimitiveTypeName.DOUBLE).named(name);
      } else {
        builder.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
      }
    }
    return builder.named("spark_schema");
  }

  private static final class Builder extends ParquetWriter.Builder<ArrivalRecord, Builder> {
    Builder(Path file) {
      super(new LocalOutputFile(file));
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<ArrivalRecord> getWriteSupport(Configuration configuration) {
      return new RecordWriteSupport();
    }
  }

  private static final class RecordWriteSupport extends WriteSupport<ArrivalRecord> {
    private RecordConsumer consumer;

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(SCHEMA, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(ArrivalRecord record) {
      consumer.startMessage();
      for (int column = 0; column < WIDTH; column++) {
        if (NUMERIC[column]) {
          double value = record.numbers[column];
          if (!Double.isNaN(value)) {
            consumer.startField(I94Schema.COLUMNS.get(column), column);
            consumer.addDouble(value);
            consumer.endField(I94Schema.COLUMNS.get(column), column);
          }
        } else if (record.texts[column] != null) {
          consumer.startField(I94Schema.COLUMNS.get(column), column);
          consumer.addBinary(record.texts[column]);
          consumer.endField(I94Schema.COLUMNS.get(column), column);
        }
      }
      consumer.endMessage();
    }
  }
}
