package io.i94lake.source;

import static java.util.Objects.requireNonNull;

import io.i94lake.core.PipelineException;
import java.util.List;

/** How many rows a source had, file by file, and how many of them were rejected. */
public record SourceCount(String source, List<FileCount> files) {
  public SourceCount {
    requireNonNull(source, "source is null");
    files = List.copyOf(files);
  }

  /**
   * @param firstReject "line: reason" of the first rejected row (its row number in Parquet and SAS7BDAT), null when none was rejected
   */
  public record FileCount(String file, long rows, long rejected, String firstReject) {
    public FileCount {
      requireNonNull(file, "file is null");
      if (rejected > rows) {
        throw new IllegalArgumentException("File " + file + " has more rejected rows (" + rejected + ") than rows (" + rows + ")");
      }
    }

    FileCount plus(FileCount other) {
      String first = firstReject == null ? other.firstReject
          : other.firstReject == null ? firstReject
          : lineOf(firstReject) <= lineOf(other.firstReject) ? firstReject : other.firstReject;
      return new FileCount(file, rows + other.rows, rejected + other.rejected, first);
    }

    private static long lineOf(String reject) {
      return Long.parseLong(reject.substring(0, reject.indexOf(':')));
    }

    public double rejectedShare() {
      return rows == 0 ? 0 : (double) rejected / rows;
    }
  }

  /** The counts of two reads of the same source (such as two months of arrivals), file by file. */
  public SourceCount plus(SourceCount other) {
    if (!other.source.equals(source)) {
      throw new IllegalArgumentException("Cannot add counts of " + other.source + " to counts of " + source);
    }
    java.util.Map<String, FileCount> byFile = new java.util.TreeMap<>();
    for (FileCount file : java.util.stream.Stream.concat(files.stream(), other.files.stream()).toList()) {
      byFile.merge(file.file(), file, FileCount::plus);
    }
    return new SourceCount(source, List.copyOf(byFile.values()));
  }

  public long rowsIn() {
    return files.stream().mapToLong(FileCount::rows).sum();
  }

  public long rejected() {
    return files.stream().mapToLong(FileCount::rejected).sum();
  }

  public long accepted() {
    return rowsIn() - rejected();
  }

  /** Fails when any file has more than {@code maxShare} of its rows rejected: a broken file, not a few dirty rows. */
  public void requireRejectedShareAtMost(double maxShare) {
    for (FileCount file : files) {
      if (file.rejectedShare() > maxShare) {
        throw PipelineException.sourceMalformed(
            "Cannot read %s file %s: %,d of %,d rows (%.1f%%) are malformed, more than the allowed %.1f%%; first rejected row: %s:%s",
            source, file.file(), file.rejected(), file.rows(), 100 * file.rejectedShare(), 100 * maxShare,
            file.file(), file.firstReject());
      }
    }
  }
}
