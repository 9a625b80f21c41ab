package io.i94lake.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a raw folder that {@code i94lake run --raw DIR} takes unchanged: {@code i94/} with the generated I-94
 * months, chunk by chunk ({@code i94_2016-04_part-00000.parquet}, ...), a generated temperature file, and the
 * label dictionary, airport and demographics files copied from the bundled sample. Streaming: each chunk is written
 * record by record, so memory stays flat whatever the size; chunks are written by {@code threads} threads at once.
 */
public final class Generator {
  /** The companion files copied as they are from the bundled sample. */
  public static final List<String> COPIED = List.of(
      "I94_SAS_Labels_Descriptions.SAS", "airport-codes_csv.csv", "us-cities-demographics.csv");
  private static final int PROGRESS_STEP = 16_384;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final GenerateOptions options;
  private final PrintStream progress;
  private final boolean terminal;

  /**
   * @param progress where the progress bar goes (null for none)
   * @param terminal whether it is a terminal (redrawn in place) or a log (a line now and then)
   */
  public Generator(GenerateOptions options, PrintStream progress, boolean terminal) {
    this.options = options;
    this.progress = progress;
    this.terminal = terminal;
  }

  /** What a generation wrote. */
  /**
   * @param arrivalsCpuTime CPU time of the threads writing the I-94 chunks: on a shared machine, a steadier measure
   *     than the wall time
   */
  public record Result(long rows, long dirtyRows, int files, long temperatureRows, Duration arrivalsTime, Duration arrivalsCpuTime,
                       Duration companionsTime) {
    public double rowsPerSecond() {
      return rows / Math.max(1e-9, arrivalsTime.toNanos() / 1e9);
    }

    public double rowsPerCpuSecond() {
      return rows / Math.max(1e-9, arrivalsCpuTime.toNanos() / 1e9);
    }
  }

  public Result run() throws IOException {
    Files.createDirectories(options.out().resolve("i94"));
    long companionsStarted = System.nanoTime();
    for (String name : COPIED) {
      Path source = options.sample().resolve(name);
      if (!Files.isRegularFile(source)) {
        throw new IllegalArgumentException("Cannot copy " + name + " into " + options.out() + ": no such file in the sample folder "
            + options.sample());
      }
      Files.copy(source, options.out().resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    long temperatureRows = TemperatureFile.write(options.out().resolve(TemperatureFile.NAME), options.seed());
    Duration companionsTime = Duration.ofNanos(System.nanoTime() - companionsStarted);

    ArrivalModel model = new ArrivalModel();
    List<Chunk> chunks = new ArrayList<>();
    for (YearMonth month : options.months()) {
      for (int chunk : options.selectedChunks()) {
        chunks.add(new Chunk(month, chunk, options.firstRow(chunk), options.firstRow(chunk + 1)));
      }
    }
    long rows = chunks.stream().mapToLong(chunk -> chunk.end - chunk.first).sum();
    long dirtyRows = chunks.stream().mapToLong(chunk -> options.dirty().count(chunk.first, chunk.end)).sum();
    long started = System.nanoTime();
    AtomicLong cpuNanos = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
      Thread thread = new Thread(runnable, "generate");
      thread.setDaemon(true);
      return thread;
    });
    try (ProgressBar bar = new ProgressBar(progress, "i94", rows, terminal)) {
      List<Future<?>> written = new ArrayList<>();
      for (Chunk chunk : chunks) {
        written.add(pool.submit(() -> {
          long cpuBefore = THREADS.getCurrentThreadCpuTime();
          write(model, chunk, bar);
          cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuBefore);
          return null;
        }));
      }
      for (Future<?> future : written) {
        future.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Generation interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return new Result(rows, dirtyRows, chunks.size(), temperatureRows, Duration.ofNanos(System.nanoTime() - started),
        Duration.ofNanos(cpuNanos.get()), companionsTime);
  }

  private record Chunk(YearMonth month, int number, long first, long end) {}

  // a chunk is written to a temporary name and renamed, so that a stopped run leaves no half file under a real name
  private void write(ArrivalModel model, Chunk chunk, ProgressBar bar) throws IOException {
    Path file = options.chunkFile(chunk.month(), chunk.number());
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    ArrivalGenerator generator = new ArrivalGenerator(model, chunk.month(), options.seed(), chunk.number(), options.dirty(),
        options.format().isText());
    ArrivalRecord record = new ArrivalRecord();
    try (ArrivalWriter writer = options.format().open(partial)) {
      long pending = 0;
      for (long row = chunk.first(); row < chunk.end(); row++) {
        generator.fill(record, row);
        writer.write(record);
        if (++pending == PROGRESS_STEP) {
          bar.add(pending);
          pending = 0;
        }
      }
      bar.add(pending);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw new UncheckedIOException(new IOException("Cannot write " + file + ": " + e.getMessage(), e));
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
