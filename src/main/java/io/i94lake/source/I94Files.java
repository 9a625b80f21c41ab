package io.i94lake.source;

import io.i94lake.core.PipelineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;

/**
 * Tells I-94 files from other raw files without Spark: their form by extension, else by their first bytes, and
 * their columns from a Parquet footer, a CSV header line or a SAS7BDAT header.
 */
public final class I94Files {
  /** The endings of the files the I-94 reader takes. */
  public static final List<String> EXTENSIONS = List.of(".parquet", ".csv", ".sas7bdat");

  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
  // bytes 12..15 of the 32-byte SAS7BDAT magic number
  private static final byte[] SAS_MAGIC = {(byte) 0xC2, (byte) 0xEA, (byte) 0x81, (byte) 0x60};

  private final RawFiles files;

  public I94Files(RawFiles files) {
    this.files = files;
  }

  /** The I-94 files below the locations, grouped by form; fails when a location is missing or holds none. */
  public Map<I94Reader.Format, List<String>> byFormat(List<String> locations) {
    if (locations.isEmpty()) {
      throw PipelineException.sourceMissing("Cannot read I-94 arrivals: no file or folder given");
    }
    Map<I94Reader.Format, List<String>> byFormat = new EnumMap<>(I94Reader.Format.class);
    for (String location : locations) {
      if (!files.exists(location)) {
        throw PipelineException.sourceMissing("Cannot read I-94 arrivals %s: no such file or folder", location);
      }
      List<String> found = files.isDirectory(location) ? files.listRecursively(location, EXTENSIONS) : List.of(location);
      if (found.isEmpty()) {
        throw PipelineException.sourceMissing(
            "Cannot read I-94 arrivals %s: the folder holds no .parquet, .csv or .sas7bdat file", location);
      }
      for (String file : found) {
        byFormat.computeIfAbsent(formatOf(file), format -> new ArrayList<>()).add(file);
      }
    }
    return byFormat;
  }

  public I94Reader.Format formatOf(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return I94Reader.Format.PARQUET;
    }
    if (name.endsWith(".sas7bdat")) {
      return I94Reader.Format.SAS7BDAT;
    }
    if (name.endsWith(".csv")) {
      return I94Reader.Format.CSV;
    }
    byte[] head;
    try (InputStream input = open(file)) {
      head = input.readNBytes(16);
    } catch (IOException e) {
      throw PipelineException.sourceMissing("Cannot read I-94 file %s: %s", file, e.getMessage());
    }
    if (startsWith(head, 0, PARQUET_MAGIC)) {
      return I94Reader.Format.PARQUET;
    }
    if (startsWith(head, 12, SAS_MAGIC)) {
      return I94Reader.Format.SAS7BDAT;
    }
    return I94Reader.Format.CSV;
  }

  /** Whether a file has every I-94 column; false for a file that cannot be read in its form. */
  public boolean holdsArrivals(String file) {
    try {
      return columns(file).containsAll(I94Schema.COLUMNS);
    } catch (IOException | RuntimeException notAnI94File) {
      return false;
    }
  }

  /** A file's column names in lower case. */
  List<String> columns(String file) throws IOException {
    List<String> names = switch (formatOf(file)) {
      case PARQUET -> {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), files.hadoopConfiguration()))) {
          yield reader.getFooter().getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
        }
      }
      case CSV -> {
        String header = files.firstLine(file);
        yield header == null ? List.of() : DelimitedLine.split(header, ',');
      }
      case SAS7BDAT -> {
        try (InputStream input = open(file); Sas7bdatFile sas = new Sas7bdatFile(input)) {
          yield sas.columnNames();
        }
      }
    };
    return names.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
  }

  InputStream open(String file) throws IOException {
    Path path = new Path(file);
    return path.getFileSystem(files.hadoopConfiguration()).open(path);
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
