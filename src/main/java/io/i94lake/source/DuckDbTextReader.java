package io.i94lake.source;

import io.i94lake.core.PipelineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;

/**
 * Reads delimited text files into a DuckDB table, as {@link DelimitedTextReader} does on Spark: the same
 * {@link DelimitedFileParser} checks each header before any line is read and turns each line into a row, which
 * DuckDB's appender takes as it comes. DuckDB's own CSV reader is not used: its rejects carry DuckDB's reasons and
 * it knows none of our field types (M/D/YYYY dates, {@code 32.95N}, {@code "lon, lat"} pairs).
 */
public final class DuckDbTextReader {
  private final Connection connection;
  private final RawFiles files;

  public DuckDbTextReader(Connection connection, RawFiles files) {
    this.connection = connection;
    this.files = files;
  }

  /** Reads the files of a text source into {@code <source>_rows}, replacing an earlier read of it. */
  public DuckDbSourceRead read(String source, List<String> locations, TextLayout layout) {
    DelimitedFileParser.requireFiles(locations, layout);
    List<DelimitedFileParser> parsers = locations.stream()
        .map(location -> DelimitedFileParser.forFile(files, location, layout)).toList();
    DuckDbTable.load(connection, source + "_rows", DelimitedTextReader.schema(layout), table -> {
      for (int index = 0; index < locations.size(); index++) {
        append(table, locations.get(index), parsers.get(index));
      }
    });
    return DuckDbSourceRead.of(connection, source, locations, SourceColumns.RAW);
  }

  /** Appends the rows of one file's data lines, numbered as Spark numbers them. */
  void append(DuckDbTable table, String location, DelimitedFileParser parser) {
    try (BufferedReader reader = files.textReader(location)) {
      long lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (DelimitedFileParser.isDataLine(lineNumber, line)) {
          table.append(parser.values(line, lineNumber));
        }
      }
    } catch (IOException e) {
      throw PipelineException.sourceMissing("Cannot read %s: %s", location, e.getMessage());
    }
  }
}
