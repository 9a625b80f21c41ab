package io.i94lake.source;

import static io.i94lake.source.DuckDbTable.quote;
import static io.i94lake.source.SourceColumns.ERROR;
import static io.i94lake.source.SourceColumns.FILE;
import static io.i94lake.source.SourceColumns.LINE;
import static io.i94lake.source.SourceColumns.RAW;

import io.i94lake.core.PipelineException;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads I-94 arrival files into DuckDB with the rows, columns and rejects of {@link I94Reader}: Parquet through
 * DuckDB's {@code read_parquet} as a view with the Spark reader's casts (DuckDB reads every column of the April month
 * in under a second, so nothing is copied); CSV with {@link DelimitedFileParser} and SAS7BDAT through parso
 * ({@link Sas7bdatRows}), both appended to one table. The view {@code i94_rows} puts the two together; a row's raw
 * content in the rejects is its line, or Spark's JSON text of its columns ({@link DuckDbSparkJson}).
 */
public final class DuckDbI94Reader {
  static final String PARQUET_VIEW = "i94_parquet";
  static final String APPENDED_TABLE = "i94_appended";

  private final Connection connection;
  private final RawFiles files;
  private final I94Files i94Files;

  public DuckDbI94Reader(Connection connection, RawFiles files) {
    this.connection = connection;
    this.files = files;
    this.i94Files = new I94Files(files);
  }

  /** Reads the files and folders given (folders recursively), replacing an earlier read. */
  public DuckDbSourceRead read(List<String> locations) {
    Map<I94Reader.Format, List<String>> byFormat = i94Files.byFormat(locations);
    List<String> parquet = byFormat.getOrDefault(I94Reader.Format.PARQUET, List.of());
    List<String> csv = byFormat.getOrDefault(I94Reader.Format.CSV, List.of());
    List<String> sas = byFormat.getOrDefault(I94Reader.Format.SAS7BDAT, List.of());
    // every file is checked before anything is read or replaced, in the order of the Spark reader's checks
    if (!parquet.isEmpty()) {
      I94Reader.requireColumns(parquet.get(0), "Parquet", parquetColumns(parquet));
    }
    List<DelimitedFileParser> parsers = csv.stream()
        .map(file -> DelimitedFileParser.forFile(files, file, I94Reader.CSV_LAYOUT)).toList();
    sas.forEach(file -> I94Reader.requireColumns(file, "SAS7BDAT", I94Reader.sasColumns(i94Files, file)));

    execute("DROP VIEW IF EXISTS " + quote(PARQUET_VIEW));
    execute("DROP TABLE IF EXISTS " + quote(APPENDED_TABLE));
    List<String> parts = new ArrayList<>();
    if (!parquet.isEmpty()) {
      createParquetView(PARQUET_VIEW, parquet);
      parts.add(PARQUET_VIEW);
    }
    if (!csv.isEmpty() || !sas.isEmpty()) {
      appendTextAndSas(csv, parsers, sas);
      parts.add(APPENDED_TABLE);
    }
    execute("CREATE OR REPLACE VIEW " + quote(I94Reader.SOURCE + "_rows") + " AS "
        + parts.stream().map(part -> "SELECT * FROM " + quote(part)).collect(Collectors.joining(" UNION ALL BY NAME ")));
    DuckDbSparkJson.defineMacros(connection);
    List<String> all = byFormat.values().stream().flatMap(List::stream).toList();
    return DuckDbSourceRead.of(connection, I94Reader.SOURCE, all, "coalesce(" + RAW + ", " + DuckDbSparkJson.object(I94Schema.RAW) + ")");
  }

  private static String parquetRead(List<String> paths) {
    String list = paths.stream().map(DuckDbI94Reader::literal).collect(Collectors.joining(", ", "[", "]"));
    return "read_parquet(" + list + ", filename = true, file_row_number = true)";
  }

  /**
   * Makes a view of I-94 Parquet files with the columns of {@code i94_rows}; for some of the files read (one month's,
   * when their footers tell it), so that a query of them opens no other file.
   */
  public void createParquetView(String name, List<String> paths) {
    // Spark names a Parquet row's file by its URI; the CASE gives each file that name
    StringBuilder uris = new StringBuilder("CASE filename");
    paths.forEach(path -> uris.append(" WHEN ").append(literal(path)).append(" THEN ").append(literal(sparkUri(path))));
    StringBuilder select = new StringBuilder("SELECT ").append(uris).append(" END AS ").append(FILE)
        .append(", file_row_number + 1 AS ").append(LINE)
        .append(", CAST(NULL AS VARCHAR) AS ").append(RAW)
        .append(", CAST(NULL AS VARCHAR) AS ").append(ERROR);
    for (var field : I94Schema.RAW.fields()) {
      select.append(", CAST(").append(quote(field.name())).append(" AS ").append(DuckDbTable.typeOf(field.dataType()))
          .append(") AS ").append(quote(field.name()));
    }
    execute("CREATE OR REPLACE VIEW " + quote(name) + " AS " + select + " FROM " + parquetRead(paths));
  }

  // the columns DuckDB reads from the files: those of the first file
  private List<String> parquetColumns(List<String> paths) {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM " + parquetRead(paths) + ")")) {
      while (result.next()) {
        columns.add(result.getString(1).toLowerCase(Locale.ROOT));
      }
    } catch (SQLException e) {
      throw PipelineException.sourceMalformed("Cannot read I-94 Parquet files (%d, the first %s): %s", paths.size(), paths.get(0),
          e.getMessage());
    }
    return columns;
  }

  // the URI Spark names a Parquet file by: file:/data/x.parquet (no empty authority), spaces as %20
  private String sparkUri(String path) {
    try {
      Path hadoopPath = new Path(path);
      URI uri = hadoopPath.getFileSystem(files.hadoopConfiguration()).makeQualified(hadoopPath).toUri();
      return uri.getAuthority() == null || uri.getAuthority().isEmpty() ? uri.getScheme() + ":" + uri.getRawPath() : uri.toString();
    } catch (IOException e) {
      throw PipelineException.sourceMissing("Cannot read I-94 file %s: %s", path, e.getMessage());
    }
  }

  private void appendTextAndSas(List<String> csv, List<DelimitedFileParser> parsers, List<String> sas) {
    DuckDbTextReader text = new DuckDbTextReader(connection, files);
    DuckDbTable.load(connection, APPENDED_TABLE, I94Reader.SCHEMA, table -> {
      for (int index = 0; index < csv.size(); index++) {
        text.append(table, csv.get(index), parsers.get(index));
      }
      for (String file : sas) {
        appendSas(table, file, files.hadoopConfiguration(), I94Schema.COLUMNS, I94Schema.NUMERIC);
      }
    });
  }

  /** Streams the rows of a SAS7BDAT file, as {@link Sas7bdatRows} makes them, into a table of its schema. */
  static void appendSas(DuckDbTable table, String file, Configuration hadoop, List<String> columns, Set<String> numeric) {
    Sas7bdatRows rows;
    try {
      rows = new Sas7bdatRows(file, hadoop, columns, numeric);
    } catch (IOException | RuntimeException e) {
      throw PipelineException.sourceMalformed("Cannot read I-94 file %s: not a readable SAS7BDAT file (%s)", file, e.getMessage());
    }
    rows.forEachRemaining(table::append);
  }

  private void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot make the I-94 relations in DuckDB: " + e.getMessage(), e);
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
