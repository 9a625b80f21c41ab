package io.i94lake.generate;

import static io.i94lake.generate.ArrivalRecord.NUMERIC;
import static io.i94lake.generate.ArrivalRecord.WIDTH;

import io.i94lake.source.I94Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes records as CSV, in one of two dialects (see {@link ArrivalFormat}): {@code csv} as pandas wrote the
 * Udacity sample (an unnamed index column first, numbers as float strings {@code 5748517.0}), {@code sas-csv} as a
 * SAS export would (no index column, whole numbers without {@code .0}). Missing values are empty fields; a text with a
 * comma or quote is quoted. Bytes go straight into a buffer: no String per field.
 */
final class CsvArrivalWriter implements ArrivalWriter {
  private static final int BUFFER = 1 << 20;
  private static final byte[] NOT_A_NUMBER = "n/a".getBytes(StandardCharsets.US_ASCII);
  private static final int CUT_AFTER_FIELDS = 6;

  private final OutputStream output;
  private final boolean pandas;
  private final byte[] buffer = new byte[BUFFER];
  private final byte[] digits = new byte[20];
  private int length;

  CsvArrivalWriter(Path file, boolean pandas) throws IOException {
    this.output = Files.newOutputStream(file);
    this.pandas = pandas;
    String header = (pandas ? "," : "") + String.join(",", I94Schema.COLUMNS) + "\n";
    append(header.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void write(ArrivalRecord record) throws IOException {
    if (length > BUFFER - 4096) {
      flush();
    }
    boolean first = true;
    int fields = 0;
    if (pandas) {
      appendWhole(record.rowNumber);
      first = false;
      fields++;
    }
    for (int column = 0; column < WIDTH; column++) {
      if (record.dirty == DirtyKind.LINE_CUT_SHORT && fields == CUT_AFTER_FIELDS) {
        break;
      }
      if (!first) {
        buffer[length++] = ',';
      }
      first = false;
      fields++;
      if (NUMERIC[column]) {
        if (record.dirty == DirtyKind.NUMBER_AS_TEXT && column == ArrivalRecord.AGE) {
          append(NOT_A_NUMBER);
        } else {
          appendNumber(record.numbers[column]);
        }
      } else if (record.texts[column] != null) {
        appendText(record.texts[column].getBytesUnsafe());
      }
    }
    buffer[length++] = '\n';
  }

  @Override
  public void close() throws IOException {
    try (output) {
      flush();
    }
  }

  private void appendNumber(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      appendWhole((long) value);
      if (pandas) {
        buffer[length++] = '.';
        buffer[length++] = '0';
      }
    } else {
      append(java.math.BigDecimal.valueOf(value).toPlainString().getBytes(StandardCharsets.US_ASCII));
    }
  }

  private void appendWhole(long value) {
    if (value < 0) {
      buffer[length++] = '-';
      value = -value;
    }
    int count = 0;
    do {
      digits[count++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    while (count > 0) {
      buffer[length++] = digits[--count];
    }
  }

  private void appendText(byte[] text) {
    boolean quote = false;
    for (byte character : text) {
      if (character == ',' || character == '"' || character == '\n' || character == '\r') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      append(text);
      return;
    }
    buffer[length++] = '"';
    for (byte character : text) {
      if (character == '"') {
        buffer[length++] = '"';
      }
      buffer[length++] = character;
    }
    buffer[length++] = '"';
  }

  private void append(byte[] bytes) {
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void flush() throws IOException {
    output.write(buffer, 0, length);
    length = 0;
  }
}
