package io.i94lake.pipeline;

import static org.apache.spark.sql.functions.col;

import io.i94lake.lake.Lake;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the pipeline: reads every source and checks it before touching the lake, builds the tables,
 * then writes each table in one commit. Dimension tables are replaced whole; arrival tables only in the months
 * the run processes.
 */
public final class Pipeline {
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
    // arrivals are not cached: scanning their Parquet again is cheaper than holding millions of rows
    SourceRead arrivals = readArrivals(inputs.i94(), options.months());
    List<SourceRead> sources = new ArrayList<>(dictionary.all());
    sources.addAll(List.of(airports, demographics, temperatures, arrivals));
    Map<String, SourceCount> counts = countAndCheck(sources, options.maxRejectedShare());
    List<YearMonth> months = monthsOf(arrivals.rows());
    progress.accept("arrival months: " + (months.isEmpty() ? "none" : new Months(months)));

    Dataset<Row> usStates = UsStateTable.build(dictionary.states().accepted(), demographics.accepted()).cache();
    Dataset<Row> countries = CountryTable.build(dictionary.countries().accepted()).cache();
    Dataset<Row> usAirports = UsAirportTable.build(airports.accepted(), usStates).cache();
    Dataset<Row> usDemographics = UsDemographicsTable.build(demographics.accepted()).cache();
    Dataset<Row> ports = PortTable.build(dictionary.ports().accepted(), usStates).cache();
    Dataset<Row> weatherCities = WeatherCities.resolve(temperatures.accepted(), usAirports, usDemographics).cache();
    Dataset<Row> usWeather = UsWeatherTable.build(temperatures.accepted(), weatherCities).cache();
    Dataset<Row> described = I94Arrivals.describe(arrivals.accepted(), ports,
        dictionary.modes().accepted(), dictionary.visaCategories().accepted());

    Lake lake = Lake.open(spark, options.lake());
    List<TableResult> tables = new ArrayList<>();
    tables.add(replace(lake, UsStateTable.NAME, usStates, counts.get("state_labels")));
    tables.add(replace(lake, CountryTable.NAME, countries, counts.get("country_labels")));
    tables.add(replace(lake, PortTable.NAME, ports, counts.get("port_labels")));
    tables.add(replace(lake, UsAirportTable.NAME, usAirports, counts.get(AirportReader.SOURCE)));
    tables.add(replace(lake, UsDemographicsTable.NAME, usDemographics, counts.get(DemographicsReader.SOURCE)));
    tables.add(replace(lake, UsWeatherTable.NAME, usWeather, counts.get(TemperatureReader.SOURCE)));
    tables.add(replace(lake, UsCityTable.NAME, UsCityTable.build(usAirports, usDemographics, ports, weatherCities), null));
    tables.add(replace(lake, AirportWeatherTable.NAME, AirportWeatherTable.build(usAirports, usStates, usWeather), null));
    SourceCount arrivalCount = counts.get(I94Reader.SOURCE);
    tables.add(overwriteMonths(lake, ImmigrationTable.NAME, ImmigrationTable.build(described), arrivalCount));
    tables.add(overwriteMonths(lake, ImmigrantTable.NAME, ImmigrantTable.build(described), arrivalCount));
    tables.add(overwriteMonths(lake, ImmigrationDemographicsTable.NAME,
        ImmigrationDemographicsTable.build(described, usDemographics, usStates, countries), null));
    tables.add(writeRejects(lake, sources, months, runId));

    sources.forEach(SourceRead::release);
    spark.catalog().clearCache();
    return new RunSummary(runId, months, List.copyOf(counts.values()), tables, Duration.between(started, Instant.now()));
  }

  // raw records, decoded far enough to know their month and whether they can be used, in the months asked for
  private SourceRead readArrivals(List<String> locations, Months months) {
    SourceRead raw = new I94Reader(spark).read(locations);
    Dataset<Row> decoded = I94Arrivals.inMonths(I94Arrivals.decode(raw.rows()), months);
    return new SourceRead(raw.source(), raw.files(), decoded, raw.raw());
  }

  // every source is counted and judged before anything is written, so a broken file leaves the lake as it was
  private Map<String, SourceCount> countAndCheck(List<SourceRead> sources, double maxRejectedShare) {
    Map<String, SourceCount> counts = new LinkedHashMap<>();
    for (SourceRead source : sources) {
      SourceCount count = source.count();
      progress.accept(String.format("read %-15s %,12d rows, %,d rejected", source.source(), count.rowsIn(), count.rejected()));
      count.requireRejectedShareAtMost(maxRejectedShare);
      counts.put(source.source(), count);
    }
    return counts;
  }

  private static List<YearMonth> monthsOf(Dataset<Row> arrivals) {
    return arrivals.filter(col("year").isNotNull().and(col("month").isNotNull()))
        .select("year", "month").distinct().collectAsList().stream()
        .map(row -> YearMonth.of(row.getInt(0), row.getInt(1)))
        .sorted()
        .toList();
  }

  private TableResult replace(Lake lake, String table, Dataset<Row> rows, SourceCount source) {
    return reported(lake.replace(table, rows), source);
  }

  private TableResult overwriteMonths(Lake lake, String table, Dataset<Row> rows, SourceCount source) {
    return reported(lake.overwritePartitions(table, rows, I94Arrivals.PARTITION_COLUMNS), source);
  }

  // rejects of this run replace those of earlier runs for the same sources and months
  private TableResult writeRejects(Lake lake, List<SourceRead> sources, List<YearMonth> months, String runId) {
    Dataset<Row> rejects = sources.stream()
        .map(source -> RejectsTable.build(source.rejects(), runId))
        .reduce(Dataset::unionByName).orElseThrow();
    Column undated = col("year").isNull();
    Column replacedMonths = undated;
    for (YearMonth month : months) {
      replacedMonths = replacedMonths.or(col("year").equalTo(month.getYear()).and(col("month").equalTo(month.getMonthValue())));
    }
    Column replaced = col("source").notEqual(I94Reader.SOURCE).and(undated)
        .or(col("source").equalTo(I94Reader.SOURCE).and(replacedMonths));
    return reported(lake.overwriteWhere(RejectsTable.NAME, rejects, replaced, RejectsTable.PARTITION_COLUMNS), null);
  }

  private TableResult reported(TableWrite write, SourceCount source) {
    progress.accept(String.format("wrote %-24s %,12d rows in %.1f s", write.table(), write.rowsWritten(), seconds(write.elapsed())));
    return source == null
        ? new TableResult(write, null, 0)
        : new TableResult(write, source.source(), source.rejected());
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
