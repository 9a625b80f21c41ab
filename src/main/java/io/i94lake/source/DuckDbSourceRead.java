package io.i94lake.source;

import static io.i94lake.source.DuckDbTable.quote;
import static io.i94lake.source.SourceColumns.ERROR;
import static io.i94lake.source.SourceColumns.FILE;
import static io.i94lake.source.SourceColumns.LINE;
import static io.i94lake.source.SourceColumns.RAW;
import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows read from one source into DuckDB, as {@link SourceRead} is for Spark, as three relations of the
 * connection named after the source: {@code <source>_rows} (every row with its lineage, as
 * {@link SourceRead#rows()}), the view {@code <source>} of the usable rows ({@link SourceRead#accepted()}) and the
 * view {@code <source>_rejects} ({@link SourceRead#rejects()}). Same columns, same rows, same texts as on Spark.
 *
 * @param source the source's name in counts and rejects ("airports", "i94", …)
 * @param name what its relations are named after: the source's name, or another for rows derived from a read (one
 *     month of "i94")
 * @param raw the SQL expression over {@link #rows()} that shows a row's original content in the rejects
 */
public record DuckDbSourceRead(Connection connection, String source, String name, List<String> files, String raw) {
  public DuckDbSourceRead {
    requireNonNull(connection, "connection is null");
    requireNonNull(source, "source is null");
    requireNonNull(name, "name is null");
    files = List.copyOf(files);
    requireNonNull(raw, "raw is null");
  }

  /** The read of a source whose rows stand in {@code <source>_rows}: makes its two views. */
  static DuckDbSourceRead of(Connection connection, String source, List<String> files, String raw) {
    DuckDbSourceRead read = new DuckDbSourceRead(connection, source, source, files, raw);
    read.createViews();
    return read;
  }

  /**
   * Rows derived from this read's (dated, one month's), under another name: {@code <name>_rows} is the view of the
   * query, with the two views of the usable and unusable rows beside it.
   */
  public DuckDbSourceRead withRows(String name, String query) {
    DuckDbSourceRead read = new DuckDbSourceRead(connection, source, name, files, raw);
    read.execute("CREATE OR REPLACE VIEW " + quote(read.rows()) + " AS " + query);
    read.createViews();
    return read;
  }

  /** The relation of every row read: lineage columns, then the source's columns. */
  public String rows() {
    return name + "_rows";
  }

  /** The view of the usable rows, with their file and line but without the raw text. */
  public String accepted() {
    return name;
  }

  /**
   * The view of the unusable rows as rejects: source, location (file:line), reason, raw content, and the year and
   * month they belong to where the rows have them, else null.
   */
  public String rejects() {
    return name + "_rejects";
  }

  private void createViews() {
    List<String> columns = columnsOf(rows());
    String year = columns.contains("year") ? "year" : "CAST(NULL AS INTEGER)";
    String month = columns.contains("month") ? "month" : "CAST(NULL AS INTEGER)";
    execute("CREATE OR REPLACE VIEW " + quote(accepted()) + " AS SELECT * EXCLUDE (" + RAW + ", " + ERROR + ") FROM "
        + quote(rows()) + " WHERE " + ERROR + " IS NULL");
    execute("CREATE OR REPLACE VIEW " + quote(rejects()) + " AS SELECT "
        + "'" + source.replace("'", "''") + "' AS source, "
        + "regexp_replace(" + FILE + ", '" + SourceColumns.FILE_SCHEME_PATTERN + "', '') || ':' || CAST(" + LINE + " AS VARCHAR) AS location, "
        + ERROR + " AS reason, " + raw + " AS raw, " + year + " AS year, " + month + " AS month "
        + "FROM " + quote(rows()) + " WHERE " + ERROR + " IS NOT NULL");
  }

  /** Counts rows and rejected rows per file, with the first rejected row of each, in one query. */
  public SourceCount count() {
    return countBy(List.of()).getOrDefault(List.of(), new SourceCount(source, List.of()));
  }

  /** The counts of the rows by the values of these columns (as {@link SourceRead#countBy}), in one query. */
  public Map<List<Object>, SourceCount> countBy(List<String> columns) {
    String keys = columns.stream().map(column -> quote(column) + ", ").collect(Collectors.joining());
    String sql = "SELECT " + keys + FILE + ", count(*), count(" + ERROR + "), "
        + "min(" + LINE + ") FILTER (WHERE " + ERROR + " IS NOT NULL), "
        + "arg_min(" + ERROR + ", " + LINE + ") FILTER (WHERE " + ERROR + " IS NOT NULL) "
        + "FROM " + quote(rows()) + " GROUP BY ALL";
    Map<List<Object>, List<SourceCount.FileCount>> counts = new HashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        List<Object> key = new ArrayList<>();
        for (int column = 1; column <= columns.size(); column++) {
          key.add(result.getObject(column));
        }
        int at = columns.size();
        long firstRejected = result.getLong(at + 4);
        String firstReject = result.wasNull() ? null : firstRejected + ": " + result.getString(at + 5);
        counts.computeIfAbsent(key, ignored -> new ArrayList<>()).add(new SourceCount.FileCount(
            SourceRead.withoutScheme(result.getString(at + 1)), result.getLong(at + 2), result.getLong(at + 3), firstReject));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count the rows of " + source + " in DuckDB: " + e.getMessage(), e);
    }
    Map<List<Object>, SourceCount> byKey = new HashMap<>();
    counts.forEach((key, files) -> {
      files.sort(Comparator.comparing(SourceCount.FileCount::file));
      byKey.put(Collections.unmodifiableList(key), new SourceCount(source, files));
    });
    return byKey;
  }

  private List<String> columnsOf(String relation) {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT column_name FROM (DESCRIBE " + quote(relation) + ")")) {
      while (result.next()) {
        columns.add(result.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot describe " + relation + " in DuckDB: " + e.getMessage(), e);
    }
    return columns;
  }

  private void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot make the relations of " + source + " in DuckDB: " + e.getMessage(), e);
    }
  }
}
