package io.i94lake.engine;

import io.i94lake.core.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Table;

/**
 * Paths DuckDB can read for a table's data files. DuckDB reads local files only (its {@code httpfs} extension is
 * not bundled), so a file of a lake on an object store is copied first, through the table's own {@code FileIO}, into
 * a local folder that {@link #close} removes; a file of a lake folder is read where it is.
 */
final class StagedFiles implements AutoCloseable {
  private final Path given;
  private final Map<String, Path> copies = new ConcurrentHashMap<>();
  private final AtomicInteger copied = new AtomicInteger();
  private Path folder;

  private StagedFiles(Path folder) {
    this.given = folder;
  }

  /** Copies in a temporary folder of their own, made when the first file is copied. */
  static StagedFiles inTemporaryFolder() {
    return new StagedFiles(null);
  }

  /** Copies in a folder the caller made and removes. */
  static StagedFiles in(Path folder) {
    return new StagedFiles(folder);
  }

  /** A local path of the data file at {@code location}, one of the table's. */
  String localPath(Table table, String location) {
    if (location.startsWith("/") || location.startsWith("file:")) {
      return location.replaceFirst("^file:", "");
    }
    return copies.computeIfAbsent(location, remote -> copy(table, remote)).toString();
  }

  private Path copy(Table table, String location) {
    Path copy = folder().resolve(copied.incrementAndGet() + "-" + location.substring(location.lastIndexOf('/') + 1));
    try (InputStream in = table.io().newInputFile(location).newStream()) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + location + " of table " + table.name() + " to read it: " + e.getMessage(), e);
    }
  }

  private synchronized Path folder() {
    try {
      if (folder == null) {
        folder = given != null ? Files.createDirectories(given.resolve("staged")) : Files.createTempDirectory("i94lake-staged-");
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make a local folder for the lake's files: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (given == null) {
      Folders.delete(folder);
    }
  }
}
