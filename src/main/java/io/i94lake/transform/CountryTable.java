package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code country}: the countries of citizenship and residence of the I-94 label dictionary.
 * One row per country code; key {@code country_code}. {@code is_valid} is false for the dictionary's
 * {@code INVALID:}, {@code No Country Code} and {@code Collapsed} entries.
 */
public final class CountryTable {
  private static final UserDefinedFunction COUNTRY_NAME =
      udf((UDF1<String, String>) Names::countryName, DataTypes.StringType);

  private CountryTable() {}

  /** @param countryLabels accepted rows of the dictionary's i94cntyl list (code, label) */
  public static Dataset<Row> build(Dataset<Row> countryLabels) {
    Column label = col("label");
    Column invalid = label.rlike("(?i)^(INVALID|No Country Code|Collapsed)");
    return countryLabels.select(
            col("code").try_cast(DataTypes.IntegerType).as("country_code"),
            COUNTRY_NAME.apply(label).as("country_name"),
            invalid.unary_$bang().as("is_valid"),
            label);
  }
}
