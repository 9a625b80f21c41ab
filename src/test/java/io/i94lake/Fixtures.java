package io.i94lake;

import io.i94lake.engine.DuckDbSettings;
import io.i94lake.engine.Engines;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.LakeSession;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Named test fixtures: one Spark session for the whole test JVM (like Iceberg's TestBase), the bundled real sample,
 * the real April 2016 month when it is present, and a lake built once from the sample for read-only tests.
 */
public final class Fixtures {
  public static final long APRIL_ROWS = 3_096_313L;

  private static SparkSession spark;
  private static SampleLake sampleLake;

  private Fixtures() {}

  /** The shared local[2] session, with the same settings as the command line's. */
  public static synchronized SparkSession spark() {
    if (spark == null) {
      spark = LakeSession.start("local[2]");
    }
    return spark;
  }

  public static Path home() {
    return Path.of(System.getProperty("i94lake.home", ".")).toAbsolutePath().normalize();
  }

  /** The bundled sample of real files: data/sample. */
  public static Path sampleRaw() {
    return home().resolve("data/sample");
  }

  /** The real I-94 month of April 2016 (Parquet), when the shared data folder is there. */
  public static Optional<Path> aprilMonth() {
    Path april = home().resolve("../shared/data/raw/sas_data").normalize();
    return Files.isDirectory(april) ? Optional.of(april) : Optional.empty();
  }

  /** A fresh, empty folder below target/ for a lake or copied raw files. */
  public static Path newFolder(String name) {
    try {
      Path folder = home().resolve("target/test-data").resolve(name + "-" + System.nanoTime());
      Files.createDirectories(folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the bundled sample that a test may change. */
  public static Path copyOfSample(String name) {
    Path copy = newFolder(name);
    try (Stream<Path> files = Files.walk(sampleRaw())) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = copy.resolve(sampleRaw().relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of the bundled sample whose I-94 records all have port code ZZ9, which no dictionary knows: a run on it
   * fails the port check of {@code immigration}.
   */
  public static Path sampleWithUnknownPorts(String name) {
    Path raw = copyOfSample(name);
    Path arrivals = raw.resolve("i94/immigration_data_sample.csv");
    try {
      List<String> lines = Files.readAllLines(arrivals, StandardCharsets.UTF_8);
      int port = List.of(lines.get(0).split(",", -1)).indexOf("i94port");
      for (int index = 1; index < lines.size(); index++) {
        String[] fields = lines.get(index).split(",", -1);
        fields[port] = "ZZ9";
        lines.set(index, String.join(",", fields));
      }
      Files.write(arrivals, lines, StandardCharsets.UTF_8);
      return raw;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the pipeline and requires it to publish. */
  public static RunSummary run(Path raw, Path lake) {
    return run(options(raw, lake));
  }

  /** Options of a test run: no pause between tries. */
  public static RunOptions options(Path raw, Path lake) {
    return RunOptions.of(lake.toString(), raw.toString())
        .withRetries(new RunOptions.Retries(2, Duration.ZERO, Duration.ofMinutes(30)));
  }

  /** Runs the pipeline and requires it to publish. */
  public static RunSummary run(RunOptions options) {
    RunSummary summary = attempt(options);
    if (!summary.succeeded()) {
      throw new AssertionError("Run " + summary.runId() + " failed: " + summary.failure().getMessage(), summary.failure());
    }
    return summary;
  }

  /** Runs the pipeline, whatever comes of it. */
  public static RunSummary attempt(RunOptions options) {
    // on the engine a run on a lake folder uses by default; EngineParityTest holds Spark's runs to the same tables
    return new Pipeline(Engines.duckdb(null, new Configuration(), DuckDbSettings.DEFAULT), message -> { }).run(options);
  }

  /** A lake built once from the bundled sample, for tests that only read. */
  public static synchronized SampleLake sampleLake() {
    if (sampleLake == null) {
      Path folder = newFolder("sample-lake");
      RunSummary summary = run(sampleRaw(), folder);
      sampleLake = new SampleLake(SparkLake.open(spark(), folder.toString()), summary, folder);
    }
    return sampleLake;
  }

  /** A lake and the run that built it. */
  public record SampleLake(SparkLake lake, RunSummary summary, Path folder) {}
}
