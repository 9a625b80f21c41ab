package io.i94lake.pipeline;

import static org.apache.spark.sql.functions.col;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.TableWrite;
import io.i94lake.source.AirportReader;
import io.i94lake.source.DemographicsReader;
import io.i94lake.source.I94Reader;
import io.i94lake.source.LabelDictionaryReader;
import io.i94lake.source.RawFiles;
import io.i94lake.source.SourceCount;
import io.i94lake.source.SourceRead;
import io.i94lake.source.TemperatureReader;
import io.i94lake.transform.AirportWeatherTable;
import io.i94lake.transform.CountryTable;
import io.i94lake.transform.I94Arrivals;
import io.i94lake.transform.ImmigrantTable;
import io.i94lake.transform.ImmigrationDemographicsTable;
import io.i94lake.transform.ImmigrationTable;
import io.i94lake.transform.PortTable;
import io.i94lake.transform.RejectsTable;
import io.i94lake.transform.UsAirportTable;
import io.i94lake.transform.UsCityTable;
import io.i94lake.transform.UsDemographicsTable;
import io.i94lake.transform.UsStateTable;
import io.i94lake.transform.UsWeatherTable;
import io.i94lake.transform.WeatherCities;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the pipeline, as a graph of tasks. Every table is written on the run's audit branch; only when every
 * source passes its checks does the run publish, moving {@code main} of all its tables at once. So a broken file
 * leaves what readers see exactly as it was. Dimension tables are replaced whole; arrival tables month by month,
 * only in the months the run processes.
 */
public final class Pipeline {
  /** The order tables are reported in. */
  public static final List<String> TABLE_ORDER = List.of(
      UsStateTable.NAME, CountryTable.NAME, PortTable.NAME, UsAirportTable.NAME, UsDemographicsTable.NAME,
      UsWeatherTable.NAME, UsCityTable.NAME, AirportWeatherTable.NAME, ImmigrationTable.NAME, ImmigrantTable.NAME,
      ImmigrationDemographicsTable.NAME, RejectsTable.NAME);
  private static final int PARALLELISM = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final String WEATHER_CITIES = "weather cities";
  private static final String DIMENSION_REJECTS = "rejects of dimension sources";

  private final SparkSession spark;
  private final Consumer<String> progress;

  public Pipeline(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
  }

  public RunSummary run(RunOptions options) {
    Instant started = Instant.now();
    String runId = RunId.next(started);
    RawInputs inputs = RawInputs.locate(new RawFiles(spark), options);

    var dictionary = LabelDictionaryReader.read(spark, inputs.dictionary());
    SourceRead airports = AirportReader.read(spark, inputs.airports()).cached();
    SourceRead demographics = DemographicsReader.read(spark, inputs.demographics()).cached();
    SourceRead temperatures = TemperatureReader.read(spark, inputs.temperatures()).cached();
    SourceRead rawArrivals = new I94Reader(spark).read(inputs.i94());
    Dataset<Row> decodedArrivals = I94Arrivals.decode(rawArrivals.rows());
    List<YearMonth> months = options.months().isAll() ? I94Arrivals.months(decodedArrivals) : options.months().months();
    progress.accept("arrival months: " + (months.isEmpty() ? "none" : new Months(months)));
    List<SourceRead> dimensionSources = new ArrayList<>(dictionary.all());
    dimensionSources.addAll(List.of(airports, demographics, temperatures));

    Lake lake = Lake.open(spark, options.lake());
    LakeAudit audit = lake.audit(runId);
    Map<String, SourceCount> counts = new ConcurrentHashMap<>();
    Map<String, Dataset<Row>> built = new ConcurrentHashMap<>();
    Map<String, TableResult> written = new ConcurrentHashMap<>();
    TaskGraph graph = new TaskGraph();

    for (SourceRead source : dimensionSources) {
      graph.add(readTask(source), List.of(), () -> counts.put(source.source(), counted(source)));
    }
    table(graph, written, UsStateTable.NAME, List.of(readTask(dictionary.states()), readTask(demographics)), () ->
        replace(audit, UsStateTable.NAME, cache(built, UsStateTable.NAME,
            UsStateTable.build(dictionary.states().accepted(), demographics.accepted())), counts.get("state_labels")));
    table(graph, written, PortTable.NAME, List.of(UsStateTable.NAME, readTask(dictionary.ports())), () ->
        replace(audit, PortTable.NAME, cache(built, PortTable.NAME,
            PortTable.build(dictionary.ports().accepted(), built.get(UsStateTable.NAME))), counts.get("port_labels")));
    table(graph, written, CountryTable.NAME, List.of(readTask(dictionary.countries())), () ->
        replace(audit, CountryTable.NAME, cache(built, CountryTable.NAME,
            CountryTable.build(dictionary.countries().accepted())), counts.get("country_labels")));
    table(graph, written, UsDemographicsTable.NAME, List.of(readTask(demographics)), () ->
        replace(audit, UsDemographicsTable.NAME, cache(built, UsDemographicsTable.NAME,
            UsDemographicsTable.build(demographics.accepted())), counts.get(DemographicsReader.SOURCE)));

    // commits to rejects go one after the other: dimension sources first, then month by month
    graph.add(DIMENSION_REJECTS, dimensionSources.stream().map(Pipeline::readTask).toList(),
        () -> writeRejects(audit, written, dimensionSources, runId));

    // arrivals month after month, each month held in memory once for its three tables and its rejects
    List<String> arrivalDependencies = List.of(PortTable.NAME, CountryTable.NAME, UsDemographicsTable.NAME, DIMENSION_REJECTS);
    String previous = null;
    for (YearMonth month : months) {
      String task = "arrivals " + month;
      graph.add(task, previous == null ? arrivalDependencies : List.of(previous), () -> counts.merge(I94Reader.SOURCE,
          writeArrivals(audit, runId, written, built, dictionary, rawArrivals, I94Arrivals.inMonth(decodedArrivals, month), month),
          SourceCount::plus));
      previous = task;
    }
    if (options.months().isAll()) {
      String task = "arrivals of unknown month";
      graph.add(task, previous == null ? arrivalDependencies : List.of(previous), () -> counts.merge(I94Reader.SOURCE,
          writeArrivals(audit, runId, written, built, dictionary, rawArrivals, I94Arrivals.undated(decodedArrivals), null),
          SourceCount::plus));
      previous = task;
    }

    table(graph, written, UsAirportTable.NAME, List.of(UsStateTable.NAME, readTask(airports)), () ->
        replace(audit, UsAirportTable.NAME, cache(built, UsAirportTable.NAME,
            UsAirportTable.build(airports.accepted(), built.get(UsStateTable.NAME))), counts.get(AirportReader.SOURCE)));
    table(graph, written, UsWeatherTable.NAME, List.of(UsAirportTable.NAME, UsDemographicsTable.NAME, readTask(temperatures)), () -> {
      Dataset<Row> weatherCities = cache(built, WEATHER_CITIES,
          WeatherCities.resolve(temperatures.accepted(), built.get(UsAirportTable.NAME), built.get(UsDemographicsTable.NAME)));
      return replace(audit, UsWeatherTable.NAME, cache(built, UsWeatherTable.NAME,
          UsWeatherTable.build(temperatures.accepted(), weatherCities)), counts.get(TemperatureReader.SOURCE));
    });
    table(graph, written, UsCityTable.NAME, List.of(PortTable.NAME, UsWeatherTable.NAME), () -> replace(audit, UsCityTable.NAME,
        UsCityTable.build(built.get(UsAirportTable.NAME), built.get(UsDemographicsTable.NAME), built.get(PortTable.NAME),
            built.get(WEATHER_CITIES)), null));
    table(graph, written, AirportWeatherTable.NAME, List.of(UsWeatherTable.NAME), () -> replace(audit, AirportWeatherTable.NAME,
        AirportWeatherTable.build(built.get(UsAirportTable.NAME), built.get(UsStateTable.NAME), built.get(UsWeatherTable.NAME)), null));

    List<String> everything = new ArrayList<>(graph.names());
    graph.add("audit and publish", everything, () -> {
      List<SourceCount> all = new ArrayList<>(counts.values());
      all.forEach(count -> count.requireRejectedShareAtMost(options.maxRejectedShare()));
      audit.publish();
      progress.accept("published run " + runId + " (" + audit.tables().size() + " tables)");
    });

    try {
      graph.run(PARALLELISM);
    } catch (RuntimeException e) {
      audit.discard();
      throw e;
    } finally {
      dimensionSources.forEach(SourceRead::release);
      spark.catalog().clearCache();
    }
    List<SourceCount> sourceCounts = new ArrayList<>(dimensionSources.stream().map(source -> counts.get(source.source())).toList());
    sourceCounts.add(counts.getOrDefault(I94Reader.SOURCE, new SourceCount(I94Reader.SOURCE, List.of())));
    List<TableResult> tables = TABLE_ORDER.stream().map(written::get).filter(Objects::nonNull).toList();
    return new RunSummary(runId, months, sourceCounts, tables, Duration.between(started, Instant.now()));
  }

  private static String readTask(SourceRead source) {
    return "read " + source.source();
  }

  private static void table(TaskGraph graph, Map<String, TableResult> written, String name, List<String> dependsOn,
                            Callable<TableResult> write) {
    graph.add(name, dependsOn, () -> written.put(name, write.call()));
  }

  private static Dataset<Row> cache(Map<String, Dataset<Row>> built, String name, Dataset<Row> rows) {
    Dataset<Row> cached = rows.cache();
    built.put(name, cached);
    return cached;
  }

  private SourceCount counted(SourceRead source) {
    SourceCount count = source.count();
    progress.accept(String.format("read %-22s %,12d rows, %,d rejected", source.source(), count.rowsIn(), count.rejected()));
    return count;
  }

  /**
   * Writes one month of arrivals (or those of unknown month, which are only rejects) and returns its counts.
   * Nothing is cached: a month is read again for each table, which costs less than holding millions of rows.
   */
  private SourceCount writeArrivals(LakeAudit audit, String runId, Map<String, TableResult> written,
                                    Map<String, Dataset<Row>> built, LabelDictionaryReader.Dictionary dictionary,
                                    SourceRead rawArrivals, Dataset<Row> decoded, YearMonth month) {
    SourceRead arrivals = new SourceRead(I94Reader.SOURCE, rawArrivals.files(), decoded, rawArrivals.raw());
    SourceCount count = arrivals.count();
    String label = month == null ? "of unknown month" : month.toString();
    progress.accept(String.format("read %-22s %,12d rows, %,d rejected", "i94 " + label, count.rowsIn(), count.rejected()));
    if (month != null && count.accepted() > 0) {
      Dataset<Row> described = I94Arrivals.describe(arrivals.accepted(), built.get(PortTable.NAME),
          dictionary.modes().accepted(), dictionary.visaCategories().accepted());
      addMonth(written, overwriteMonth(audit, ImmigrationTable.NAME, ImmigrationTable.build(described), count));
      addMonth(written, overwriteMonth(audit, ImmigrantTable.NAME, ImmigrantTable.build(described), count));
      addMonth(written, overwriteMonth(audit, ImmigrationDemographicsTable.NAME, ImmigrationDemographicsTable.build(
          described, built.get(UsDemographicsTable.NAME), built.get(UsStateTable.NAME), built.get(CountryTable.NAME)), null));
    }
    Column replaced = col("source").equalTo(I94Reader.SOURCE).and(month == null
        ? col("year").isNull()
        : col("year").equalTo(month.getYear()).and(col("month").equalTo(month.getMonthValue())));
    addMonth(written, reported(audit.overwriteWhere(RejectsTable.NAME, RejectsTable.build(arrivals.rejects(), runId),
        replaced, RejectsTable.PARTITION_COLUMNS), null));
    return count;
  }

  // a table written month by month reports the sum of its months
  private static void addMonth(Map<String, TableResult> written, TableResult month) {
    written.merge(month.write().table(), month, TableResult::plus);
  }

  private TableResult replace(LakeAudit audit, String table, Dataset<Row> rows, SourceCount source) {
    return reported(audit.replace(table, rows), source);
  }

  private TableResult overwriteMonth(LakeAudit audit, String table, Dataset<Row> rows, SourceCount source) {
    return reported(audit.overwritePartitions(table, rows, I94Arrivals.PARTITION_COLUMNS), source);
  }

  // the rejects of dimension sources replace those of earlier runs
  private void writeRejects(LakeAudit audit, Map<String, TableResult> written, List<SourceRead> sources, String runId) {
    Dataset<Row> rejects = sources.stream()
        .map(source -> RejectsTable.build(source.rejects(), runId))
        .reduce(Dataset::unionByName).orElseThrow();
    Column replaced = col("source").notEqual(I94Reader.SOURCE);
    addMonth(written, reported(audit.overwriteWhere(RejectsTable.NAME, rejects, replaced, RejectsTable.PARTITION_COLUMNS), null));
  }

  private TableResult reported(TableWrite write, SourceCount source) {
    progress.accept(String.format("wrote %-24s %,12d rows in %.1f s", write.table(), write.rowsWritten(),
        write.elapsed().toNanos() / 1e9));
    return source == null
        ? new TableResult(write, null, 0)
        : new TableResult(write, source.source(), source.rejected());
  }
}
