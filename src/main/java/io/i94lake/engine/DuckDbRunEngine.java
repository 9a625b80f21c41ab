package io.i94lake.engine;

import static io.i94lake.engine.DuckDbSchema.quoted;
import static io.i94lake.source.SourceColumns.ERROR;

import io.i94lake.core.TableCatalog;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeAudit;
import io.i94lake.lake.TableWrite;
import io.i94lake.lake.WriteMode;
import io.i94lake.quality.CheckRunner;
import io.i94lake.source.AirportReader;
import io.i94lake.source.DemographicsReader;
import io.i94lake.source.DuckDbSourceRead;
import io.i94lake.source.DuckDbSources;
import io.i94lake.source.I94ParquetFooters;
import io.i94lake.source.I94ParquetFooters.FileRows;
import io.i94lake.source.RawFiles;
import io.i94lake.source.SourceCount;
import io.i94lake.source.TemperatureReader;
import io.i94lake.transform.Dialect;
import io.i94lake.transform.I94Arrivals;
import io.i94lake.transform.Model;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * A run's data work on DuckDB in this process: the raw sources read into one in-memory database
 * ({@link DuckDbSources}), the models as its views and tables, rows written on the audit branch as Parquet files
 * committed through Iceberg ({@link DuckDbTableWriter}), checks measured over views of the branch's files. Tasks
 * that run together each work on a connection of their own ({@link DuckDbConnections}), so that a small table is
 * written while a month of arrivals is, and a task past its timeout can be stopped.
 */
public final class DuckDbRunEngine implements RunEngine {
  private static final String UNUSABLE_BECAUSE = "unusable_because";

  private final Lake lake;
  private final Configuration hadoop;
  private final DuckDbConnections connections;
  private final Connection connection;
  private final RawFiles rawFiles;
  private final DuckDbSources sources;
  private final Set<String> inputs = ConcurrentHashMap.newKeySet();
  private final Set<String> built = new HashSet<>();
  private final AtomicInteger relations = new AtomicInteger();
  private final StagedFiles staged = StagedFiles.inTemporaryFolder();

  DuckDbRunEngine(Lake lake, Configuration hadoop, DuckDbSettings settings, String runId) {
    this.lake = lake;
    this.hadoop = hadoop;
    try {
      this.connections = new DuckDbConnections(settings);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start DuckDB for run " + runId + ": " + e.getMessage(), e);
    }
    this.connection = connections.connection();
    this.rawFiles = new RawFiles(hadoop);
    this.sources = new DuckDbSources(connection, rawFiles);
  }

  private record DuckDbRows(String relation) implements Rows {}

  // a source read into DuckDB when it is first counted or used, so that large text files are parsed in their read
  // tasks, beside the other tasks
  private static final class DuckDbSource implements Source {
    private final String name;
    private final List<String> files;
    private final Supplier<DuckDbSourceRead> reading;
    private DuckDbSourceRead read;

    DuckDbSource(String name, List<String> files, Supplier<DuckDbSourceRead> reading) {
      this.name = name;
      this.files = List.copyOf(files);
      this.reading = reading;
    }

    DuckDbSource(DuckDbSourceRead read) {
      this(read.source(), read.files(), () -> read);
    }

    synchronized DuckDbSourceRead read() {
      if (read == null) {
        read = reading.get();
      }
      return read;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<String> files() {
      return files;
    }

    @Override
    public SourceCount count() {
      return read().count();
    }

    @Override
    public Rows accepted() {
      return new DuckDbRows(read().accepted());
    }

    @Override
    public Rows rejects() {
      return new DuckDbRows(read().rejects());
    }

    @Override
    public Map<List<Object>, SourceCount> countBy(List<String> columns) {
      return read().countBy(columns);
    }
  }

  @Override
  public RawFiles rawFiles() {
    return rawFiles;
  }

  @Override
  public List<Source> dictionary(String file) {
    return sources.dictionary(file).all().stream().<Source>map(DuckDbSource::new).toList();
  }

  @Override
  public Source airports(List<String> files) {
    return new DuckDbSource(AirportReader.SOURCE, files, () -> sources.airports(files));
  }

  @Override
  public Source demographics(List<String> files) {
    return new DuckDbSource(DemographicsReader.SOURCE, files, () -> sources.demographics(files));
  }

  @Override
  public Source temperatures(List<String> files) {
    return new DuckDbSource(TemperatureReader.SOURCE, files, () -> sources.temperatures(files));
  }

  @Override
  public Source arrivals(List<String> locations) {
    DuckDbSourceRead raw = sources.i94(locations);
    return new DuckDbSource(raw.withRows("i94_dated", dated(quoted(raw.rows()))));
  }

  // the model i94_dated over raw I-94 rows, its reason a row is unusable kept with the reader's
  private static String dated(String rawRows) {
    String dated = Model.named("i94_dated").sql(Dialect.DUCKDB, input -> rawRows);
    return "SELECT * EXCLUDE (" + UNUSABLE_BECAUSE + ") REPLACE (coalesce(" + ERROR + ", " + UNUSABLE_BECAUSE + ") AS " + ERROR
        + ") FROM (" + dated + ")";
  }

  @Override
  public Optional<Map<YearMonth, List<FileRows>>> monthsFromFooters(Source arrivals) {
    return I94ParquetFooters.months(arrivals.files(), hadoop);
  }

  @Override
  public Source month(Source arrivals, YearMonth month, Supplier<List<String>> files) {
    DuckDbSource all = (DuckDbSource) arrivals;
    String name = month == null ? "i94_undated" : "i94_" + month.getYear() + "_" + month.getMonthValue();
    return new DuckDbSource(all.name(), all.files(), () -> {
      DuckDbSourceRead read = all.read();
      String dated = quoted(read.rows());
      List<String> own = parquetFilesAmong(read.files(), files.get());
      if (!own.isEmpty()) {
        // only the month's own files: a month of a year reads one file in twelve, not every file's arrival days
        sources.i94ParquetView(name + "_files", own);
        dated = "(" + dated(quoted(name + "_files")) + ")";
      }
      return read.withRows(name, "SELECT * FROM " + dated + " WHERE " + I94Arrivals.inMonth(month));
    });
  }

  // the source's paths of these files (named as counts name them) when the source read Parquet files only and each
  // is one of them; else none, and the month is found among all the files
  private static List<String> parquetFilesAmong(List<String> sourceFiles, List<String> files) {
    if (files.isEmpty() || !sourceFiles.stream().allMatch(file -> file.toLowerCase(Locale.ROOT).endsWith(".parquet"))) {
      return List.of();
    }
    Map<Path, String> byPath = new HashMap<>();
    sourceFiles.forEach(file -> byPath.put(localPath(file), file));
    List<String> own = files.stream().map(file -> byPath.get(localPath(file))).toList();
    return own.contains(null) ? List.of() : own;
  }

  private static Path localPath(String file) {
    return Path.of(file.startsWith("file:") ? URI.create(file).getPath() : file).toAbsolutePath().normalize();
  }

  @Override
  public void input(Source source) {
    inputs.add(source.name());
  }

  @Override
  public boolean isInput(String name) {
    return inputs.contains(name);
  }

  @Override
  public Rows model(String name) {
    // a model other models read is built once, by the first task that needs it
    synchronized (built) {
      if (!built.contains(name) && !inputs.contains(name)) {
        Model model = Model.named(name);
        model.inputs().forEach(this::model);
        execute("CREATE TABLE " + quoted(name) + " AS " + model.sql(Dialect.DUCKDB, DuckDbSchema::quoted));
        built.add(name);
      }
      return new DuckDbRows(name);
    }
  }

  @Override
  public Rows model(Model model, Map<String, Rows> given) {
    Map<String, String> names = new HashMap<>();
    for (String input : model.inputs()) {
      names.put(input, given.containsKey(input) ? ((DuckDbRows) given.get(input)).relation() : ((DuckDbRows) model(input)).relation());
    }
    String view = model.name() + "_" + relations.incrementAndGet();
    execute("CREATE VIEW " + quoted(view) + " AS " + model.sql(Dialect.DUCKDB, input -> quoted(names.get(input))));
    return new DuckDbRows(view);
  }

  @Override
  public Rows kept(Rows rows) {
    String table = ((DuckDbRows) rows).relation() + "_kept";
    execute("CREATE TABLE " + quoted(table) + " AS SELECT * FROM " + quoted(((DuckDbRows) rows).relation()));
    return new DuckDbRows(table);
  }

  @Override
  public void release(Rows rows) {
    execute("DROP TABLE " + quoted(((DuckDbRows) rows).relation()));
  }

  @Override
  public TableWrite write(LakeAudit audit, String table, List<String> partitionColumns, Rows rows, WriteMode mode) {
    String relation = ((DuckDbRows) rows).relation();
    audit.open(table, DuckDbSchema.iceberg(connection, relation), partitionColumns);
    return new DuckDbTableWriter(connection).write(relation, lake.icebergTable(table), audit.branch(), mode);
  }

  @Override
  public CheckRunner.Tables checkTables(LakeAudit audit, List<YearMonth> months) {
    // each view made once: checks of several tables, running together, look up the same tables
    Map<String, Optional<String>> checkedViews = new ConcurrentHashMap<>();
    Map<String, OptionalLong> publishedRows = new ConcurrentHashMap<>();
    return new DuckDbCheckTables(connection, table -> checkedViews.computeIfAbsent(table, name -> checked(audit, name, months)),
        table -> published(audit, table),
        table -> publishedRows.computeIfAbsent(table, name -> published(audit, name)
            .map(snapshot -> OptionalLong.of(count(view(name + "_published", name, snapshot, months)))).orElse(OptionalLong.empty())));
  }

  // a view of what the run wrote of a table (its branch), else of what is published, in the months the run wrote
  private Optional<String> checked(LakeAudit audit, String table, List<YearMonth> months) {
    if (!lake.hasTable(table)) {
      return Optional.empty();
    }
    Table icebergTable = lake.icebergTable(table);
    Snapshot snapshot = audit.wrote(table) ? icebergTable.snapshot(icebergTable.refs().get(audit.branch()).snapshotId())
        : published(audit, table).orElse(icebergTable.currentSnapshot());
    return snapshot == null ? Optional.empty() : Optional.of(view(table + "_checked", table, snapshot, months));
  }

  private Optional<Snapshot> published(LakeAudit audit, String table) {
    return lake.publishedSnapshot(audit.published(), table);
  }

  // the rows of a snapshot of a table, limited to these months where the table is one of arrivals
  private String view(String name, String table, Snapshot snapshot, List<YearMonth> months) {
    String files = name + "_files";
    execute("DROP VIEW IF EXISTS " + quoted(files));
    execute(DuckDbReader.view(quoted(files), lake.icebergTable(table), snapshot.snapshotId(), staged));
    boolean monthly = TableCatalog.named(table).monthly();
    String scope = !monthly || months.isEmpty() ? "" : " WHERE " + months.stream()
        .map(month -> "(year = " + month.getYear() + " AND month = " + month.getMonthValue() + ")")
        .collect(Collectors.joining(" OR "));
    execute("CREATE OR REPLACE VIEW " + quoted(name) + " AS SELECT * FROM " + quoted(files) + scope);
    return quoted(name);
  }

  private long count(String relation) {
    try (Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT count(*) FROM " + relation)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count the rows of " + relation + " in DuckDB: " + e.getMessage(), e);
    }
  }

  @Override
  public void inTask(String task, Runnable work) {
    connections.inTask(task, work);
  }

  @Override
  public void cancel(String task) {
    connections.cancel(task);
  }

  @Override
  public void close() {
    staged.close();
    try {
      connections.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close DuckDB: " + e.getMessage(), e);
    }
  }

  private void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run on DuckDB: " + e.getMessage() + "\n" + sql, e);
    }
  }
}
