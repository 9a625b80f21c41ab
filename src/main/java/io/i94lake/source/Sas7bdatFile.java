package io.i94lake.source;

import com.epam.parso.Column;
import com.epam.parso.SasFileReader;
import com.epam.parso.impl.SasFileReaderImpl;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A SAS7BDAT file read row by row with parso: numbers come as {@link Long} or {@link Double}, characters as
 * {@link String}, missing values as null. Reads lazily, so a month of arrivals never sits in memory whole.
 */
public final class Sas7bdatFile implements Iterator<Object[]>, Closeable {
  private final InputStream input;
  private final SasFileReader reader;
  private final long rowCount;
  private long rowsRead;

  public Sas7bdatFile(InputStream input) {
    this.input = input;
    this.reader = new SasFileReaderImpl(input);
    this.rowCount = reader.getSasFileProperties().getRowCount();
  }

  /** The column names in file order. */
  public List<String> columnNames() {
    return reader.getColumns().stream().map(Column::getName).toList();
  }

  /** The Java class of each column's values: {@link Number} or {@link String}. */
  public List<Class<?>> columnTypes() {
    return reader.getColumns().stream().<Class<?>>map(Column::getType).toList();
  }

  public long rowCount() {
    return rowCount;
  }

  @Override
  public boolean hasNext() {
    return rowsRead < rowCount;
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException("All " + rowCount + " rows have been read");
    }
    try {
      Object[] row = reader.readNext();
      rowsRead++;
      if (row == null) {
        throw new IOException("the file ends after " + (rowsRead - 1) + " of " + rowCount + " rows");
      }
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SAS7BDAT row " + (rowsRead + 1), e);
    }
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
