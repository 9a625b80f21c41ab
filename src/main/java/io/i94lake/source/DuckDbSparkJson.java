package io.i94lake.source;

import static io.i94lake.source.DuckDbTable.quote;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's {@code to_json(struct(...))} written in DuckDB SQL, so that a rejected I-94 record read from Parquet or
 * SAS7BDAT shows the same raw text on both engines: null fields left out, strings escaped as Jackson escapes them
 * (DuckDB's {@code to_json} of a string does the same), and each DOUBLE as Java's {@code Double.toString} writes it —
 * plain from 0.001 up to 10^7 ({@code 2016.0}), else {@code 5.5425603333E10}. DuckDB writes the same shortest digits
 * in another layout ({@code 55425603333.0}, {@code 1e+16}); the macros move the point and the exponent.
 *
 * <p>Java 17's {@code Double.toString} writes 17 digits for some values that 16 identify (JDK-4511638, fixed in
 * Java 19), such as whole numbers above 2^53: for those the texts differ. I-94 values (whole numbers far below 2^53,
 * a few decimals) are not among them.
 */
final class DuckDbSparkJson {
  private static final List<String> MACROS = List.of(
      // d: significant digits without trailing zeros, at least one
      "CREATE OR REPLACE MACRO spark_json_mantissa(d) AS left(d, 1) || '.' || CASE WHEN length(d) > 1 THEN substr(d, 2) ELSE '0' END",
      "CREATE OR REPLACE MACRO spark_json_scientific(sign, digits, exponent) AS "
          + "sign || spark_json_mantissa(rtrim(digits, '0')) || 'E' || CAST(exponent AS VARCHAR)",
      // s: DuckDB's text of a positive DOUBLE: 1.5e-07, 0.00015 or 55425603333.0
      "CREATE OR REPLACE MACRO spark_json_scientific_text(sign, s) AS CASE "
          + "WHEN contains(s, 'e') THEN spark_json_scientific(sign, replace(split_part(s, 'e', 1), '.', ''), CAST(split_part(s, 'e', 2) AS INTEGER)) "
          + "WHEN starts_with(s, '0.') THEN spark_json_scientific(sign, ltrim(substr(s, 3), '0'), length(ltrim(substr(s, 3), '0')) - length(substr(s, 3)) - 1) "
          + "ELSE spark_json_scientific(sign, replace(s, '.', ''), strpos(s, '.') - 2) END",
      "CREATE OR REPLACE MACRO spark_json_double(x) AS CASE "
          + "WHEN isnan(x) THEN '\"NaN\"' "
          + "WHEN isinf(x) THEN CASE WHEN x > 0 THEN '\"Infinity\"' ELSE '\"-Infinity\"' END "
          + "WHEN x = 0 THEN CASE WHEN signbit(x) THEN '-0.0' ELSE '0.0' END "
          + "WHEN abs(x) >= 0.001 AND abs(x) < 10000000 THEN CAST(x AS VARCHAR) "
          + "ELSE spark_json_scientific_text(CASE WHEN x < 0 THEN '-' ELSE '' END, CAST(abs(x) AS VARCHAR)) END");

  private DuckDbSparkJson() {}

  /** Defines the macros {@link #object} uses in the connection. */
  static void defineMacros(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      for (String macro : MACROS) {
        statement.execute(macro);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot define the JSON macros in DuckDB: " + e.getMessage(), e);
    }
  }

  /** The SQL expression of Spark's {@code to_json(struct(columns))} for DOUBLE and VARCHAR columns. */
  static String object(StructType columns) {
    return "'{' || concat_ws(',', " + Arrays.stream(columns.fields()).map(DuckDbSparkJson::member)
        .collect(Collectors.joining(", ")) + ") || '}'";
  }

  // null when the value is null: concat_ws leaves it out, as Spark does
  private static String member(StructField field) {
    String column = quote(field.name());
    String value;
    if (field.dataType().equals(DataTypes.DoubleType)) {
      value = "spark_json_double(" + column + ")";
    } else if (field.dataType().equals(DataTypes.StringType)) {
      value = "CAST(to_json(" + column + ") AS VARCHAR)";
    } else {
      throw new IllegalArgumentException("No JSON text for Spark type " + field.dataType().simpleString() + " of " + field.name());
    }
    return "CASE WHEN " + column + " IS NOT NULL THEN '\"" + field.name() + "\":' || " + value + " END";
  }
}
