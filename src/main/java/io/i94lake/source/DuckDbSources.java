package io.i94lake.source;

import java.sql.Connection;
import java.util.List;

/**
 * Reads every raw source into one DuckDB connection, each with exactly the rows, columns, rejects and counts of its
 * Spark reader ({@link AirportReader}, {@link DemographicsReader}, {@link TemperatureReader}, {@link I94Reader},
 * {@link LabelDictionaryReader}), so that a table's SQL model runs on either engine over the same relations. Each
 * read makes the relations of {@link DuckDbSourceRead}, named after the source, and replaces an earlier read of it.
 */
public final class DuckDbSources {
  private final Connection connection;
  private final RawFiles files;

  /** The label dictionary's lists, as {@link LabelDictionaryReader.Dictionary} on Spark. */
  public record Dictionary(DuckDbSourceRead countries, DuckDbSourceRead ports, DuckDbSourceRead modes,
                           DuckDbSourceRead states, DuckDbSourceRead visaCategories) {
    public List<DuckDbSourceRead> all() {
      return List.of(countries, ports, modes, states, visaCategories);
    }
  }

  public DuckDbSources(Connection connection, RawFiles files) {
    this.connection = connection;
    this.files = files;
  }

  public DuckDbSourceRead airports(List<String> locations) {
    return new DuckDbTextReader(connection, files).read(AirportReader.SOURCE, locations, AirportReader.LAYOUT);
  }

  public DuckDbSourceRead demographics(List<String> locations) {
    return new DuckDbTextReader(connection, files).read(DemographicsReader.SOURCE, locations, DemographicsReader.LAYOUT);
  }

  public DuckDbSourceRead temperatures(List<String> locations) {
    return new DuckDbTextReader(connection, files).read(TemperatureReader.SOURCE, locations, TemperatureReader.LAYOUT);
  }

  /** I-94 files and folders of any form (see {@link DuckDbI94Reader}). */
  public DuckDbSourceRead i94(List<String> locations) {
    return new DuckDbI94Reader(connection, files).read(locations);
  }

  /** A view of some of the I-94 Parquet files read, as {@code i94_rows} shows them (see {@link DuckDbI94Reader}). */
  public void i94ParquetView(String name, List<String> paths) {
    new DuckDbI94Reader(connection, files).createParquetView(name, paths);
  }

  /** The label dictionary: parsed in Java as on Spark, one small table per list. */
  public Dictionary dictionary(String file) {
    List<LabelDictionary.Entry> entries = LabelDictionaryReader.entries(files, file);
    return new Dictionary(
        list(file, entries, LabelDictionary.COUNTRIES),
        list(file, entries, LabelDictionary.PORTS),
        list(file, entries, LabelDictionary.MODES),
        list(file, entries, LabelDictionary.STATES),
        list(file, entries, LabelDictionary.VISA_CATEGORIES));
  }

  private DuckDbSourceRead list(String file, List<LabelDictionary.Entry> entries, String list) {
    String source = LabelDictionaryReader.sourceName(list);
    DuckDbTable.load(connection, source + "_rows", LabelDictionaryReader.SCHEMA,
        table -> LabelDictionaryReader.values(file, entries, list).forEach(table::append));
    return DuckDbSourceRead.of(connection, source, List.of(file), SourceColumns.RAW);
  }
}
