package io.i94lake.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What {@code i94lake cluster start} starts: a master on {@code port} (0 picks a free one) and {@code workers}
 * workers of {@code coresPerWorker} cores and {@code memoryPerWorker} memory (Spark's form: 512m, 2g), all on
 * 127.0.0.1, with their state, logs and scratch space in {@code folder}.
 */
public record ClusterOptions(Path folder, int workers, int coresPerWorker, String memoryPerWorker, int port, int webUiPort) {
  public static final int DEFAULT_PORT = 7077;
  public static final int DEFAULT_WEB_UI_PORT = 8080;

  public ClusterOptions {
    requireNonNull(folder, "cluster folder is null");
    requireNonNull(memoryPerWorker, "worker memory is null");
    if (workers < 1 || workers > 16) {
      throw new IllegalArgumentException("Cannot start " + workers + " workers: expected 1 to 16");
    }
    if (coresPerWorker < 1) {
      throw new IllegalArgumentException("Cannot give a worker " + coresPerWorker + " cores: expected at least 1");
    }
    if (!memoryPerWorker.matches("(?i)\\d+[mg]")) {
      throw new IllegalArgumentException("Cannot give a worker memory '" + memoryPerWorker + "': expected a size such as 512m or 2g");
    }
    if (port < 0 || port > 65535 || webUiPort < 0 || webUiPort > 65535) {
      throw new IllegalArgumentException("Cannot use port " + port + " or " + webUiPort + ": expected 0 (any free port) to 65535");
    }
    folder = folder.toAbsolutePath().normalize();
  }
}
