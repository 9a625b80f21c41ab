package io.i94lake.source;

import io.i94lake.core.PipelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reads the label dictionary into one source per list: each row a code, its label, and its line. */
public final class LabelDictionaryReader {
  public static final StructType SCHEMA = SourceColumns.LINEAGE
      .add("code", DataTypes.StringType, true)
      .add("label", DataTypes.StringType, true)
      .add("name", DataTypes.StringType, true)
      .add("city", DataTypes.StringType, true)
      .add("state_code", DataTypes.StringType, true)
      .add("is_valid", DataTypes.BooleanType, true);

  /** The dictionary's lists as sources. */
  public record Dictionary(SourceRead countries, SourceRead ports, SourceRead modes, SourceRead states,
                           SourceRead visaCategories) {
    public List<SourceRead> all() {
      return List.of(countries, ports, modes, states, visaCategories);
    }
  }

  private static final Map<String, String> SOURCE_NAMES = Map.of(
      LabelDictionary.COUNTRIES, "country_labels",
      LabelDictionary.PORTS, "port_labels",
      LabelDictionary.MODES, "mode_labels",
      LabelDictionary.STATES, "state_labels",
      LabelDictionary.VISA_CATEGORIES, "visa_labels");

  private LabelDictionaryReader() {}

  public static Dictionary read(SparkSession spark, String file) {
    List<LabelDictionary.Entry> entries = entries(new RawFiles(spark), file);
    return new Dictionary(
        source(spark, file, entries, LabelDictionary.COUNTRIES),
        source(spark, file, entries, LabelDictionary.PORTS),
        source(spark, file, entries, LabelDictionary.MODES),
        source(spark, file, entries, LabelDictionary.STATES),
        source(spark, file, entries, LabelDictionary.VISA_CATEGORIES));
  }

  /** The dictionary's entries; fails when the file is missing or lacks a list. */
  static List<LabelDictionary.Entry> entries(RawFiles files, String file) {
    if (!files.exists(file)) {
      throw PipelineException.sourceMissing("Cannot read label dictionary %s: the file does not exist", file);
    }
    List<LabelDictionary.Entry> entries = LabelDictionary.parse(files.lines(file));
    for (String list : LabelDictionary.LISTS) {
      if (entries.stream().noneMatch(entry -> entry.list().equals(list) && entry.code() != null)) {
        throw PipelineException.sourceMalformed(
            "Cannot read label dictionary %s: it has no entries for %s; expected the SAS value lists %s "
                + "and the I94VISA categories in a comment", file, list, LabelDictionary.LISTS.subList(0, 4));
      }
    }
    return entries;
  }

  /** The source name of a list: "country_labels", …. */
  static String sourceName(String list) {
    return SOURCE_NAMES.get(list);
  }

  /** The values of a list's rows, in {@link #SCHEMA}'s order: the entry, then what its label means. */
  static List<Object[]> values(String file, List<LabelDictionary.Entry> entries, String list) {
    List<LabelDictionary.Meaning> meanings = LabelDictionary.meanings(entries);
    List<Object[]> values = new ArrayList<>();
    for (int index = 0; index < entries.size(); index++) {
      LabelDictionary.Entry entry = entries.get(index);
      if (entry.list().equals(list)) {
        LabelDictionary.Meaning meaning = meanings.get(index) == null
            ? new LabelDictionary.Meaning(null, null, null, null) : meanings.get(index);
        values.add(new Object[] {file, (long) entry.line(), entry.raw(), entry.error(), entry.code(), entry.label(),
            meaning.name(), meaning.city(), meaning.stateCode(), meaning.valid()});
      }
    }
    return values;
  }

  private static SourceRead source(SparkSession spark, String file, List<LabelDictionary.Entry> entries, String list) {
    List<Row> rows = values(file, entries, list).stream().map(RowFactory::create).toList();
    return SourceRead.ofText(sourceName(list), List.of(file), spark.createDataFrame(rows, SCHEMA));
  }
}
