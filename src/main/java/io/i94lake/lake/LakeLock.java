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
 * The lake's writer lock, naming the run, process and host that holds it: for a lake folder a file created
 * atomically next to the tables ({@value #FILE}); for a lake on an object store, where no such file can be
 * created atomically, a row with a unique key in the lake's catalog database ({@link CatalogLockStore}). A second
 * run is refused (or waits); a lock left by a process that no longer runs on this host is taken over, and the run
 * that held it is reported so it can be recorded as failed.
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

  /** Where a lock is kept: it is created only when absent, read, and removed only by the holder it names. */
  interface Store {
    /** Creates the lock naming {@code holder}; false when another holder has it. */
    boolean tryCreate(Holder holder);

    Optional<Holder> read();

    /** Removes the lock if {@code holder} still holds it. */
    void remove(Holder holder);
  }

  private final Store store;
  private final Holder holder;
  private final Holder abandoned;

  private LakeLock(Store store, Holder holder, Holder abandoned) {
    this.store = store;
    this.holder = holder;
    this.abandoned = abandoned;
  }

  /**
   * Takes the lock of a lake for a run.
   *
   * @param wait how long to wait for another run to finish; zero to refuse at once
   */
  public static LakeLock acquire(Lake lake, String runId, Duration wait) {
    return acquire(store(lake.catalog()), lake.warehouse(), runId, wait);
  }

  /** Takes the lock of a local lake folder for a run. */
  public static LakeLock acquire(String warehouse, String runId, Duration wait) {
    return acquire(new FileStore(Path.of(warehouse).resolve(FILE)), warehouse, runId, wait);
  }

  private static LakeLock acquire(Store store, String warehouse, String runId, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    Holder abandoned = null;
    Holder self = new Holder(runId, ProcessHandle.current().pid(), thisHost(), Instant.now());
    while (!store.tryCreate(self)) {
      Optional<Holder> holder = store.read();
      if (holder.isPresent() && holder.get().isDeadHere()) {
        abandoned = holder.get();
        store.remove(abandoned);
        continue;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new PipelineException(FailureCategory.COMMIT_CONFLICT, "Cannot start run " + runId + ": "
            + holder.map(Holder::toString).orElse("another run") + " is writing the lake at " + warehouse
            + "; wait for it to finish, or pass --wait to wait for it");
      }
      sleep();
    }
    return new LakeLock(store, self, abandoned);
  }

  /** The holder of the lake's lock, if a run holds it now. */
  public static Optional<Holder> holder(Lake lake) {
    return store(lake.catalog()).read();
  }

  /** The holder of a local lake folder's lock, if a run holds it now. */
  public static Optional<Holder> holder(String warehouse) {
    return new FileStore(Path.of(warehouse).resolve(FILE)).read();
  }

  private static Store store(LakeCatalog catalog) {
    return catalog.isJdbc() ? new CatalogLockStore(catalog) : new FileStore(Path.of(catalog.warehouse()).resolve(FILE));
  }

  /** The run whose lock was found abandoned (its process had died) and taken over, if any. */
  public Optional<Holder> abandoned() {
    return Optional.ofNullable(abandoned);
  }

  @Override
  public void close() {
    store.remove(holder);
  }

  /** The lock of a lake folder: a file created only when absent. */
  private record FileStore(Path file) implements Store {
    @Override
    public boolean tryCreate(Holder holder) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(Files.createFile(file), serialize(holder));
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot take the run lock " + file, e);
      }
    }

    @Override
    public Optional<Holder> read() {
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

    @Override
    public void remove(Holder holder) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot remove the run lock " + file, e);
      }
    }

    private static String serialize(Holder holder) {
      return "run=" + holder.runId() + "\npid=" + holder.pid() + "\nhost=" + holder.host() + "\nsince=" + holder.since() + "\n";
    }
  }

  static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
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
