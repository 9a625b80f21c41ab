package io.i94lake.engine;

import static org.apache.spark.sql.functions.expr;

import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import io.i94lake.quality.CheckRunner;
import io.i94lake.source.AirportReader;
import io.i94lake.source.DemographicsReader;
import io.i94lake.source.I94ParquetFooters.FileRows;
import io.i94lake.source.I94Reader;
import io.i94lake.source.LabelDictionaryReader;
import io.i94lake.source.RawFiles;
import io.i94lake.source.SourceCount;
import io.i94lake.source.SourceRead;
import io.i94lake.source.TemperatureReader;
import io.i94lake.transform.I94Arrivals;
import io.i94lake.transform.Model;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A run's data work on Spark (local or a cluster): the Spark readers, the models as temporary views
 * ({@link SparkModels}), Datasets written on the audit branch ({@link SparkLake}). Each task is a Spark job group,
 * so that a task that times out is cancelled.
 */
public final class SparkRunEngine implements RunEngine {
  private static final String JOB_GROUP = "i94lake-task-";

  private final SparkLake lake;
  private final SparkSession spark;
  private final SparkModels models;
  private final I94Reader i94Reader;
  private final List<SourceRead> cached = new ArrayList<>();
  private final List<SparkLakeTables> checked = new ArrayList<>();

  public SparkRunEngine(SparkLake lake, String runId) {
    this.lake = lake;
    this.spark = lake.spark();
    this.models = new SparkModels(spark, runId);
    this.i94Reader = new I94Reader(spark);
  }

  private record SparkRows(Dataset<Row> rows) implements Rows {}

  private record SparkSource(SourceRead read) implements Source {
    @Override
    public String name() {
      return read.source();
    }

    @Override
    public List<String> files() {
      return read.files();
    }

    @Override
    public SourceCount count() {
      return read.count();
    }

    @Override
    public Rows accepted() {
      return new SparkRows(read.accepted());
    }

    @Override
    public Rows rejects() {
      return new SparkRows(read.rejects());
    }

    @Override
    public Map<List<Object>, SourceCount> countBy(List<String> columns) {
      return read.countBy(columns);
    }
  }

  @Override
  public RawFiles rawFiles() {
    return new RawFiles(spark);
  }

  @Override
  public List<Source> dictionary(String file) {
    return LabelDictionaryReader.read(spark, file).all().stream().<Source>map(SparkSource::new).toList();
  }

  @Override
  public Source airports(List<String> files) {
    return kept(AirportReader.read(spark, files));
  }

  @Override
  public Source demographics(List<String> files) {
    return kept(DemographicsReader.read(spark, files));
  }

  @Override
  public Source temperatures(List<String> files) {
    return kept(TemperatureReader.read(spark, files));
  }

  private Source kept(SourceRead read) {
    SourceRead cachedRead = read.cached();
    cached.add(cachedRead);
    return new SparkSource(cachedRead);
  }

  @Override
  public Source arrivals(List<String> locations) {
    return new SparkSource(models.dated(i94Reader.read(locations)));
  }

  @Override
  public Optional<Map<YearMonth, List<FileRows>>> monthsFromFooters(Source arrivals) {
    return i94Reader.monthsFromFooters(arrivals.files());
  }

  @Override
  public Source month(Source arrivals, YearMonth month, Supplier<List<String>> files) {
    SourceRead read = ((SparkSource) arrivals).read();
    return new SparkSource(read.withRows(read.rows().filter(I94Arrivals.inMonth(month))));
  }

  @Override
  public void input(Source source) {
    models.input(source.name(), rows(source.accepted()));
  }

  @Override
  public boolean isInput(String name) {
    return models.isInput(name);
  }

  @Override
  public Rows model(String name) {
    return new SparkRows(models.get(name));
  }

  @Override
  public Rows model(Model model, Map<String, Rows> inputs) {
    Map<String, Dataset<Row>> datasets = new HashMap<>();
    inputs.forEach((name, rows) -> datasets.put(name, rows(rows)));
    return new SparkRows(models.run(model, datasets));
  }

  // a month is read again for each of its tables: keeping the decoded month cost Spark as much CPU as it saved, and
  // memory besides
  @Override
  public Rows kept(Rows rows) {
    return rows;
  }

  @Override
  public void release(Rows rows) {
    // nothing kept
  }

  @Override
  public TableWrite write(LakeAudit audit, String table, List<String> partitionColumns, Rows rows, WriteMode mode) {
    Dataset<Row> written = rows(rows);
    return switch (mode.kind()) {
      case REPLACE_TABLE -> lake.replace(audit, table, written);
      case REPLACE_PARTITIONS -> lake.overwritePartitions(audit, table, written, partitionColumns);
      case REPLACE_ROWS -> lake.overwriteWhere(audit, table, written, expr(Spark3Util.describe(mode.replaced())), partitionColumns);
      case APPEND -> throw new UnsupportedOperationException("Cannot append to " + table + " in a run: runs replace what they write");
    };
  }

  @Override
  public synchronized CheckRunner.Tables checkTables(LakeAudit audit, List<YearMonth> months) {
    SparkLakeTables tables = SparkLakeTables.audited(lake, audit, months);
    checked.add(tables);
    return tables;
  }

  @Override
  public void inTask(String task, Runnable work) {
    spark.sparkContext().setJobGroup(JOB_GROUP + task, task, true);
    try {
      work.run();
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  @Override
  public void cancel(String task) {
    spark.sparkContext().cancelJobGroup(JOB_GROUP + task);
  }

  @Override
  public synchronized void close() {
    cached.forEach(SourceRead::release);
    models.release();
    checked.forEach(SparkLakeTables::release);
  }

  private static Dataset<Row> rows(Rows rows) {
    return ((SparkRows) rows).rows();
  }
}
