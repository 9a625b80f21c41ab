import io.i94lake.generate.ArrivalFormat;
import io.i94lake.generate.DirtyRows;
import io.i94lake.generate.GenerateOptions;
import io.i94lake.generate.Generator;
import io.i94lake.lake.LakeSession;
import io.i94lake.source.AirportReader;
import io.i94lake.source.DuckDbSourceRead;
import io.i94lake.source.DuckDbSources;
import io.i94lake.source.I94Reader;
import io.i94lake.source.I94Schema;
import io.i94lake.source.RawFiles;
import io.i94lake.source.SourceCount;
import io.i94lake.source.SourceRead;
import io.i94lake.source.TemperatureReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The raw sources read by the Spark readers and by the DuckDB readers, in the same JVM, rounds interleaved: each
 * figure is one read plus its {@code SourceCount} (which parses every line or reads every row), in seconds of wall
 * time. The first Spark round pays Spark's warm-up; later rounds show the steady cost.
 *
 * <pre>bench/source-readers.sh [ROUNDS]</pre>
 */
public final class SourceReaderSpeed {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path home = Path.of(System.getProperty("i94lake.home", ".")).toAbsolutePath().normalize();
    Path sample = home.resolve("data/sample");
    Path generated = home.resolve("bench/data/source-readers-csv-1m");
    if (!Files.isDirectory(generated.resolve("i94"))) {
      new Generator(new GenerateOptions(generated, List.of(YearMonth.of(2016, 4)), 1_000_000, 42, ArrivalFormat.CSV, 1,
          List.of(), 1, DirtyRows.ofShare("0.001"), sample), null, false).run();
    }
    List<String> airports = List.of(sample.resolve("airport-codes_csv.csv").toString());
    List<String> temperatures = List.of(sample.resolve("GlobalLandTemperaturesByCity_US-subset.csv").toString());
    List<String> csv = List.of(generated.resolve("i94").toString());
    Path april = home.resolve("../shared/data/raw/sas_data").normalize();

    SparkSession spark = LakeSession.start("local[2]");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDbSources duckDb = new DuckDbSources(connection, new RawFiles(new Configuration()));
      for (int round = 1; round <= rounds; round++) {
        System.out.println("round " + round);
        measure("airports (sample, 69,899 lines, 7.1 MB)", () -> AirportReader.read(spark, airports).count(),
            () -> duckDb.airports(airports).count());
        measure("temperatures (US subset, 63,721 lines, 3.8 MB)", () -> TemperatureReader.read(spark, temperatures).count(),
            () -> duckDb.temperatures(temperatures).count());
        measure("I-94 CSV (generated, 1,000,000 lines)", () -> new I94Reader(spark).read(csv).count(),
            () -> duckDb.i94(csv).count());
        if (Files.isDirectory(april)) {
          List<String> month = List.of(april.toString());
          measure("I-94 Parquet (April 2016, 3,096,313 rows)", () -> new I94Reader(spark).read(month).count(),
              () -> duckDb.i94(month).count());
          measure("  the same, and every column's non-null count", () -> {
            SourceRead read = new I94Reader(spark).read(month);
            read.accepted().select(I94Schema.COLUMNS.stream().map(functions::count).toArray(Column[]::new)).first();
            return read.count();
          }, () -> {
            DuckDbSourceRead read = duckDb.i94(month);
            String counts = I94Schema.COLUMNS.stream().map(column -> "count(\"" + column + "\")").collect(Collectors.joining(", "));
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT " + counts + " FROM " + read.accepted())) {
              result.next();
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
            return read.count();
          });
        }
      }
    }
    spark.stop();
  }

  private static void measure(String what, Supplier<SourceCount> spark, Supplier<SourceCount> duckDb) {
    long started = System.nanoTime();
    SourceCount duckDbCount = duckDb.get();
    double duckDbSeconds = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    SourceCount sparkCount = spark.get();
    double sparkSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("  %-48s DuckDB %6.2f s   Spark %6.2f s   rows %,d, rejected %,d%s%n", what, duckDbSeconds, sparkSeconds,
        duckDbCount.rowsIn(), duckDbCount.rejected(), duckDbCount.equals(sparkCount) ? "" : "   COUNTS DIFFER");
  }
}
