package io.i94lake.engine;

import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import io.i94lake.quality.CheckRunner;
import io.i94lake.source.I94ParquetFooters.FileRows;
import io.i94lake.source.RawFiles;
import io.i94lake.source.SourceCount;
import io.i94lake.transform.Model;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The data work of one run on one engine: raw sources read, models built, tables written on the run's audit branch,
 * checks measured. The run ({@code Pipeline}) decides what is done and when; an engine only how.
 */
public interface RunEngine extends AutoCloseable {
  /** Rows an engine holds (a source's, a model's); only the engine that made them reads them. */
  interface Rows {}

  /** One raw source read: every row, usable or not, counted per file. */
  interface Source {
    String name();

    List<String> files();

    SourceCount count();

    /** The usable rows. */
    Rows accepted();

    /** The unusable rows: source, location, reason, raw, year, month (see {@code SourceRead#rejects}). */
    Rows rejects();

    /** The counts of the rows by the values of these columns. */
    Map<List<Object>, SourceCount> countBy(List<String> columns);
  }

  /** How raw files are found and opened. */
  RawFiles rawFiles();

  /** The label dictionary's lists: countries, ports, modes, states, visa categories. */
  List<Source> dictionary(String file);

  Source airports(List<String> files);

  Source demographics(List<String> files);

  Source temperatures(List<String> files);

  /** I-94 records of any form, each with its arrival date, year and month, or why it cannot be used (model {@code i94_dated}). */
  Source arrivals(List<String> locations);

  /** The months of the I-94 files as their Parquet footers tell, when they all do, without reading rows. */
  Optional<Map<YearMonth, List<FileRows>>> monthsFromFooters(Source arrivals);

  /**
   * The dated records of one month; of unknown month when {@code month} is null (they can only be rejected).
   *
   * @param files the files holding the month's records, asked when the month is first read; empty when any file may
   */
  Source month(Source arrivals, YearMonth month, Supplier<List<String>> files);

  /** Makes a source's usable rows the models' input named after the source. */
  void input(Source source);

  /** Whether the models' relation of that name is a source given with {@link #input}. */
  boolean isInput(String name);

  /** The rows of a model (its inputs the sources given and other models by name), built once for the run. */
  Rows model(String name);

  /** The rows of a model over these inputs, and the sources and models of the run for the others; not kept. */
  Rows model(Model model, Map<String, Rows> inputs);

  /**
   * Rows several writes read (a month's arrivals, read by each of its tables): an engine may compute them once and
   * hold them until {@link #release}.
   */
  Rows kept(Rows rows);

  /** Lets go of rows {@link #kept}. */
  void release(Rows rows);

  /** Writes rows on a table's audit branch, in one commit (the table is made when missing). */
  TableWrite write(LakeAudit audit, String table, List<String> partitionColumns, Rows rows, WriteMode mode);

  /** The tables as the run has written them, for its checks (arrival tables: the months it wrote). */
  CheckRunner.Tables checkTables(LakeAudit audit, List<YearMonth> months);

  /** Runs a task's work so that {@link #cancel} can stop it. */
  void inTask(String task, Runnable work);

  /** Stops what a task's work is computing, as far as the engine can. */
  void cancel(String task);

  /** Lets go of what the run held (cached rows, temporary relations). */
  @Override
  void close();
}
