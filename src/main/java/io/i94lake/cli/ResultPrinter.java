package io.i94lake.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/** Prints a query result, from either engine, as an aligned table, CSV (RFC 4180) or a JSON array of objects. */
public final class ResultPrinter {
  /** The output formats of {@code sql}. */
  public enum Format { table, csv, json }

  /**
   * A result as text: its columns, whether each is a number or a truth value (unquoted in JSON), and its rows, a
   * null for a null value.
   */
  public record Answer(List<String> columns, List<Boolean> bare, Iterator<String[]> rows) {}

  private static final String NULL_IN_TABLE = "NULL";
  private static final Set<Integer> BARE_JDBC_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
      Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC, Types.BOOLEAN, Types.BIT);

  private final PrintWriter out;

  public ResultPrinter(PrintWriter out) {
    this.out = out;
  }

  /** A Spark result. */
  public static Answer answer(Dataset<Row> result) {
    List<String> columns = List.of(result.columns());
    List<Boolean> bare = Arrays.stream(result.schema().fields()).map(StructField::dataType)
        .map(type -> type instanceof NumericType || type instanceof BooleanType).toList();
    Column[] asText = columns.stream().map(name -> col("`" + name + "`").cast("string").as(name)).toArray(Column[]::new);
    Iterator<Row> rows = result.select(asText).toLocalIterator();
    return new Answer(columns, bare, new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public String[] next() {
        Row row = rows.next();
        String[] cells = new String[row.length()];
        for (int column = 0; column < cells.length; column++) {
          cells[column] = row.isNullAt(column) ? null : row.getString(column);
        }
        return cells;
      }
    });
  }

  /** A JDBC result (DuckDB's). */
  public static Answer answer(ResultSet result) throws SQLException {
    ResultSetMetaData metadata = result.getMetaData();
    List<String> columns = new ArrayList<>();
    List<Boolean> bare = new ArrayList<>();
    for (int column = 1; column <= metadata.getColumnCount(); column++) {
      columns.add(metadata.getColumnLabel(column));
      bare.add(BARE_JDBC_TYPES.contains(metadata.getColumnType(column)));
    }
    return new Answer(columns, bare, new Iterator<>() {
      private Boolean ahead;

      @Override
      public boolean hasNext() {
        try {
          if (ahead == null) {
            ahead = result.next();
          }
          return ahead;
        } catch (SQLException e) {
          throw new IllegalStateException("Cannot read the query's next row: " + e.getMessage(), e);
        }
      }

      @Override
      public String[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ahead = null;
        String[] cells = new String[columns.size()];
        try {
          for (int column = 0; column < cells.length; column++) {
            cells[column] = result.getString(column + 1);
          }
        } catch (SQLException e) {
          throw new IllegalStateException("Cannot read the query's row: " + e.getMessage(), e);
        }
        return cells;
      }
    });
  }

  public void print(Answer answer, Format format, int maxTableRows) {
    switch (format) {
      case table -> printTable(answer, maxTableRows);
      case csv -> printCsv(answer);
      case json -> printJson(answer);
    }
    out.flush();
  }

  private void printTable(Answer answer, int maxRows) {
    String[] names = answer.columns().toArray(String[]::new);
    List<String[]> rows = new ArrayList<>();
    while (rows.size() <= maxRows && answer.rows().hasNext()) {
      rows.add(answer.rows().next());
    }
    int shown = Math.min(rows.size(), maxRows);
    int[] widths = Arrays.stream(names).mapToInt(String::length).toArray();
    for (int index = 0; index < shown; index++) {
      for (int column = 0; column < names.length; column++) {
        widths[column] = Math.max(widths[column], cell(rows.get(index)[column]).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    out.println(rule);
    out.println(line(names, widths));
    out.println(rule);
    for (int index = 0; index < shown; index++) {
      out.println(line(Arrays.stream(rows.get(index)).map(ResultPrinter::cell).toArray(String[]::new), widths));
    }
    out.println(rule);
    if (rows.size() > maxRows) {
      out.printf("(first %,d rows shown; raise --max-rows or use --format csv for all)%n", maxRows);
    } else {
      out.printf("(%,d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
    }
  }

  private void printCsv(Answer answer) {
    out.println(String.join(",", answer.columns().stream().map(ResultPrinter::csvField).toList()));
    while (answer.rows().hasNext()) {
      String[] row = answer.rows().next();
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.length; column++) {
        line.append(column == 0 ? "" : ",").append(row[column] == null ? "" : csvField(row[column]));
      }
      out.println(line);
    }
  }

  private void printJson(Answer answer) {
    out.print("[");
    boolean first = true;
    while (answer.rows().hasNext()) {
      String[] row = answer.rows().next();
      StringBuilder object = new StringBuilder("{");
      for (int column = 0; column < row.length; column++) {
        object.append(column == 0 ? "" : ",").append(jsonString(answer.columns().get(column))).append(':');
        String value = row[column];
        object.append(value == null ? "null" : answer.bare().get(column) ? value : jsonString(value));
      }
      out.print(first ? "\n  " : ",\n  ");
      out.print(object.append('}'));
      first = false;
    }
    out.println(first ? "]" : "\n]");
  }

  private static String cell(String value) {
    return value == null ? NULL_IN_TABLE : value;
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int column = 0; column < cells.length; column++) {
      line.append(' ').append(cells[column]).append(" ".repeat(widths[column] - cells[column].length())).append(" |");
    }
    return line.toString();
  }

  private static String csvField(String value) {
    boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static String jsonString(String value) {
    StringBuilder json = new StringBuilder("\"");
    for (char character : value.toCharArray()) {
      switch (character) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> json.append(character < 0x20 ? String.format("\\u%04x", (int) character) : String.valueOf(character));
      }
    }
    return json.append('"').toString();
  }
}
