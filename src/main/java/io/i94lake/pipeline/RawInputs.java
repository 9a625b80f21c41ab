package io.i94lake.pipeline;

import io.i94lake.core.PipelineException;
import io.i94lake.source.I94Files;
import io.i94lake.source.RawFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each raw source stands in the raw folder.
 *
 * @param i94 files or folders of I-94 arrivals
 * @param i94Skipped I-94 files found in the raw folder but not read, with the reason
 */
public record RawInputs(String dictionary, List<String> airports, List<String> demographics,
                        List<String> temperatures, List<String> i94, List<String> i94Skipped) {
  public static final String DICTIONARY_FILE = "I94_SAS_Labels_Descriptions.SAS";
  public static final String AIRPORTS_GLOB = "airport-codes*.csv";
  public static final String DEMOGRAPHICS_GLOB = "us-cities-demographics*.csv";
  public static final String TEMPERATURES_GLOB = "GlobalLandTemperaturesByCity*.csv";
  /** Folders of I-94 files only, read whole: ours, and Udacity's Parquet copy of April 2016. */
  public static final List<String> I94_FOLDERS = List.of("i94", "sas_data");
  /** Udacity's sample: 1,000 records of April 2016, every one of them also in the month's full files. */
  public static final String I94_SAMPLE_FILE = "immigration_data_sample.csv";

  /** Finds the sources in {@code options.raw()}; fails naming the folder and the file it expected. */
  public static RawInputs locate(RawFiles files, RunOptions options) {
    String raw = options.raw();
    if (!files.exists(raw) || !files.isDirectory(raw)) {
      throw PipelineException.sourceMissing("Cannot read raw folder %s: it does not exist or is not a folder", raw);
    }
    String dictionary = raw + "/" + DICTIONARY_FILE;
    if (!files.exists(dictionary)) {
      throw PipelineException.sourceMissing("Cannot find the I-94 label dictionary in %s: expected %s", raw, DICTIONARY_FILE);
    }
    I94Found i94 = options.i94().isEmpty() ? findI94(files, raw) : new I94Found(options.i94(), List.of());
    return new RawInputs(dictionary,
        required(files, raw, AIRPORTS_GLOB, "airport codes"),
        required(files, raw, DEMOGRAPHICS_GLOB, "US city demographics"),
        required(files, raw, TEMPERATURES_GLOB, "city temperatures"),
        i94.read(), i94.skipped());
  }

  private record I94Found(List<String> read, List<String> skipped) {}

  /**
   * The I-94 inputs of a raw folder as they come: the folders {@code i94/} and {@code sas_data/}, and anywhere else
   * every Parquet, CSV or SAS7BDAT file with the I-94 columns ({@code i94_apr16_sub.sas7bdat},
   * {@code immigration_data_sample.csv}). The sample is read only when nothing else is found: its records would
   * otherwise be read twice.
   */
  private static I94Found findI94(RawFiles files, String raw) {
    List<String> folders = I94_FOLDERS.stream().map(folder -> raw + "/" + folder)
        .filter(folder -> files.exists(folder) && files.isDirectory(folder)).toList();
    Set<String> inFolders = folders.stream().flatMap(folder -> files.listRecursively(folder, I94Files.EXTENSIONS).stream())
        .collect(Collectors.toSet());
    I94Files i94Files = new I94Files(files);
    List<String> loose = files.listRecursively(raw, I94Files.EXTENSIONS).stream()
        .filter(file -> !inFolders.contains(file) && i94Files.holdsArrivals(file)).toList();
    List<String> read = new ArrayList<>(folders);
    loose.stream().filter(file -> !isSample(file)).forEach(read::add);
    List<String> samples = loose.stream().filter(RawInputs::isSample).toList();
    if (read.isEmpty() && samples.isEmpty()) {
      throw PipelineException.sourceMissing("Cannot find I-94 arrivals in %s: expected a folder i94/ or sas_data/, or a .parquet, "
          + ".csv or .sas7bdat file with the I-94 columns (such as %s or i94_apr16_sub.sas7bdat)", raw, I94_SAMPLE_FILE);
    }
    if (read.isEmpty()) {
      return new I94Found(samples, List.of());
    }
    return new I94Found(read, samples.stream()
        .map(sample -> sample + " (Udacity's sample of April 2016, read only when no other I-94 file is there)").toList());
  }

  private static boolean isSample(String file) {
    return file.endsWith("/" + I94_SAMPLE_FILE);
  }

  /** One line for the run's progress: which I-94 files and folders are read, and which are not. */
  public String i94Description() {
    return "i94 input: " + String.join(", ", i94) + (i94Skipped.isEmpty() ? "" : "; not read: " + String.join(", ", i94Skipped));
  }

  private static List<String> required(RawFiles files, String raw, String glob, String what) {
    List<String> found = files.list(raw, glob);
    if (found.isEmpty()) {
      throw PipelineException.sourceMissing("Cannot find %s in %s: expected a file matching %s", what, raw, glob);
    }
    return found;
  }
}
