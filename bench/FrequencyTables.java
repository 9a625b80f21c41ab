import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives the frequency tables the generator draws from (src/main/resources/generate/*.tsv) from one real I-94
 * month, once: counts of values, never the records themselves. Run with DuckDB on the class path:
 *
 * <pre>
 * java -cp target/bench-lib/duckdb_jdbc-1.4.4.0.jar bench/FrequencyTables.java ../shared/data/raw/sas_data src/main/resources/generate
 * </pre>
 *
 * Each table is TAB-separated with a header; the last column, {@code rows}, is how many records of the month have
 * the values of the row; {@code \N} is a missing value. Numbers are written as whole numbers.
 */
public final class FrequencyTables {
  // dates relative to the arrival: days from arrdate; SAS day 0 is 1960-01-01
  private static final String ARRIVAL = "(DATE '1960-01-01' + CAST(arrdate AS INTEGER))";
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("port_mode", "SELECT i94port, CAST(i94mode AS BIGINT) AS i94mode, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("flight", "SELECT CAST(i94mode AS BIGINT) AS i94mode, airline, fltno, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("citizenship_residence", "SELECT CAST(i94cit AS BIGINT) AS i94cit, CAST(i94res AS BIGINT) AS i94res, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("destination", "SELECT i94addr, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("visa", "SELECT CAST(i94visa AS BIGINT) AS i94visa, visatype, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("visa_post", "SELECT visapost, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("occupation", "SELECT occup, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("gender", "SELECT gender, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("age", "SELECT CAST(i94bir AS BIGINT) AS i94bir, count(*) AS rows FROM i94 GROUP BY ALL");
    // the arrival, departure and match flags, and whether a departure date is recorded, go together
    TABLES.put("status", "SELECT entdepa, entdepd, entdepu, matflag, CASE WHEN depdate IS NULL THEN 'missing' ELSE 'present' END AS departure, "
        + "count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("stay", "SELECT CAST(depdate - arrdate AS BIGINT) AS days, count(*) AS rows FROM i94 WHERE depdate IS NOT NULL GROUP BY ALL");
    // a readable permit end in 1900..2199 as days after the arrival; anything else (D/S, junk, year 9999) as text
    TABLES.put("permit", "SELECT CASE WHEN dtaddto IS NULL THEN 'missing' WHEN permit_end IS NULL THEN 'text' ELSE 'days' END AS kind, "
        + "CASE WHEN permit_end IS NULL THEN dtaddto ELSE CAST(permit_end - " + ARRIVAL + " AS VARCHAR) END AS value, count(*) AS rows "
        + "FROM (SELECT *, CASE WHEN year(try_strptime(dtaddto, '%m%d%Y')) BETWEEN 1900 AND 2199 AND length(dtaddto) = 8 "
        + "THEN CAST(try_strptime(dtaddto, '%m%d%Y') AS DATE) END AS permit_end FROM i94) GROUP BY ALL");
    TABLES.put("filed", "SELECT CAST(CAST(try_strptime(dtadfile, '%Y%m%d') AS DATE) - " + ARRIVAL + " AS BIGINT) AS days, count(*) AS rows "
        + "FROM i94 GROUP BY ALL");
    TABLES.put("weekday", "SELECT isodow(" + ARRIVAL + ") AS weekday, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("admission_digits", "SELECT length(CAST(CAST(admnum AS BIGINT) AS VARCHAR)) AS digits, count(*) AS rows FROM i94 GROUP BY ALL");
    TABLES.put("insurance_number", "SELECT insnum, count(*) AS rows FROM i94 GROUP BY ALL");
  }

  // ties in a fixed order: by every value column, missing values last
  private static String valueOrder(Statement statement, String query) throws SQLException {
    StringBuilder order = new StringBuilder();
    try (ResultSet empty = statement.executeQuery(query + " LIMIT 0")) {
      for (int column = 1; column < empty.getMetaData().getColumnCount(); column++) {
        order.append(", ").append(column);
      }
    }
    return order.toString();
  }

  // the cities of the bundled temperature files with their real grid positions, first month and monthly normals
  private static final String TEMPERATURE_CITIES = """
      WITH measured AS (
        SELECT City AS city, Country AS country, Latitude AS latitude, Longitude AS longitude,
               coalesce(try_strptime(dt, '%Y-%m-%d'), try_strptime(dt, '%m/%d/%Y')) AS measured_on, AverageTemperature AS temperature
        FROM read_csv('SAMPLE/GlobalLandTemperaturesByCity*.csv', header = true, all_varchar = false,
                      columns = {'dt': 'VARCHAR', 'AverageTemperature': 'DOUBLE', 'AverageTemperatureUncertainty': 'DOUBLE',
                                 'City': 'VARCHAR', 'Country': 'VARCHAR', 'Latitude': 'VARCHAR', 'Longitude': 'VARCHAR'})),
      normals AS (
        SELECT city, country, latitude, longitude, string_agg(normal, ' ' ORDER BY month) AS monthly_normals, count(*) AS calendar_months
        FROM (SELECT city, country, latitude, longitude, month(measured_on) AS month, round(avg(temperature), 2) AS normal
              FROM measured WHERE temperature IS NOT NULL GROUP BY ALL)
        GROUP BY ALL)
      SELECT city, country, latitude, longitude, year(min(measured_on)) AS first_year,
             count(*) FILTER (WHERE temperature IS NULL) AS months_without_temperature, any_value(monthly_normals) AS monthly_normals,
             count(*) AS rows
      FROM measured JOIN normals USING (city, country, latitude, longitude)
      WHERE calendar_months = 12
      GROUP BY ALL
      """;

  public static void main(String[] args) throws SQLException, IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("Usage: FrequencyTables <folder of the real month's Parquet files> <folder of the bundled sample> <output folder>");
    }
    Path output = Path.of(args[2]);
    Files.createDirectories(output);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE VIEW i94 AS SELECT * FROM read_parquet('" + args[0] + "/*.parquet')");
      TABLES.put("temperature_city", TEMPERATURE_CITIES.replace("SAMPLE", args[1]));
      for (var table : TABLES.entrySet()) {
        String query = "SELECT * FROM (" + table.getValue() + ") ORDER BY rows DESC" + valueOrder(statement, table.getValue());
        try (ResultSet rows = statement.executeQuery(query);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(output.resolve(table.getKey() + ".tsv"), StandardCharsets.UTF_8))) {
          int width = rows.getMetaData().getColumnCount();
          StringBuilder header = new StringBuilder();
          for (int column = 1; column <= width; column++) {
            header.append(column > 1 ? "\t" : "").append(rows.getMetaData().getColumnName(column));
          }
          out.print(header + "\n");
          long lines = 0;
          while (rows.next()) {
            StringBuilder line = new StringBuilder();
            for (int column = 1; column <= width; column++) {
              String value = rows.getString(column);
              line.append(column > 1 ? "\t" : "").append(value == null ? "\\N" : value.replace('\t', ' '));
            }
            out.print(line + "\n");
            lines++;
          }
          System.out.printf("%-24s %,7d rows%n", table.getKey() + ".tsv", lines);
        }
      }
    }
  }
}
