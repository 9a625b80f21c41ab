import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark's reference: DuckDB doing the core work of an i94lake run on the same I-94 files — read them,
 * decode SAS dates, permit dates (MMDDYYYY, D/S) and codes (mode, visa category), set aside the records without a
 * usable cicid or arrival date, and write {@code immigration} and {@code immigrant} as Parquet partitioned by year
 * and month. No lake, no audit branch, no checks, no dimension tables: a floor, not a competitor.
 *
 * <pre>java -cp target/bench-lib/duckdb_jdbc-1.4.4.0.jar bench/DuckDbReference.java I94_FOLDER OUT_FOLDER</pre>
 *
 * Prints one line: {@code rows_in=… rows_written=… rows_rejected=… seconds=…} (the work, without JVM start).
 */
public final class DuckDbReference {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("Usage: DuckDbReference <folder of I-94 Parquet or CSV files> <output folder>");
    }
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    deleteRecursively(output);
    Files.createDirectories(output);
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      statement.execute("SET preserve_insertion_order = false");
      statement.execute("CREATE VIEW raw AS " + rawQuery(input));
      statement.execute("""
          CREATE TEMP TABLE decoded AS
          SELECT *,
                 CASE WHEN arrdate = floor(arrdate) AND arrdate BETWEEN -21914 AND 87658
                      THEN DATE '1960-01-01' + CAST(arrdate AS INTEGER) END AS arrival_date,
                 upper(trim(dtaddto)) AS permit
          FROM raw""");
      statement.execute("""
          CREATE TEMP TABLE described AS
          SELECT CAST(cicid AS BIGINT) AS cicid, CAST(admnum AS BIGINT) AS admission_number, arrival_date,
                 CASE WHEN depdate = floor(depdate) AND depdate BETWEEN -21914 AND 87658
                      THEN DATE '1960-01-01' + CAST(depdate AS INTEGER) END AS departure_date,
                 CASE WHEN permit <> 'D/S' AND year(try_strptime(permit, '%m%d%Y')) BETWEEN 1900 AND 2199
                      THEN CAST(try_strptime(permit, '%m%d%Y') AS DATE) END AS allowed_until,
                 coalesce(permit = 'D/S', false) AS duration_of_status,
                 upper(trim(i94port)) AS port_code, upper(trim(i94addr)) AS destination_state_code,
                 CASE CAST(i94mode AS INTEGER) WHEN 1 THEN 'Air' WHEN 2 THEN 'Sea' WHEN 3 THEN 'Land' ELSE 'Not reported' END AS travel_mode,
                 trim(airline) AS airline, trim(fltno) AS flight_number,
                 CASE WHEN i94bir = floor(i94bir) AND i94bir BETWEEN 0 AND 120 THEN CAST(i94bir AS INTEGER) END AS age,
                 CAST(biryear AS INTEGER) AS birth_year, upper(trim(gender)) AS gender,
                 CAST(i94cit AS INTEGER) AS citizenship_country_code, CAST(i94res AS INTEGER) AS residence_country_code,
                 CASE CAST(i94visa AS INTEGER) WHEN 1 THEN 'Business' WHEN 2 THEN 'Pleasure' WHEN 3 THEN 'Student' END AS visa_category,
                 trim(visatype) AS visa_type, trim(visapost) AS visa_post,
                 year(arrival_date) AS year, month(arrival_date) AS month
          FROM decoded
          WHERE cicid IS NOT NULL AND cicid = floor(cicid) AND arrival_date IS NOT NULL""");
      statement.execute("COPY (SELECT cicid, admission_number, arrival_date, departure_date, allowed_until, duration_of_status, "
          + "port_code, destination_state_code, travel_mode, airline, flight_number, year, month FROM described) TO '"
          + output.resolve("immigration") + "' (FORMAT parquet, PARTITION_BY (year, month), COMPRESSION zstd)");
      statement.execute("COPY (SELECT cicid, admission_number, age, birth_year, gender, citizenship_country_code, residence_country_code, "
          + "visa_category, visa_type, visa_post, year, month FROM described) TO '"
          + output.resolve("immigrant") + "' (FORMAT parquet, PARTITION_BY (year, month), COMPRESSION zstd)");
      long rowsIn = count(statement, "SELECT count(*) FROM decoded");
      long written = count(statement, "SELECT count(*) FROM described");
      System.out.printf("rows_in=%d rows_written=%d rows_rejected=%d seconds=%.2f%n", rowsIn, written, rowsIn - written,
          (System.nanoTime() - started) / 1e9);
    }
  }

  // Parquet as it is; CSV with every column as text, numbers cast as the reader would
  private static String rawQuery(Path input) throws Exception {
    try (Stream<Path> files = Files.walk(input)) {
      boolean parquet = files.anyMatch(file -> file.toString().endsWith(".parquet"));
      if (parquet) {
        return "SELECT * FROM read_parquet('" + input + "/**/*.parquet')";
      }
    }
    String numbers = String.join(", ", java.util.List.of("cicid", "i94yr", "i94mon", "i94cit", "i94res", "arrdate", "i94mode",
        "depdate", "i94bir", "i94visa", "count", "biryear", "admnum").stream()
        .map(column -> "TRY_CAST(\"" + column + "\" AS DOUBLE) AS \"" + column + "\"").toList());
    return "SELECT * REPLACE (" + numbers + ") FROM read_csv('" + input + "/**/*.csv', header = true, all_varchar = true, "
        + "ignore_errors = true, null_padding = true)";
  }

  private static long count(Statement statement, String query) throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void deleteRecursively(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
