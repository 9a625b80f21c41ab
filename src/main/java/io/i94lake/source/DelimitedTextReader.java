package io.i94lake.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads delimited text files on Spark into typed rows that keep their file, line number and raw text. Each file's
 * header is checked on the driver first, so a missing, empty or wrongly delimited file fails before any work; the
 * lines are parsed on the executors by {@link DelimitedFileParser}, which keeps the reason of an unusable line in
 * {@link SourceColumns#ERROR}.
 */
public final class DelimitedTextReader {
  private final SparkSession spark;
  private final RawFiles files;

  public DelimitedTextReader(SparkSession spark) {
    this.spark = spark;
    this.files = new RawFiles(spark);
  }

  /** The schema of what {@link #read} returns: lineage columns, then the layout's columns. */
  public static StructType schema(TextLayout layout) {
    List<StructField> fields = new ArrayList<>(List.of(SourceColumns.LINEAGE.fields()));
    for (TextColumn column : layout.columns()) {
      fields.add(DataTypes.createStructField(column.name(), column.type().sparkType(), true));
    }
    return DataTypes.createStructType(fields);
  }

  public Dataset<Row> read(List<String> locations, TextLayout layout) {
    DelimitedFileParser.requireFiles(locations, layout);
    JavaRDD<Row> rows = null;
    for (String location : locations) {
      JavaRDD<Row> fileRows = lines(location, layout);
      rows = rows == null ? fileRows : rows.union(fileRows);
    }
    return spark.createDataFrame(rows, schema(layout));
  }

  private JavaRDD<Row> lines(String location, TextLayout layout) {
    DelimitedFileParser parser = DelimitedFileParser.forFile(files, location, layout);
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .textFile(location)
        .zipWithIndex()
        .filter(numbered -> DelimitedFileParser.isDataLine(numbered._2() + 1, numbered._1()))
        .map(numbered -> RowFactory.create(parser.values(numbered._1(), numbered._2() + 1)));
  }
}
