package io.i94lake.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars that hold our code and the libraries a Spark installation lacks (picocli, parso, the Iceberg Spark
 * runtime): what executors need besides Spark itself. The same list makes the cluster jar ({@code -Pcluster} in
 * pom.xml). Classes loaded from a folder (tests, an IDE) are packed into a temporary jar, since executors take jars.
 */
public final class ApplicationJars {
  private static final List<String> MARKER_CLASSES = List.of(
      "io.i94lake.cli.Main", "picocli.CommandLine", "com.epam.parso.SasFileReader", "org.apache.iceberg.spark.SparkCatalog");

  private ApplicationJars() {}

  /** Where each marker class is loaded from: jar files, or class folders. */
  public static Set<Path> locations() {
    Set<Path> locations = new LinkedHashSet<>();
    for (String name : MARKER_CLASSES) {
      try {
        Class<?> marker = Class.forName(name, false, ApplicationJars.class.getClassLoader());
        locations.add(Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize());
      } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
        throw new IllegalStateException("Cannot find the jar of " + name + " to ship to executors: " + e.getMessage(), e);
      }
    }
    return locations;
  }

  /** The jars to ship to executors ({@code spark.jars}); a class folder becomes a jar in the temporary folder. */
  public static List<Path> forExecutors() {
    return locations().stream().map(location -> Files.isDirectory(location) ? packed(location) : location).toList();
  }

  private static Path packed(Path classes) {
    try {
      Path jar = Files.createTempFile("i94lake-classes-", ".jar");
      jar.toFile().deleteOnExit();
      try (OutputStream file = Files.newOutputStream(jar); JarOutputStream output = new JarOutputStream(file);
           Stream<Path> entries = Files.walk(classes)) {
        for (Path entry : entries.filter(Files::isRegularFile).sorted().toList()) {
          output.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
          Files.copy(entry, output);
          output.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot pack the classes of " + classes + " into a jar for executors", e);
    }
  }
}
