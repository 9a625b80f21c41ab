package io.i94lake.lake;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lake's writer lock, naming the run, process and host that holds it: for a lake folder a file created
 * atomically next to the tables ({@value #FILE}); for a lake on an object store, where no such file can be
 * created atomically, a row with a unique key in the lake's catalog database ({@link CatalogLockStore}). Its holder
 * renews a heartbeat in it while it runs. A second run is refused (or waits). A lock whose holder is gone is taken
 * over and reported, so that the run can be recorded as failed: a process that no longer runs on this host (or
 * whose id now belongs to a younger process), a lock that cannot be read, or a holder on another host that stopped
 * renewing its heartbeat for longer than the lease.
 */
public final class LakeLock implements AutoCloseable {
  static final String FILE = "_i94lake_run.lock";
  /** How long a holder on another host may go without renewing its heartbeat before its lock is taken over. */
  public static final Duration LEASE = Duration.ofSeconds(Long.getLong("i94lake.lock-lease-seconds", 120));
  private static final Duration HEARTBEAT = Duration.ofSeconds(Math.max(1, LEASE.toSeconds() / 6));
  private static final String UNREADABLE = "unreadable";

  /**
   * Who holds a lock.
   *
   * @param processStart when the holding process started, to tell it from a later process given the same id
   * @param heartbeat when the holder last said it is alive
   */
  public record Holder(String runId, long pid, String host, Instant since, Instant processStart, Instant heartbeat) {
    static Holder unreadable(Instant modified) {
      return new Holder(UNREADABLE, -1, UNREADABLE, modified, null, modified);
    }

    /** True when the holder is gone: its lock can be taken over. */
    public boolean isAbandoned() {
      if (runId.equals(UNREADABLE)) {
        return true;
      }
      if (host.equals(thisHost())) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
            .map(process -> processStart != null && process.info().startInstant()
                .map(started -> !started.truncatedTo(ChronoUnit.SECONDS).equals(processStart.truncatedTo(ChronoUnit.SECONDS)))
                .orElse(false))
            .orElse(true);
      }
      return heartbeat.plus(LEASE).isBefore(Instant.now());
    }

    Holder beating(Instant now) {
      return new Holder(runId, pid, host, since, processStart, now);
    }

    @Override
    public String toString() {
      return runId.equals(UNREADABLE) ? "an unreadable lock (written " + since + ")"
          : "run " + runId + " (process " + pid + " on " + host + ", since " + since + ", last heartbeat " + heartbeat + ")";
    }
  }

  /** Where a lock is kept: it is created only when absent, read, renewed and removed only by the holder it names. */
  interface Store {
    /** Creates the lock naming {@code holder}; false when another holder has it. */
    boolean tryCreate(Holder holder);

    Optional<Holder> read();

    /** Writes the holder's new heartbeat, if it still holds the lock. */
    void renew(Holder holder);

    /** Removes the lock if {@code holder} still holds it. */
    void remove(Holder holder);
  }

  private final Store store;
  private final Holder holder;
  private final Holder abandoned;
  private final ScheduledExecutorService heartbeat;

  private LakeLock(Store store, Holder holder, Holder abandoned) {
    this.store = store;
    this.holder = holder;
    this.abandoned = abandoned;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "i94lake-lock-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.scheduleWithFixedDelay(this::renew, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock of a lake for a run.
   *
   * @param wait how long to wait for another run to finish; zero to refuse at once
   */
  public static LakeLock acquire(Lake lake, String runId, Duration wait) {
    return acquire(store(lake.catalog()), lake.warehouse(), runId, wait);
  }

  private static LakeLock acquire(Store store, String warehouse, String runId, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    Holder abandoned = null;
    Instant now = Instant.now();
    Instant processStart = ProcessHandle.current().info().startInstant().orElse(null);
    Holder self = new Holder(runId, ProcessHandle.current().pid(), thisHost(), now, processStart, now);
    while (!store.tryCreate(self)) {
      Optional<Holder> holder = store.read();
      if (holder.isPresent() && holder.get().isAbandoned()) {
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

  /** The holder of the lake's lock, if a run holds it now (or left it behind). */
  public static Optional<Holder> holder(Lake lake) {
    return holder(lake.catalog());
  }

  /** The holder of the lock of the lake with this catalog, if a run holds it now (or left it behind). */
  public static Optional<Holder> holder(LakeCatalog catalog) {
    return store(catalog).read();
  }

  private static Store store(LakeCatalog catalog) {
    return catalog.isJdbc() ? new CatalogLockStore(catalog) : new FileStore(Path.of(catalog.warehouse()).resolve(FILE));
  }

  /** The run whose lock was found abandoned and taken over, if any. */
  public Optional<Holder> abandoned() {
    return Optional.ofNullable(abandoned);
  }

  private void renew() {
    try {
      store.renew(holder.beating(Instant.now()));
    } catch (RuntimeException e) {
      // a missed heartbeat is made up at the next one; the lease is several heartbeats long
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    store.remove(holder);
  }

  /** The lock of a lake folder: a file created with its content in one step (a hard link to a file written aside). */
  private record FileStore(Path file) implements Store {
    @Override
    public boolean tryCreate(Holder holder) {
      Path written = null;
      try {
        Files.createDirectories(file.getParent());
        written = writeAside(holder);
        Files.createLink(file, written);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot take the run lock " + file, e);
      } finally {
        deleteQuietly(written);
      }
    }

    @Override
    public Optional<Holder> read() {
      try {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        Instant since = Instant.parse(properties.getProperty("since"));
        String processStart = properties.getProperty("process_start");
        return Optional.of(new Holder(properties.getProperty("run"), Long.parseLong(properties.getProperty("pid")),
            properties.getProperty("host"), since, processStart == null ? null : Instant.parse(processStart),
            Instant.parse(properties.getProperty("heartbeat", since.toString()))));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException | RuntimeException e) {
        try {
          return Optional.of(Holder.unreadable(Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException gone) {
          return Optional.empty();
        }
      }
    }

    @Override
    public void renew(Holder holder) {
      if (read().filter(current -> current.runId().equals(holder.runId())).isEmpty()) {
        return;
      }
      Path written = null;
      try {
        written = writeAside(holder);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot renew the run lock " + file, e);
      } finally {
        deleteQuietly(written);
      }
    }

    @Override
    public void remove(Holder holder) {
      if (read().filter(current -> current.runId().equals(holder.runId())).isEmpty()) {
        return;
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot remove the run lock " + file, e);
      }
    }

    private Path writeAside(Holder holder) throws IOException {
      Path written = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime());
      Files.writeString(written, "run=" + holder.runId() + "\npid=" + holder.pid() + "\nhost=" + holder.host()
          + "\nsince=" + holder.since() + "\nheartbeat=" + holder.heartbeat()
          + (holder.processStart() == null ? "" : "\nprocess_start=" + holder.processStart()) + "\n");
      return written;
    }

    private static void deleteQuietly(Path path) {
      try {
        if (path != null) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        // a stray file beside the lock changes nothing
      }
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
