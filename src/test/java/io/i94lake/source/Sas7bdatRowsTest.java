package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** SAS7BDAT rows as the I-94 reader makes them: columns found by name, numbers as DOUBLE, lineage kept. */
class Sas7bdatRowsTest {
  private static final Path MIX_AND_MISSING = Path.of(System.getProperty("i94lake.home", "."),
      "src/test/resources/sas7bdat/mix_and_missing.sas7bdat").toAbsolutePath();

  private static List<Row> rows(List<String> columns, Set<String> numeric) throws Exception {
    List<Row> rows = new ArrayList<>();
    new Sas7bdatRows(MIX_AND_MISSING.toString(), new Configuration(), columns, numeric)
        .forEachRemaining(values -> rows.add(RowFactory.create(values)));
    return rows;
  }

  @Test
  void findsColumnsByNameWhateverTheirCaseAndOrder() throws Exception {
    // mix_and_missing.csv: x1,x2,x3,x4,x5 / 1,,1,,1 / 2,2,,2,2
    List<Row> rows = rows(List.of("x5", "x1", "x2"), Set.of("x1", "x2"));

    assertThat(rows).hasSize(48);
    Row first = rows.get(0);
    assertThat(first.getString(0)).as("_file").isEqualTo(MIX_AND_MISSING.toString());
    assertThat(first.getLong(1)).as("_line: the row number from 1").isEqualTo(1);
    assertThat(first.isNullAt(3)).as("_error").isTrue();
    assertThat(first.getString(4)).as("x5 (text)").isEqualTo("1");
    assertThat(first.getDouble(5)).as("x1 (number, as DOUBLE)").isEqualTo(1.0);
    assertThat(first.isNullAt(6)).as("x2 missing").isTrue();
    assertThat(rows.get(1).getDouble(6)).as("x2 of row 2").isEqualTo(2.0);
  }

  @Test
  void digitsInACharacterColumnReadAsANumberWhenANumberIsWanted() throws Exception {
    List<Row> rows = rows(List.of("x4"), Set.of("x4"));

    Row second = rows.get(1);
    assertThat(second.isNullAt(3)).as("x4 of row 2 is the text '2', read as the number 2").isTrue();
    assertThat(second.getDouble(4)).isEqualTo(2.0);
    assertThat(rows.get(0).isNullAt(4)).as("missing character value").isTrue();
  }

  @Test
  void aColumnTheFileLacksIsNull() throws Exception {
    Row first = rows(List.of("cicid"), Set.of("cicid")).get(0);
    assertThat(first.isNullAt(4)).isTrue();
  }
}
