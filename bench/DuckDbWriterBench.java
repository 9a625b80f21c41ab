import static org.apache.iceberg.types.Types.NestedField.optional;

import io.i94lake.engine.DuckDbTableWriter;
import io.i94lake.lake.LakeCatalog;
import io.i94lake.lake.LakeTables;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.types.Types;

/**
 * A measurement, not a test: the real April 2016 month written as a year/month-partitioned Iceberg table by
 * {@link DuckDbTableWriter} (on an audit branch), beside a plain DuckDB {@code COPY … (FORMAT parquet, PARTITION_BY
 * (year, month))} of the same rows, in the same JVM and DuckDB connection, rounds interleaved.
 *
 * <pre>bench/duckdb-writer.sh [ROUNDS]</pre>
 *
 * Prints one line per write: {@code plain-copy|iceberg-writer round=… seconds=… cpu_seconds=… rows=… files=… mib=…}
 * (the CPU time of the whole process, DuckDB's threads included: less sensitive than wall time to a busy machine).
 */
public final class DuckDbWriterBench {
  private static final Schema ARRIVALS = new Schema(
      optional(1, "cicid", Types.LongType.get()),
      optional(2, "admission_number", Types.LongType.get()),
      optional(3, "arrival_date", Types.DateType.get()),
      optional(4, "departure_date", Types.DateType.get()),
      optional(5, "port_code", Types.StringType.get()),
      optional(6, "destination_state_code", Types.StringType.get()),
      optional(7, "travel_mode_code", Types.IntegerType.get()),
      optional(8, "airline", Types.StringType.get()),
      optional(9, "flight_number", Types.StringType.get()),
      optional(10, "age", Types.IntegerType.get()),
      optional(11, "birth_year", Types.IntegerType.get()),
      optional(12, "gender", Types.StringType.get()),
      optional(13, "citizenship_country_code", Types.IntegerType.get()),
      optional(14, "residence_country_code", Types.IntegerType.get()),
      optional(15, "visa_category_code", Types.IntegerType.get()),
      optional(16, "visa_type", Types.StringType.get()),
      optional(17, "visa_post", Types.StringType.get()),
      optional(18, "year", Types.IntegerType.get()),
      optional(19, "month", Types.IntegerType.get()));
  private static final String ARRIVALS_QUERY = """
      SELECT CAST(cicid AS BIGINT) AS cicid, CAST(admnum AS BIGINT) AS admission_number,
             DATE '1960-01-01' + CAST(arrdate AS INTEGER) AS arrival_date,
             CASE WHEN depdate BETWEEN -21914 AND 87658 THEN DATE '1960-01-01' + CAST(depdate AS INTEGER) END AS departure_date,
             i94port AS port_code, i94addr AS destination_state_code, CAST(i94mode AS INTEGER) AS travel_mode_code,
             airline, fltno AS flight_number, CAST(i94bir AS INTEGER) AS age, CAST(biryear AS INTEGER) AS birth_year, gender,
             CAST(i94cit AS INTEGER) AS citizenship_country_code, CAST(i94res AS INTEGER) AS residence_country_code,
             CAST(i94visa AS INTEGER) AS visa_category_code, visatype AS visa_type, visapost AS visa_post,
             CAST(i94yr AS INTEGER) AS year, CAST(i94mon AS INTEGER) AS month
      FROM raw""";

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("Usage: DuckDbWriterBench <folder of I-94 Parquet files> <output folder> [rounds]");
    }
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    deleteRecursively(output);
    Files.createDirectories(output);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
      statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("CREATE VIEW raw AS SELECT * FROM read_parquet('" + input.resolve("*.parquet") + "')");
      Catalog catalog = LakeCatalog.of(output.resolve("lake").toString(), null).open(new Configuration());
      DuckDbTableWriter writer = new DuckDbTableWriter(duckdb);
      for (int round = 1; round <= rounds; round++) {
        Path plain = output.resolve("plain-" + round);
        long started = System.nanoTime();
        long cpuStarted = cpuNanos();
        long rows = statement.executeLargeUpdate("COPY (" + ARRIVALS_QUERY + ") TO '" + plain
            + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year, month))");
        report("plain-copy", round, started, cpuStarted, rows, plain);

        Table table = LakeTables.ensure(catalog, "arrivals_" + round, ARRIVALS, List.of("year", "month"));
        started = System.nanoTime();
        cpuStarted = cpuNanos();
        TableWrite write = writer.write(ARRIVALS_QUERY, table, "audit_bench", WriteMode.replacePartitions());
        report("iceberg-writer", round, started, cpuStarted, write.rowsWritten(), Path.of(table.location().replaceFirst("^file:", ""), "data"));
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void report(String name, int round, long started, long cpuStarted, long rows, Path folder) throws IOException {
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (cpuNanos() - cpuStarted) / 1e9;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(file -> file.toString().endsWith(".parquet")).toList();
    }
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    System.out.printf("%-14s round=%d seconds=%.2f cpu_seconds=%.2f rows=%d files=%d mib=%.1f%n", name, round, seconds, cpuSeconds, rows,
        files.size(), bytes / 1048576.0);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
