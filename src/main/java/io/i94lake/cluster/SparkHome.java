package io.i94lake.cluster;

import io.i94lake.core.Folders;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Spark home made of links: a worker starts executors with {@code $SPARK_HOME/jars/*} as their class path, so this
 * folder's {@code jars/} links to the Spark jars this process runs with (Maven's), and to nothing of ours: our code
 * and the libraries Spark lacks reach executors through {@code spark.jars}, as on any real cluster.
 */
final class SparkHome {
  private SparkHome() {}

  /** Creates (or refreshes) {@code <folder>/spark-home/jars} and returns the Spark home. */
  static Path prepare(Path folder) {
    List<Path> jars = sparkJars();
    Path home = folder.resolve("spark-home");
    Path jarsFolder = home.resolve("jars");
    try {
      Folders.delete(home);
      Files.createDirectories(jarsFolder);
      Set<String> names = new HashSet<>();
      for (Path jar : jars) {
        if (names.add(jar.getFileName().toString())) {
          Files.createSymbolicLink(jarsFolder.resolve(jar.getFileName()), jar);
        }
      }
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the Spark home " + home + " for the cluster's workers", e);
    }
  }

  /** The jars of this process's class path, less our code and the libraries Spark lacks. */
  static List<Path> sparkJars() {
    Set<Path> application = ApplicationJars.locations();
    List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .map(entry -> Path.of(entry).toAbsolutePath().normalize())
        .filter(Files::isRegularFile)
        .filter(jar -> !application.contains(jar))
        .toList();
    if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("spark-core_"))) {
      throw new IllegalStateException("Cannot start a Spark cluster: Spark's jars (spark-core_*.jar) are not on this process's "
          + "class path " + System.getProperty("java.class.path") + "; start it with ./i94lake");
    }
    return jars;
  }
}
