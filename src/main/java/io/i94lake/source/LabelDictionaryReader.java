package io.i94lake.source;

import io.i94lake.core.PipelineException;
import java.util.ArrayList;
import java.util.HashMap;
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
    RawFiles files = new RawFiles(spark);
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
    List<LabelDictionary.Meaning> meanings = LabelDictionary.meanings(entries);
    Map<String, List<Row>> rowsByList = new HashMap<>();
    for (int index = 0; index < entries.size(); index++) {
      LabelDictionary.Entry entry = entries.get(index);
      LabelDictionary.Meaning meaning = meanings.get(index) == null
          ? new LabelDictionary.Meaning(null, null, null, null) : meanings.get(index);
      rowsByList.computeIfAbsent(entry.list(), list -> new ArrayList<>()).add(RowFactory.create(file,
          (long) entry.line(), entry.raw(), entry.error(), entry.code(), entry.label(), meaning.name(), meaning.city(),
          meaning.stateCode(), meaning.valid()));
    }
    return new Dictionary(
        source(spark, file, rowsByList, LabelDictionary.COUNTRIES),
        source(spark, file, rowsByList, LabelDictionary.PORTS),
        source(spark, file, rowsByList, LabelDictionary.MODES),
        source(spark, file, rowsByList, LabelDictionary.STATES),
        source(spark, file, rowsByList, LabelDictionary.VISA_CATEGORIES));
  }

  private static SourceRead source(SparkSession spark, String file, Map<String, List<Row>> rowsByList, String list) {
    List<Row> rows = rowsByList.getOrDefault(list, List.of());
    return SourceRead.ofText(SOURCE_NAMES.get(list), List.of(file), spark.createDataFrame(rows, SCHEMA));
  }
}
