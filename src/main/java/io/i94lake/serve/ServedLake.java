package io.i94lake.serve;

import io.i94lake.engine.SparkLake;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything the API answers from, read once from one {@link LakeVersion}: the small tables, every arrival (for
 * regulators) and the arrival counts (for the public), plus the public answers already written, by request.
 */
final class ServedLake {
  private static final int MAX_CACHED_ANSWERS = 20_000;

  final LakeVersion version;
  final String publishedBy;
  final Places places;
  final ArrivalRecords arrivals;
  final ArrivalCounts counts;
  final Duration loadTime;
  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

  private ServedLake(LakeVersion version, String publishedBy, Places places, ArrivalRecords arrivals, Duration loadTime) {
    this.version = version;
    this.publishedBy = publishedBy;
    this.places = places;
    this.arrivals = arrivals;
    this.counts = new ArrivalCounts(arrivals);
    this.loadTime = loadTime;
  }

  /** Reads every served table exactly at the version's snapshots. */
  static ServedLake load(SparkLake lake, LakeVersion version) {
    long started = System.nanoTime();
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (String table : LakeVersion.TABLES) {
      tables.put(table, lake.spark().sql("SELECT * FROM " + at(lake, version, table)));
    }
    Places places = new Places(tables);
    ArrivalRecords arrivals = ArrivalRecords.load(lake.spark().sql("SELECT " + ArrivalRecords.COLUMNS
        + " FROM " + at(lake, version, "immigration") + " i LEFT JOIN " + at(lake, version, "immigrant")
        + " p ON i.cicid = p.cicid AND i.year = p.year AND i.month = p.month ORDER BY i.arrival_date, i.cicid"));
    return new ServedLake(version, version.publishedBy(), places, arrivals, Duration.ofNanos(System.nanoTime() - started));
  }

  private static String at(SparkLake lake, LakeVersion version, String table) {
    return lake.table(table) + " VERSION AS OF " + version.snapshot(table);
  }

  /** A public answer, written once per snapshot and request. */
  byte[] answer(String request, java.util.function.Supplier<byte[]> write) {
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
