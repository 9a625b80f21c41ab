package io.i94lake.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** A started cluster as its state file records it: URLs, process ids and log files, so that other commands find it. */
public record ClusterState(String masterUrl, String masterWebUrl, long masterPid, List<WorkerProcess> workers,
    int coresPerWorker, String memoryPerWorker, Instant started) {
  public static final String FILE_NAME = "cluster.properties";

  public ClusterState {
    requireNonNull(masterUrl, "master URL is null");
    requireNonNull(masterWebUrl, "master web URL is null");
    workers = List.copyOf(workers);
  }

  /** One worker process. */
  public record WorkerProcess(long pid, String webUrl, Path log) {}

  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(masterPid);
    workers.forEach(worker -> pids.add(worker.pid()));
    return pids;
  }

  public void save(Path folder) {
    Properties properties = new Properties();
    properties.setProperty("master.url", masterUrl);
    properties.setProperty("master.web", masterWebUrl);
    properties.setProperty("master.pid", Long.toString(masterPid));
    properties.setProperty("worker.count", Integer.toString(workers.size()));
    properties.setProperty("worker.cores", Integer.toString(coresPerWorker));
    properties.setProperty("worker.memory", memoryPerWorker);
    properties.setProperty("started", started.toString());
    for (int index = 0; index < workers.size(); index++) {
      WorkerProcess worker = workers.get(index);
      properties.setProperty("worker." + (index + 1) + ".pid", Long.toString(worker.pid()));
      properties.setProperty("worker." + (index + 1) + ".web", worker.webUrl());
      properties.setProperty("worker." + (index + 1) + ".log", worker.log().toString());
    }
    Path file = folder.resolve(FILE_NAME);
    Path partial = folder.resolve(FILE_NAME + ".tmp");
    try (Writer writer = Files.newBufferedWriter(partial)) {
      properties.store(writer, "i94lake cluster: written by `i94lake cluster start`, removed by `i94lake cluster stop`");
      writer.close();
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the cluster state file " + file, e);
    }
  }

  /** The state recorded in a cluster folder, if a cluster was started there and not stopped. */
  public static Optional<ClusterState> load(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
      List<WorkerProcess> workers = new ArrayList<>();
      int count = Integer.parseInt(properties.getProperty("worker.count"));
      for (int index = 1; index <= count; index++) {
        workers.add(new WorkerProcess(Long.parseLong(properties.getProperty("worker." + index + ".pid")),
            properties.getProperty("worker." + index + ".web"), Path.of(properties.getProperty("worker." + index + ".log"))));
      }
      return Optional.of(new ClusterState(properties.getProperty("master.url"), properties.getProperty("master.web"),
          Long.parseLong(properties.getProperty("master.pid")), workers, Integer.parseInt(properties.getProperty("worker.cores")),
          properties.getProperty("worker.memory"), Instant.parse(properties.getProperty("started"))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the cluster state file " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read the cluster state file " + file + ": " + e.getMessage()
          + "; remove it if no cluster runs from " + folder, e);
    }
  }

  public static void delete(Path folder) {
    try {
      Files.deleteIfExists(folder.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the cluster state file in " + folder, e);
    }
  }
}
