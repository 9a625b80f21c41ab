package io.i94lake.source;

import io.i94lake.core.PipelineException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules that turn one delimited text file into rows, whatever engine runs them: the header is checked against
 * the layout (a missing, empty or wrongly delimited file fails naming the file and what was expected), and each data
 * line becomes the values of a row of {@link DelimitedTextReader#schema}: lineage, then the typed columns. A line
 * that cannot be split, or whose fields do not parse, keeps its reason in {@link SourceColumns#ERROR}. Spark's
 * {@link DelimitedTextReader} and {@link DuckDbTextReader} both use it, so a line is accepted or rejected, with the
 * same reason, on either engine.
 */
public final class DelimitedFileParser implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int LINEAGE_WIDTH = SourceColumns.LINEAGE.fields().length;

  private final String file;
  private final char delimiter;
  private final List<TextColumn> columns;
  private final int[] positions;
  private final int width;

  private DelimitedFileParser(String file, char delimiter, List<TextColumn> columns, int[] positions, int width) {
    this.file = file;
    this.delimiter = delimiter;
    this.columns = columns;
    this.positions = positions;
    this.width = width;
  }

  /** Fails when no file is given. */
  public static void requireFiles(List<String> locations, TextLayout layout) {
    if (locations.isEmpty()) {
      throw PipelineException.sourceMissing("Cannot read %s: no file given", layout.description());
    }
  }

  /** Checks the file's header and finds where each column's field stands in it. */
  public static DelimitedFileParser forFile(RawFiles files, String location, TextLayout layout) {
    if (!files.exists(location)) {
      throw PipelineException.sourceMissing("Cannot read %s file %s: the file does not exist", layout.description(), location);
    }
    String header = files.firstLine(location);
    if (header == null || header.isBlank()) {
      throw PipelineException.sourceMalformed("Cannot read %s file %s: the file is empty, expected a header line: %s",
          layout.description(), location, layout.expectedHeader());
    }
    List<String> names = new ArrayList<>();
    try {
      DelimitedLine.split(header, layout.delimiter()).forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw PipelineException.sourceMalformed("Cannot read %s file %s: header line 1 cannot be split: %s",
          layout.description(), location, e.getMessage());
    }
    for (String field : layout.fields()) {
      if (!names.contains(field.toLowerCase(Locale.ROOT))) {
        throw PipelineException.sourceMalformed(
            "Cannot read %s file %s: the header has no field '%s'; expected fields separated by %s (%s), found %d field%s: %s",
            layout.description(), location, field, layout.delimiterName(), layout.expectedHeader(), names.size(),
            names.size() == 1 ? "" : "s", abbreviate(header));
      }
    }
    int[] positions = layout.columns().stream()
        .mapToInt(column -> names.indexOf(column.field().toLowerCase(Locale.ROOT))).toArray();
    return new DelimitedFileParser(location, layout.delimiter(), layout.columns(), positions, names.size());
  }

  /** Whether a line (numbered from 1) holds a row: line 1 is the header, blank lines are skipped but counted. */
  public static boolean isDataLine(long lineNumber, String line) {
    return lineNumber > 1 && !line.isBlank();
  }

  /** The values of one data line's row: file, line number, raw line, error or null, then the typed columns. */
  public Object[] values(String line, long lineNumber) {
    Object[] values = new Object[LINEAGE_WIDTH + columns.size()];
    values[0] = file;
    values[1] = lineNumber;
    values[2] = line;
    List<String> fields;
    try {
      fields = DelimitedLine.split(line, delimiter);
    } catch (IllegalArgumentException e) {
      values[3] = "cannot be split: " + e.getMessage();
      return values;
    }
    if (fields.size() != width) {
      values[3] = "has " + fields.size() + " fields, expected " + width;
      return values;
    }
    StringBuilder errors = new StringBuilder();
    String lastFailedField = null;
    for (int index = 0; index < columns.size(); index++) {
      TextColumn column = columns.get(index);
      String text = fields.get(positions[index]).strip();
      Object value = text.isEmpty() ? null : column.type().parse(text);
      values[LINEAGE_WIDTH + index] = value;
      String error = null;
      if (value == null && !text.isEmpty()) {
        error = column.field() + " '" + abbreviate(text) + "' is not " + column.type().expectation();
      } else if (value == null && column.required()) {
        error = column.field() + " is empty";
      }
      if (error != null && !column.field().equals(lastFailedField)) {
        errors.append(errors.isEmpty() ? "" : "; ").append(error);
        lastFailedField = column.field();
      }
    }
    values[3] = errors.isEmpty() ? null : errors.toString();
    return values;
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
