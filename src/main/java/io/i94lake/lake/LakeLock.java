package io.i94lake.lake;

import io.i94lake.pipeline.FailureCategory;
import io.i94lake.pipeline.PipelineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The lake's writer lock: a file created atomically next to the tables, naming the run, process and host that
 * holds it. A second run is refused (or waits); a lock left by a process that no longer runs on this host is
 * taken over, and the run that held it is reported so it can be recorded as failed.
 */
public final class LakeLock implements AutoCloseable {
  static final String FILE = "_i94lake_run.lock";

  /** Who holds a lock. */
  public record Holder(String runId, long pid, String host, Instant since) {
    boolean isDeadHere() {
      return host.equals(thisHost()) && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    @Override
    public String toString() {
      return "run " + runId + " (process " + pid + " on " + host + ", since " + since + ")";
    }
  }

  private final Path file;
  private final Holder abandoned;

  private LakeLock(Path file, Holder abandoned) {
    this.file = file;
    this.abandoned = abandoned;
  }

  /**
   * Takes the lock of a local lake folder for a run.
   *
   * @param wait how long to wait for another run to finish; zero to refuse at once
   */
  public static LakeLock acquire(String warehouse, String runId, Duration wait) {
    Path file = Path.of(warehouse).resolve(FILE);
    Instant deadline = Instant.now().plus(wait);
    Holder abandoned = null;
    while (true) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(Files.createFile(file), serialize(new Holder(runId, ProcessHandle.current().pid(), thisHost(), Instant.now())));
        return new LakeLock(file, abandoned);
      } catch (FileAlreadyExistsException e) {
        Optional<Holder> holder = read(file);
        if (holder.isPresent() && holder.get().isDeadHere()) {
          abandoned = holder.get();
          deleteQuietly(file);
          continue;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new PipelineException(FailureCategory.COMMIT_CONFLICT, "Cannot start run " + runId + ": "
              + holder.map(Holder::toString).orElse("another run") + " is writing the lake at " + warehouse
              + "; wait for it to finish, or pass --wait to wait for it");
        }
        sleep();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot take the run lock " + file, e);
      }
    }
  }

  /** The holder of the lake's lock, if a run holds it now. */
  public static Optional<Holder> holder(String warehouse) {
    return read(Path.of(warehouse).resolve(FILE));
  }

  /** The run whose lock was found abandoned (its process had died) and taken over, if any. */
  public Optional<Holder> abandoned() {
    return Optional.ofNullable(abandoned);
  }

  @Override
  public void close() {
    deleteQuietly(file);
  }

  private static Optional<Holder> read(Path file) {
    try {
      Properties properties = new Properties();
      properties.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      return Optional.of(new Holder(properties.getProperty("run"), Long.parseLong(properties.getProperty("pid", "-1")),
          properties.getProperty("host", ""), Instant.parse(properties.getProperty("since", Instant.EPOCH.toString()))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // a lock being written right now, or damaged: treat it as held by an unknown run
      return Optional.of(new Holder("unknown", -1, "unknown", Instant.EPOCH));
    }
  }

  private static String serialize(Holder holder) {
    return "run=" + holder.runId() + "\npid=" + holder.pid() + "\nhost=" + holder.host() + "\nsince=" + holder.since() + "\n";
  }

  static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the run lock " + file, e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the lake's run lock", e);
    }
  }
}
