package io.i94lake.transform;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code immigrant}: the person of each I-94 arrival record (key {@code cicid}), partitioned like
 * {@code immigration}: age, birth year, gender, occupation, countries of citizenship and residence, and visa.
 */
public final class ImmigrantTable {
  public static final List<String> COLUMNS = List.of(
      "cicid", "admission_number", "age", "birth_year", "gender", "occupation", "citizenship_country_code",
      "residence_country_code", "visa_category", "visa_type", "visa_post", "year", "month");

  private ImmigrantTable() {}

  /** @param arrivals described arrival records (see {@link I94Arrivals#describe}) */
  public static Dataset<Row> build(Dataset<Row> arrivals) {
    return arrivals.selectExpr(COLUMNS.toArray(String[]::new));
  }
}
