package io.i94lake.serve;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * The small tables of a snapshot (states, countries, ports, cities, airports, demographics, weather: a few
 * thousand rows in all), held in memory as rows of column name to value, ready to be written as JSON.
 */
final class Places {
  final Map<String, Map<String, Object>> states;
  final Map<Integer, Map<String, Object>> countries;
  final Map<String, Map<String, Object>> ports;
  final Map<Long, Map<String, Object>> cities;
  final Map<Long, Map<String, Object>> demographics;
  final Map<Long, Map<String, Object>> weather;
  final List<Map<String, Object>> airports;

  Places(Map<String, Dataset<Row>> tables) {
    states = index(rows(tables.get("us_state")), row -> (String) row.get("state_code"));
    countries = index(rows(tables.get("country")), row -> (Integer) row.get("country_code"));
    ports = index(rows(tables.get("port")), row -> (String) row.get("port_code"));
    cities = index(rows(tables.get("us_city")), row -> (Long) row.get("city_id"));
    demographics = index(rows(tables.get("us_demographics")), row -> (Long) row.get("city_id"));
    weather = index(rows(tables.get("us_weather")), row -> (Long) row.get("city_id"));
    airports = rows(tables.get("us_airport"));
  }

  String countryName(Integer code) {
    Map<String, Object> country = code == null ? null : countries.get(code);
    return country == null ? null : (String) country.get("country_name");
  }

  /** The rows of a small table, dates as ISO text and arrays as lists. */
  static List<Map<String, Object>> rows(Dataset<Row> table) {
    StructField[] fields = table.schema().fields();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : table.collectAsList()) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int field = 0; field < fields.length; field++) {
        Object value = row.isNullAt(field) ? null
            : fields[field].dataType() instanceof ArrayType ? List.copyOf(row.getList(field)) : row.get(field);
        values.put(fields[field].name(), value instanceof Temporal || value instanceof java.util.Date ? value.toString() : value);
      }
      rows.add(values);
    }
    return rows;
  }

  private static <K> Map<K, Map<String, Object>> index(List<Map<String, Object>> rows, Function<Map<String, Object>, K> key) {
    return rows.stream().collect(Collectors.toMap(key, row -> row, (first, second) -> first, LinkedHashMap::new));
  }
}
