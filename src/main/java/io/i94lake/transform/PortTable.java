package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code port}: the I-94 ports of entry of the label dictionary ($i94prtl). One row per port; key
 * {@code port_code}. An I-94 port code is not an IATA code: {@code LOS} is Los Angeles, CA here.
 * US ports carry their city and state and the city's {@code city_id}; foreign ports only a city;
 * placeholders ("No PORT Code", "Collapsed …") have {@code is_valid} false.
 */
public final class PortTable {
  private static final StructType PARSED = new StructType()
      .add("port_code", DataTypes.StringType, false)
      .add("port_name", DataTypes.StringType, true)
      .add("city", DataTypes.StringType, true)
      .add("state_code", DataTypes.StringType, true)
      .add("is_valid", DataTypes.BooleanType, false)
      .add("label", DataTypes.StringType, true);

  private PortTable() {}

  /**
   * @param portLabels accepted rows of the dictionary's $i94prtl list (code, label)
   * @param usStates the {@code us_state} table
   */
  public static Dataset<Row> build(Dataset<Row> portLabels, Dataset<Row> usStates) {
    Map<String, String> stateCodesByName = stateCodesByName(usStates.select("state_code", "state_name", "label").collectAsList());
    MapFunction<Row, Row> parse = row -> {
      String label = row.getAs("label");
      PortLabel port = PortLabel.parse(label, stateCodesByName);
      return RowFactory.create(row.<String>getAs("code"), port.name(), port.city(), port.stateCode(), port.valid(), label);
    };
    return portLabels.map(parse, Encoders.row(PARSED))
        .withColumn("city_id", CityKey.cityId(col("city"), col("state_code")))
        .select("port_code", "port_name", "city", "state_code", "city_id", "is_valid", "label");
  }

  // "CA" -> CA, "CALIFORNIA" -> CA, and the dictionary's own spelling ("WISCONSON") -> WI
  private static Map<String, String> stateCodesByName(List<Row> states) {
    Map<String, String> codes = new HashMap<>();
    for (Row state : states) {
      String code = state.getString(0);
      codes.put(code, code);
      codes.put(state.getString(1).toUpperCase(Locale.ROOT), code);
      codes.put(state.getString(2).toUpperCase(Locale.ROOT), code);
    }
    return codes;
  }
}
