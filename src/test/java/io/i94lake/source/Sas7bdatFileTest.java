package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parso's own test files, compared cell by cell with the CSV that parso's CSV writer made of them.
 *
 * <p>That writer rounds a double whose {@code String.valueOf} is longer than 13 characters to
 * {@code 15 - ceil(log10 |v|)} decimals (HALF_UP), about 15 significant digits, and then trims trailing zeros: the CSV
 * holds 1.06666564941406 for 1.0666656494140625. So numbers are compared with a relative tolerance: the rounding
 * error is at most half a unit of the 15th significant digit, 5e-15 of the value, and 1e-13 leaves room for the
 * CSV's own parse. Rounding the read value to the CSV's number of decimals would be wrong: with trailing zeros
 * trimmed, "1.1" would also accept a misread 1.14.
 */
class Sas7bdatFileTest {
  private static final Path FILES = Path.of(System.getProperty("i94lake.home", "."), "src", "test", "resources", "sas7bdat");
  private static final double RELATIVE_TOLERANCE = 1e-13;

  @ParameterizedTest
  @ValueSource(strings = {"mixed_data_one", "mix_and_missing"})
  void namesAndTypesTheColumnsAsTheMetadataDoes(String name) throws IOException {
    List<String[]> columns = metadataColumns(name);

    try (Sas7bdatFile file = open(name)) {
      assertThat(file.columnNames()).containsExactlyElementsOf(columns.stream().map(column -> column[1]).toList());
      assertThat(file.columnTypes()).containsExactlyElementsOf(columns.stream()
          .<Class<?>>map(column -> column[2].equals("Numeric") ? Number.class : String.class).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed_data_one", "mix_and_missing"})
  void countsTheRowsAsTheMetadataAndTheCsvDo(String name) throws IOException {
    long metadataRows = Long.parseLong(metadataProperty(name, "Row Count"));

    try (Sas7bdatFile file = open(name)) {
      assertThat(file.rowCount()).isEqualTo(metadataRows).isEqualTo(csvRows(name).size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed_data_one", "mix_and_missing"})
  void readsEveryCellAsTheCsvHasIt(String name) throws IOException {
    List<String[]> expectedRows = csvRows(name);

    try (Sas7bdatFile file = open(name)) {
      List<Class<?>> types = file.columnTypes();
      List<String> names = file.columnNames();
      for (int row = 0; row < expectedRows.size(); row++) {
        assertThat(file.hasNext()).as("row %d of %d", row + 1, expectedRows.size()).isTrue();
        Object[] actual = file.next();
        String[] expected = expectedRows.get(row);
        assertThat(actual).as("row %d", row + 1).hasSameSizeAs(expected);
        for (int column = 0; column < expected.length; column++) {
          assertCell(actual[column], expected[column], types.get(column),
              String.format("%s row %d column %s", name, row + 1, names.get(column)));
        }
      }
      assertThat(file.hasNext()).as("after the last row").isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed_data_one", "mix_and_missing"})
  void refusesToReadPastTheLastRow(String name) throws IOException {
    try (Sas7bdatFile file = open(name)) {
      file.forEachRemaining(Objects::requireNonNull);

      assertThatThrownBy(file::next)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("All " + file.rowCount() + " rows have been read");
    }
  }

  private static void assertCell(Object actual, String expected, Class<?> type, String cell) {
    if (expected.isEmpty()) {
      assertThat(actual).as(cell + " is missing").isNull();
    } else if (type == Number.class) {
      double value = Double.parseDouble(expected);
      assertThat(actual).as(cell).isInstanceOf(Number.class);
      assertThat(((Number) actual).doubleValue()).as(cell)
          .isCloseTo(value, within(Math.abs(value) * RELATIVE_TOLERANCE));
    } else {
      assertThat(actual).as(cell).isEqualTo(expected);
    }
  }

  private static Sas7bdatFile open(String name) throws IOException {
    InputStream input = Files.newInputStream(FILES.resolve(name + ".sas7bdat"));
    return new Sas7bdatFile(input);
  }

  /** The data rows of name.csv, split at commas (the files hold no quotes), keeping empty fields. */
  private static List<String[]> csvRows(String name) throws IOException {
    List<String> lines = Files.readAllLines(FILES.resolve(name + ".csv"), StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
  }

  /** The column rows of name_meta.csv: Number, Name, Type, Data length, Format, Label. */
  private static List<String[]> metadataColumns(String name) throws IOException {
    List<String[]> columns = new ArrayList<>();
    for (String line : Files.readAllLines(FILES.resolve(name + "_meta.csv"), StandardCharsets.UTF_8)) {
      if (line.matches("[0-9]+,.*")) {
        columns.add(line.split(",", -1));
      }
    }
    return columns;
  }

  /** A "Key: value" line of name_meta.csv, such as "Row Count: 24". */
  private static String metadataProperty(String name, String key) throws IOException {
    return Files.readAllLines(FILES.resolve(name + "_meta.csv"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith(key + ": "))
        .map(line -> line.substring(key.length() + 2).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + name + "_meta.csv"));
  }
}
