package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.Fixtures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** DuckDB writes the JSON text of a record as Spark's {@code to_json} does, for the values raw records hold. */
class DuckDbSparkJsonTest {
  private static final StructType COLUMNS = new StructType()
      .add("number", DataTypes.DoubleType, true)
      .add("text", DataTypes.StringType, true);

  @Test
  void numbersAndTextsAsSparkWritesThem() throws Exception {
    List<Double> numbers = List.of(5_748_517.0, 2016.0, 5.5425603333E10, 1.897628485E9, 9_999_999.0, 10_000_000.0,
        0.001, 0.000999, 1.5e-7, 123.456, -100.53, 32.95, -0.0, 0.0, 1e21, 1e300, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 4.9e-300, 0.1 + 0.2, 20_545.0 / 7);
    List<String> texts = List.of("", "D/S", "Mayagüez", "quote \" and \\ backslash", "tab\tnew\nline", "\u001f\u007f", "😀");
    List<Object[]> values = new ArrayList<>();
    for (int index = 0; index < numbers.size() + texts.size() + 1; index++) {
      values.add(new Object[] {index < numbers.size() ? numbers.get(index) : null,
          index >= numbers.size() && index < numbers.size() + texts.size() ? texts.get(index - numbers.size()) : null});
    }

    List<String> spark = Fixtures.spark().createDataFrame(values.stream().map(RowFactory::create).toList(), COLUMNS)
        .select(functions.to_json(functions.struct(functions.col("number"), functions.col("text"))))
        .as(Encoders.STRING()).collectAsList();

    List<String> duckDb = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDbTable.load(connection, "records", COLUMNS.add("position", DataTypes.IntegerType, false), table -> {
        for (int index = 0; index < values.size(); index++) {
          table.append(new Object[] {values.get(index)[0], values.get(index)[1], index});
        }
      });
      DuckDbSparkJson.defineMacros(connection);
      try (Statement statement = connection.createStatement();
           ResultSet result = statement.executeQuery("SELECT " + DuckDbSparkJson.object(COLUMNS) + " FROM records ORDER BY position")) {
        while (result.next()) {
          duckDb.add(result.getString(1));
        }
      }
    }
    assertThat(duckDb).containsExactlyElementsOf(spark);
    assertThat(spark).contains("{\"number\":5.5425603333E10}", "{\"number\":2016.0}", "{}");
  }
}
