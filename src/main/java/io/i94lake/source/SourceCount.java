package io.i94lake.source;

import static java.util.Objects.requireNonNull;

import io.i94lake.pipeline.PipelineException;
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

    public double rejectedShare() {
      return rows == 0 ? 0 : (double) rejected / rows;
    }
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
