package io.i94lake.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** File helpers of the cluster folder. */
final class ClusterFiles {
  private ClusterFiles() {}

  /** The last lines of a log file, to explain why a process ended. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
