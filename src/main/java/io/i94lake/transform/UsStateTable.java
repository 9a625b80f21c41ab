package io.i94lake.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code us_state}: the US states, DC and territories that I-94 records name as a destination (dictionary list
 * i94addrl, without its catch-all code 99). One row per state; key {@code state_code}. The name comes from the
 * demographics file where it has the state ("North Carolina"), else from the dictionary's label
 * ("N. CAROLINA", kept in {@code label}).
 */
public final class UsStateTable {
  private static final String CATCH_ALL_CODE = "99";
  private static final UserDefinedFunction STATE_NAME = udf((UDF1<String, String>) Names::stateName, DataTypes.StringType);

  private UsStateTable() {}

  /**
   * @param stateLabels accepted rows of the dictionary's i94addrl list (code, label)
   * @param demographics accepted demographics rows (state, state_code)
   */
  public static Dataset<Row> build(Dataset<Row> stateLabels, Dataset<Row> demographics) {
    Dataset<Row> demographicNames = demographics.groupBy("state_code").agg(max("state").as("demographics_name"));
    return stateLabels
        .filter(col("code").notEqual(CATCH_ALL_CODE))
        .join(demographicNames, col("code").equalTo(demographicNames.col("state_code")), "left")
        .select(
            col("code").as("state_code"),
            coalesce(col("demographics_name"), STATE_NAME.apply(col("label"))).as("state_name"),
            col("label"));
  }
}
