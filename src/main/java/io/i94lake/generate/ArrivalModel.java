package io.i94lake.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.io.api.Binary;

/**
 * What a generated I-94 record is drawn from: the frequency tables of the real April 2016 month
 * ({@code src/main/resources/generate/*.tsv}), with every text value encoded once. Which values go together follows
 * the real data: port with mode, airline and flight number with mode, citizenship with residence, visa category
 * with visa type, the arrival, departure and match flags with whether a departure date is recorded. The other
 * columns are drawn on their own. Immutable, shared by every chunk.
 */
final class ArrivalModel {
  final Column portMode = new Column("port_mode");
  final Column[] flightByMode;
  final String[] modes;
  final Column citizenshipResidence = new Column("citizenship_residence");
  final Column destination = new Column("destination");
  final Column visa = new Column("visa");
  final Column visaPost = new Column("visa_post");
  final Column occupation = new Column("occupation");
  final Column gender = new Column("gender");
  final Column age = new Column("age");
  final Column status = new Column("status");
  final Column stay = new Column("stay");
  final Column permit = new Column("permit");
  final Column filed = new Column("filed");
  final Column admissionDigits = new Column("admission_digits");
  final Column insuranceNumber = new Column("insurance_number");
  final FrequencyTable weekday = FrequencyTable.load("weekday");

  ArrivalModel() {
    FrequencyTable flights = FrequencyTable.load("flight");
    modes = java.util.stream.IntStream.range(0, portMode.table.size())
        .mapToObj(row -> portMode.table.value(row, "i94mode")).distinct().toArray(String[]::new);
    flightByMode = new Column[modes.length];
    for (int index = 0; index < modes.length; index++) {
      flightByMode[index] = new Column(flights.where("i94mode", modes[index]));
    }
  }

  /** The position of a mode in {@link #modes}, for {@link #flightByMode}. */
  int modeIndex(String mode) {
    return java.util.Arrays.asList(modes).indexOf(mode);
  }

  /** A frequency table with its values as numbers (NaN when missing or not a number) and as encoded texts. */
  static final class Column {
    final FrequencyTable table;
    final double[][] numbers;
    final Binary[][] texts;

    Column(String name) {
      this(FrequencyTable.load(name));
    }

    Column(FrequencyTable table) {
      this.table = table;
      int width = table.columns().size();
      numbers = new double[width][table.size()];
      texts = new Binary[width][table.size()];
      for (int column = 0; column < width; column++) {
        for (int row = 0; row < table.size(); row++) {
          String value = table.value(row, column);
          numbers[column][row] = number(value);
          texts[column][row] = value == null ? null : Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
        }
      }
    }

    int column(String name) {
      return table.column(name);
    }

    private static double number(String value) {
      if (value == null) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
  }
}
