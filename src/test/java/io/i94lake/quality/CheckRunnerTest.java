package io.i94lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.Fixtures;
import io.i94lake.engine.SparkCheckTables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The measures behind uniqueness and references, on small tables whose answers are known. */
class CheckRunnerTest {
  private static final StructType ARRIVALS = new StructType()
      .add("cicid", DataTypes.LongType).add("port_code", DataTypes.StringType).add("country_code", DataTypes.IntegerType);
  private static final StructType PORTS = new StructType().add("port_code", DataTypes.StringType);

  private final Map<String, Dataset<Row>> tables = Map.of(
      "arrival", table(ARRIVALS,
          row(1L, "BOS", 101), row(2L, "BOS", 101), row(2L, "NYC", 102), row(5_000_000_000L, "XXX", null),
          row(5_000_000_000L, null, 103), row(null, "NYC", 101)),
      "port", table(PORTS, RowFactory.create("BOS"), RowFactory.create("NYC"), RowFactory.create((Object) null)),
      "odd_port", table(PORTS, RowFactory.create("it's"), RowFactory.create("back\\slash"), RowFactory.create("{{port}}"),
          RowFactory.create("BOS")));

  @Test
  void duplicatesOfAWholeNumberKeyCountEveryRepeatedRowAndEveryNull() {
    assertThat(observed(Check.error("arrival").isUnique("cicid"))).isEqualTo(3.0);
  }

  @Test
  void duplicatesOfSeveralColumnsCountRepeatedCombinationsAndCombinationsWithANull() {
    assertThat(observed(Check.error("arrival").isUnique("port_code", "country_code"))).isEqualTo(3.0);
  }

  @Test
  void aShareFoundInAReferenceIgnoresNullsOnBothSides() {
    assertThat(observed(Check.error("arrival").sharePresentIn("port_code", "port", "port_code", 1.0))).isEqualTo(0.8);
  }

  @Test
  void acceptedValuesAreReadAsWrittenWhateverTheirCharacters() {
    assertThat(observed(Check.error("odd_port").isContainedIn("port_code", List.of("it's", "back\\slash", "{{port}}", "BOS"))))
        .isEqualTo(1.0);
    assertThat(observed(Check.error("odd_port").isContainedIn("port_code", List.of("back\\slash", "BOS")))).isEqualTo(0.5);
  }

  @Test
  void aFailedUniquenessSaysHowManyDuplicates() {
    CheckResult result = new CheckRunner(tables()).run(List.of(Check.error("arrival").isUnique("cicid"))).get(0);
    assertThat(result.passed()).isFalse();
    assertThat(result.message()).isEqualTo("cicid duplicates is 3, but must be <= 0");
  }

  private double observed(Check check) {
    return new CheckRunner(tables()).run(List.of(check)).get(0).observed();
  }

  private CheckRunner.Tables tables() {
    return new SparkCheckTables(Fixtures.spark(), table -> Optional.ofNullable(tables.get(table)));
  }

  private static Row row(Long cicid, String port, Integer country) {
    return RowFactory.create(cicid, port, country);
  }

  private static Dataset<Row> table(StructType schema, Row... rows) {
    return Fixtures.spark().createDataFrame(List.of(rows), schema);
  }
}
