package io.i94lake.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeSet;

/**
 * What to generate.
 *
 * @param out the raw folder to write (an {@code i94/} folder and the companion files)
 * @param months the I-94 months
 * @param rowsPerMonth records per month, dirty ones included
 * @param chunks files per month; chunk {@code c} holds records {@code [c × rows / chunks, (c + 1) × rows / chunks)}
 * @param onlyChunks the chunks of each month to write (all when empty): to split the work between machines
 * @param threads chunks written at the same time
 * @param dirty which records are broken so that the pipeline rejects them
 * @param sample the bundled sample, where the label dictionary, airport and demographics files are copied from
 */
public record GenerateOptions(Path out, List<YearMonth> months, long rowsPerMonth, long seed, ArrivalFormat format,
                              int chunks, List<Integer> onlyChunks, int threads, DirtyRows dirty, Path sample) {
  /** Records of one chunk by default: enough chunks for every thread, files of about 60 MB of Parquet. */
  public static final long ROWS_PER_CHUNK = 500_000;

  public GenerateOptions {
    requireNonNull(out, "out is null");
    requireNonNull(format, "format is null");
    requireNonNull(dirty, "dirty is null");
    requireNonNull(sample, "sample is null");
    months = List.copyOf(new TreeSet<>(months));
    onlyChunks = List.copyOf(new TreeSet<>(onlyChunks));
    if (months.isEmpty()) {
      throw new IllegalArgumentException("Cannot generate: no month given (--months 2016-01..2016-12)");
    }
    if (rowsPerMonth < 0 || rowsPerMonth >= ArrivalGenerator.CICIDS_PER_MONTH) {
      throw new IllegalArgumentException("Cannot generate " + rowsPerMonth + " records per month: give 0.."
          + (ArrivalGenerator.CICIDS_PER_MONTH - 1));
    }
    if (chunks < 1) {
      throw new IllegalArgumentException("Cannot generate " + chunks + " chunks per month: give at least 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("Cannot generate with " + threads + " threads: give at least 1");
    }
    for (int chunk : onlyChunks) {
      if (chunk < 0 || chunk >= chunks) {
        throw new IllegalArgumentException("Cannot generate chunk " + chunk + ": each month has chunks 0.." + (chunks - 1));
      }
    }
  }

  /** As many chunks per month as {@link #ROWS_PER_CHUNK} records need, at least one. */
  public static int defaultChunks(long rowsPerMonth) {
    return (int) Math.max(1, (rowsPerMonth + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK);
  }

  /** Chunk numbers such as {@code 0..9}, {@code 3} or {@code 0..4,8}. */
  public static List<Integer> parseChunks(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    TreeSet<Integer> chunks = new TreeSet<>();
    for (String part : text.split(",")) {
      String item = part.strip();
      int range = item.indexOf("..");
      try {
        int first = Integer.parseInt(range < 0 ? item : item.substring(0, range));
        int last = range < 0 ? first : Integer.parseInt(item.substring(range + 2));
        if (last < first) {
          throw new IllegalArgumentException("Chunk range ends before it starts: " + item);
        }
        for (int chunk = first; chunk <= last; chunk++) {
          chunks.add(chunk);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Cannot read chunks '" + text + "': '" + item + "' is not a chunk number or range such as 0..9");
      }
    }
    return List.copyOf(chunks);
  }

  /** The chunks of each month this run writes. */
  public List<Integer> selectedChunks() {
    return onlyChunks.isEmpty() ? java.util.stream.IntStream.range(0, chunks).boxed().toList() : onlyChunks;
  }

  /** The first record of a chunk; chunk {@code chunks} gives the end of the month. */
  public long firstRow(int chunk) {
    return Math.multiplyExact(rowsPerMonth, chunk) / chunks;
  }

  /** The file of one chunk of one month below {@link #out}. */
  public Path chunkFile(YearMonth month, int chunk) {
    return out.resolve("i94").resolve(String.format("i94_%s_part-%05d%s", month, chunk, format.extension()));
  }
}
