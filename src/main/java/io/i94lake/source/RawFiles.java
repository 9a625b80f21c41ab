package io.i94lake.source;

import io.i94lake.core.PipelineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Finds and opens raw files through Hadoop's file systems, so that local folders and S3 read alike. */
public final class RawFiles {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Configuration hadoop;

  public RawFiles(SparkSession spark) {
    this(spark.sparkContext().hadoopConfiguration());
  }

  /** Without Spark (the DuckDB readers): {@code new Configuration()} reads local files, S3 needs its s3a settings. */
  public RawFiles(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  public boolean exists(String location) {
    try {
      Path path = new Path(location);
      return path.getFileSystem(hadoop).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look for " + location, e);
    }
  }

  public boolean isDirectory(String location) {
    try {
      Path path = new Path(location);
      return path.getFileSystem(hadoop).getFileStatus(path).isDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look at " + location, e);
    }
  }

  public long length(String location) {
    try {
      Path path = new Path(location);
      return path.getFileSystem(hadoop).getFileStatus(path).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot look at " + location, e);
    }
  }

  /** The files in a folder whose names match a glob such as {@code GlobalLandTemperatures*.csv}, sorted by name. */
  public List<String> list(String folder, String glob) {
    try {
      Path pattern = new Path(folder, glob);
      FileStatus[] matches = pattern.getFileSystem(hadoop).globStatus(pattern);
      List<String> files = new ArrayList<>();
      if (matches != null) {
        Arrays.stream(matches).filter(FileStatus::isFile).sorted(Comparator.comparing(FileStatus::getPath))
            .forEach(status -> files.add(displayPath(status.getPath())));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + glob + " in " + folder, e);
    }
  }

  /** All files below a folder (recursively) whose names end with one of the suffixes, sorted by path. */
  public List<String> listRecursively(String folder, List<String> suffixes) {
    try {
      Path root = new Path(folder);
      FileSystem fileSystem = root.getFileSystem(hadoop);
      List<String> files = new ArrayList<>();
      var iterator = fileSystem.listFiles(root, true);
      while (iterator.hasNext()) {
        Path path = iterator.next().getPath();
        String name = path.getName().toLowerCase(java.util.Locale.ROOT);
        if (!name.startsWith(".") && !name.startsWith("_") && suffixes.stream().anyMatch(name::endsWith)) {
          files.add(displayPath(path));
        }
      }
      files.sort(Comparator.naturalOrder());
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /**
   * A text file as UTF-8 lines. {@link BufferedReader#readLine} ends a line at LF, CR or CRLF, as Hadoop's line
   * reader under Spark's {@code textFile} does, so both engines number the lines alike.
   */
  public BufferedReader textReader(String location) throws IOException {
    Path path = new Path(location);
    return new BufferedReader(new InputStreamReader(path.getFileSystem(hadoop).open(path), StandardCharsets.UTF_8));
  }

  /** The first line of a text file without byte-order mark and line end, or null for an empty file. */
  public String firstLine(String location) {
    try (BufferedReader reader = textReader(location)) {
      String line = reader.readLine();
      return line == null ? null : withoutByteOrderMark(line);
    } catch (IOException e) {
      throw PipelineException.sourceMissing("Cannot read %s: %s", location, e.getMessage());
    }
  }

  /** The whole text of a small file (such as the label dictionary). */
  public List<String> lines(String location) {
    try (BufferedReader reader = textReader(location)) {
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(lines.isEmpty() ? withoutByteOrderMark(line) : line);
      }
      return lines;
    } catch (IOException e) {
      throw PipelineException.sourceMissing("Cannot read %s: %s", location, e.getMessage());
    }
  }

  public Configuration hadoopConfiguration() {
    return hadoop;
  }

  static String withoutByteOrderMark(String line) {
    return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
  }

  // local files keep the path a user typed, without the file: scheme
  private static String displayPath(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }
}
