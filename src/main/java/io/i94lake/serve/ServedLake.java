package io.i94lake.serve;

import io.i94lake.engine.LakeReading;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.iceberg.Table;

/**
 * One served version: its DuckDB database ({@link ServedDatabase}) and the public answers already written, by
 * request. It is held by the watcher while it is the current version, and by each request answering from it; the
 * last to let go closes the database, so a version replaced by a newer one closes once its requests are answered.
 */
final class ServedLake {
  private static final int MAX_CACHED_ANSWERS = 20_000;

  final LakeVersion version;
  final long arrivals;
  final long countGroups;
  final Duration loadTime;
  private final ServedDatabase database;
  private final ArrivalLookups lookups;
  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final AtomicInteger holders = new AtomicInteger(1);

  private ServedLake(LakeVersion version, ServedDatabase database, Duration loadTime) {
    this.version = version;
    this.database = database;
    this.loadTime = loadTime;
    this.lookups = new ArrivalLookups(database, Runtime.getRuntime().availableProcessors());
    this.arrivals = database.query(sql -> sql.number("SELECT count(*) FROM arrival"));
    this.countGroups = database.query(sql -> sql.number("SELECT count(*) FROM arrival_count"));
  }

  /** Copies the served tables exactly at the version's snapshots into a new DuckDB database. */
  static ServedLake load(LakeReading lake, LakeVersion version) {
    long started = System.nanoTime();
    Map<Table, Long> snapshots = new java.util.LinkedHashMap<>();
    for (String name : version.snapshots().keySet()) {
      Table table = lake.table(name).orElseThrow(() -> new IllegalStateException("Cannot serve the lake at "
          + lake.warehouse() + ": its table " + name + " is gone, though run " + version.publishedBy() + " published it"));
      snapshots.put(table, version.snapshot(name));
    }
    ServedDatabase database = ServedDatabase.load(snapshots);
    return new ServedLake(version, database, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Runs a request's queries on this version. */
  <T> T query(Function<ServedQueries, T> work) {
    return database.query(work);
  }

  /** The record of the arrival with a cicid, looked up together with other requests' (see {@link ArrivalLookups}). */
  Map<String, Object> arrival(long cicid) {
    return lookups.record(cicid).orElseThrow(() -> ApiError.notFound("No arrival has cicid " + cicid));
  }

  /** Holds this version for a request; false when it was closed meanwhile (a newer one took over). */
  boolean hold() {
    while (true) {
      int count = holders.get();
      if (count == 0) {
        return false;
      }
      if (holders.compareAndSet(count, count + 1)) {
        return true;
      }
    }
  }

  /** Lets go of this version: the last holder closes it. */
  void release() {
    if (holders.decrementAndGet() == 0) {
      lookups.close();
      database.close();
    }
  }

  /** A public answer, written once per snapshot and request. */
  byte[] answer(String request, Supplier<byte[]> write) {
    byte[] answer = answers.get(request);
    if (answer == null) {
      answer = write.get();
      if (answers.size() >= MAX_CACHED_ANSWERS) {
        answers.clear();
      }
      answers.put(request, answer);
    }
    return answer;
  }
}
