package io.i94lake.pipeline;

import io.i94lake.source.RawFiles;
import java.util.List;

/**
 * Where each raw source stands in the raw folder.
 *
 * @param i94 files or folders of I-94 arrivals
 */
public record RawInputs(String dictionary, List<String> airports, List<String> demographics,
                        List<String> temperatures, List<String> i94) {
  public static final String DICTIONARY_FILE = "I94_SAS_Labels_Descriptions.SAS";
  public static final String AIRPORTS_GLOB = "airport-codes*.csv";
  public static final String DEMOGRAPHICS_GLOB = "us-cities-demographics*.csv";
  public static final String TEMPERATURES_GLOB = "GlobalLandTemperaturesByCity*.csv";
  public static final String I94_FOLDER = "i94";

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
    List<String> i94 = options.i94().isEmpty() ? List.of(raw + "/" + I94_FOLDER) : options.i94();
    return new RawInputs(dictionary,
        required(files, raw, AIRPORTS_GLOB, "airport codes"),
        required(files, raw, DEMOGRAPHICS_GLOB, "US city demographics"),
        required(files, raw, TEMPERATURES_GLOB, "city temperatures"),
        i94);
  }

  private static List<String> required(RawFiles files, String raw, String glob, String what) {
    List<String> found = files.list(raw, glob);
    if (found.isEmpty()) {
      throw PipelineException.sourceMissing("Cannot find %s in %s: expected a file matching %s", what, raw, glob);
    }
    return found;
  }
}
