package io.i94lake.transform;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@code city_id} is the first 13 hex digits of md5 of {@code NAME|STATE}: a value any engine computes alike (DuckDB:
 * {@code CAST('0x' || substr(md5(k), 1, 13) AS BIGINT)}), below 2^53 so that JSON readers hold it exactly.
 */
class CityKeyTest {
  private static final StructType CITIES = new StructType()
      .add("city", DataTypes.StringType)
      .add("state_code", DataTypes.StringType);

  private static long cityId(String city, String stateCode) {
    Dataset<Row> cities = Fixtures.spark().createDataFrame(List.of(RowFactory.create(city, stateCode)), CITIES);
    return cities.select(CityKey.cityId(col("city"), col("state_code"))).first().getLong(0);
  }

  /** The definition written out in plain Java, as a second engine would compute it. */
  private static long md5Prefix(String key) throws Exception {
    byte[] digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
    return Long.parseLong(HexFormat.of().formatHex(digest).substring(0, 13), 16);
  }

  @Test
  void pinsTheIdsOfRealCities() {
    assertThat(cityId("Boston", "MA")).as("md5('BOSTON|MA') = 3f18d7f0…").isEqualTo(1_110_014_953_598_037L);
    assertThat(cityId("New York", "NY")).isEqualTo(2_662_296_060_613_973L);
    assertThat(cityId("Los Angeles", "CA")).isEqualTo(1_290_891_421_594_430L);
    assertThat(cityId("Silver Spring", "MD")).isEqualTo(4_449_135_226_012_363L);
    assertThat(cityId("Mayagüez", "PR")).as("the key's bytes are UTF-8").isEqualTo(2_007_763_781_531_705L);
  }

  @Test
  void spellingsOfOneCityShareItsId() {
    assertThat(cityId("St. Louis", "mo")).as("ST LOUIS|MO").isEqualTo(1_844_913_955_224_067L)
        .isEqualTo(cityId("SAINT LOUIS", "MO")).isEqualTo(cityId(" st  louis ", " MO "));
    assertThat(cityId("Fort Worth", "TX")).as("FT WORTH|TX").isEqualTo(3_352_443_650_072_688L);
  }

  @Test
  void sparkComputesTheTextDefinition() throws Exception {
    for (String[] city : List.of(new String[] {"BOSTON", "MA"}, new String[] {"HONOLULU", "HI"},
        new String[] {"SAN JUAN", "PR"}, new String[] {"ST PAUL", "MN"})) {
      assertThat(cityId(city[0], city[1])).as(city[0] + "|" + city[1]).isEqualTo(md5Prefix(city[0] + "|" + city[1]))
          .isBetween(0L, CityKey.ID_LIMIT - 1);
    }
  }

  @Test
  void aCityWithoutNameOrStateHasNoId() {
    Dataset<Row> cities = Fixtures.spark().createDataFrame(
        List.of(RowFactory.create("Boston", null), RowFactory.create(null, "MA")), CITIES);
    assertThat(cities.select(CityKey.cityId(col("city"), col("state_code"))).collectAsList())
        .extracting(row -> row.isNullAt(0)).containsExactly(true, true);
  }
}
