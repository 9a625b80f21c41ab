package io.i94lake.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values and how many records of the real April 2016 month had them (a resource {@code generate/NAME.tsv}, derived
 * once by {@code bench/FrequencyTables.java}); draws rows with the same frequencies in constant time (Walker's alias
 * method), one random number per draw. {@code \N} in the file is a missing value (null here).
 */
public final class FrequencyTable {
  private static final String MISSING = "\\N";
  private static final double TWO_TO_32 = 4294967296.0;

  private final String name;
  private final List<String> columns;
  private final String[][] values;
  private final long[] counts;
  private final double[] keep;
  private final int[] alias;

  private FrequencyTable(String name, List<String> columns, String[][] values, long[] counts) {
    if (values.length == 0) {
      throw new IllegalArgumentException("Cannot draw from frequency table " + name + ": it has no rows");
    }
    this.name = name;
    this.columns = List.copyOf(columns);
    this.values = values;
    this.counts = counts;
    this.keep = new double[values.length];
    this.alias = new int[values.length];
    buildAlias();
  }

  /** The table {@code generate/NAME.tsv} from the class path. */
  public static FrequencyTable load(String name) {
    String resource = "/generate/" + name + ".tsv";
    try (InputStream input = FrequencyTable.class.getResourceAsStream(resource)) {
      if (input == null) {
        throw new IllegalStateException("Cannot load frequency table " + name + ": no resource " + resource + " on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
      List<String> header = Arrays.asList(reader.readLine().split("\t", -1));
      if (!"rows".equals(header.get(header.size() - 1))) {
        throw new IllegalStateException("Cannot load frequency table " + resource + ": its last column is not 'rows': " + header);
      }
      List<String[]> rows = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        String[] fields = line.split("\t", -1);
        if (fields.length != header.size()) {
          throw new IllegalStateException("Cannot load frequency table " + resource + ": line " + lineNumber + " has "
              + fields.length + " fields, expected " + header.size());
        }
        String[] row = new String[fields.length - 1];
        for (int column = 0; column < row.length; column++) {
          row[column] = MISSING.equals(fields[column]) ? null : fields[column];
        }
        rows.add(row);
        counts.add(Long.parseLong(fields[fields.length - 1]));
      }
      return new FrequencyTable(name, header.subList(0, header.size() - 1), rows.toArray(String[][]::new),
          counts.stream().mapToLong(Long::longValue).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load frequency table " + resource, e);
    }
  }

  /** A table built in code: {@code values[row][column]} drawn in proportion to {@code counts[row]}. */
  public static FrequencyTable of(String name, List<String> columns, String[][] values, long[] counts) {
    if (values.length != counts.length) {
      throw new IllegalArgumentException("Cannot build frequency table " + name + ": " + values.length + " rows but " + counts.length + " counts");
    }
    return new FrequencyTable(name, columns, values, counts);
  }

  /** The rows whose {@code column} is {@code value} (null for missing), with their counts. */
  public FrequencyTable where(String column, String value) {
    int index = column(column);
    List<String[]> rows = new ArrayList<>();
    List<Long> selected = new ArrayList<>();
    for (int row = 0; row < values.length; row++) {
      if (java.util.Objects.equals(values[row][index], value)) {
        rows.add(values[row]);
        selected.add(counts[row]);
      }
    }
    return new FrequencyTable(name + " where " + column + " = " + value, columns, rows.toArray(String[][]::new),
        selected.stream().mapToLong(Long::longValue).toArray());
  }

  /** A row drawn with probability proportional to its count. */
  public int draw(SplittableRandom random) {
    long bits = random.nextLong();
    int row = (int) (((bits >>> 32) * values.length) >>> 32);
    return (bits & 0xFFFFFFFFL) / TWO_TO_32 < keep[row] ? row : alias[row];
  }

  public String value(int row, String column) {
    return values[row][column(column)];
  }

  public String value(int row, int column) {
    return values[row][column];
  }

  public int column(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("Frequency table " + name + " has no column " + column + "; it has " + columns);
    }
    return index;
  }

  public List<String> columns() {
    return columns;
  }

  public int size() {
    return values.length;
  }

  public long count(int row) {
    return counts[row];
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  public String name() {
    return name;
  }

  // Vose's variant: rows above the mean lend their excess to rows below it
  private void buildAlias() {
    int size = counts.length;
    double total = Arrays.stream(counts).sum();
    double[] scaled = new double[size];
    ArrayDeque<Integer> small = new ArrayDeque<>();
    ArrayDeque<Integer> large = new ArrayDeque<>();
    for (int row = 0; row < size; row++) {
      scaled[row] = counts[row] * size / total;
      (scaled[row] < 1.0 ? small : large).add(row);
    }
    while (!small.isEmpty() && !large.isEmpty()) {
      int less = small.poll();
      int more = large.poll();
      keep[less] = scaled[less];
      alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1.0;
      (scaled[more] < 1.0 ? small : large).add(more);
    }
    for (int row : large) {
      keep[row] = 1.0;
      alias[row] = row;
    }
    for (int row : small) {
      keep[row] = 1.0;
      alias[row] = row;
    }
  }
}
