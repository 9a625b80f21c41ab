package io.i94lake.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** Prints a query result as an aligned table, CSV (RFC 4180) or a JSON array of objects. */
public final class ResultPrinter {
  /** The output formats of {@code sql}. */
  public enum Format { table, csv, json }

  private static final String NULL_IN_TABLE = "NULL";

  private final PrintWriter out;

  public ResultPrinter(PrintWriter out) {
    this.out = out;
  }

  public void print(Dataset<Row> result, Format format, int maxTableRows) {
    switch (format) {
      case table -> printTable(result, maxTableRows);
      case csv -> printCsv(result);
      case json -> printJson(result);
    }
    out.flush();
  }

  private void printTable(Dataset<Row> result, int maxRows) {
    String[] names = result.columns();
    List<Row> rows = asText(result).limit(maxRows + 1).collectAsList();
    int[] widths = Arrays.stream(names).mapToInt(String::length).toArray();
    for (int index = 0; index < Math.min(rows.size(), maxRows); index++) {
      for (int column = 0; column < names.length; column++) {
        widths[column] = Math.max(widths[column], cell(rows.get(index), column).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    out.println(rule);
    out.println(line(names, widths));
    out.println(rule);
    for (int index = 0; index < Math.min(rows.size(), maxRows); index++) {
      Row row = rows.get(index);
      String[] cells = new String[names.length];
      for (int column = 0; column < names.length; column++) {
        cells[column] = cell(row, column);
      }
      out.println(line(cells, widths));
    }
    out.println(rule);
    if (rows.size() > maxRows) {
      out.printf("(first %,d rows shown; raise --max-rows or use --format csv for all)%n", maxRows);
    } else {
      out.printf("(%,d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
    }
  }

  private void printCsv(Dataset<Row> result) {
    out.println(String.join(",", Arrays.stream(result.columns()).map(ResultPrinter::csvField).toList()));
    Iterator<Row> rows = asText(result).toLocalIterator();
    while (rows.hasNext()) {
      Row row = rows.next();
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.length(); column++) {
        line.append(column == 0 ? "" : ",").append(row.isNullAt(column) ? "" : csvField(row.getString(column)));
      }
      out.println(line);
    }
  }

  private void printJson(Dataset<Row> result) {
    Column[] columns = Arrays.stream(result.columns()).map(name -> col("`" + name + "`")).toArray(Column[]::new);
    Iterator<String> rows = result.select(to_json(struct(columns), Map.of("ignoreNullFields", "false")))
        .as(Encoders.STRING()).toLocalIterator();
    out.print("[");
    boolean first = true;
    while (rows.hasNext()) {
      out.print(first ? "\n  " : ",\n  ");
      out.print(rows.next());
      first = false;
    }
    out.println(first ? "]" : "\n]");
  }

  private static Dataset<Row> asText(Dataset<Row> result) {
    Column[] columns = Arrays.stream(result.columns()).map(name -> col("`" + name + "`").cast("string").as(name)).toArray(Column[]::new);
    return result.select(columns);
  }

  private static String cell(Row row, int column) {
    return row.isNullAt(column) ? NULL_IN_TABLE : row.getString(column);
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
}
