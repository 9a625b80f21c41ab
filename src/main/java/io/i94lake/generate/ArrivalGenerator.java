package io.i94lake.generate;

import static io.i94lake.generate.ArrivalRecord.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.parquet.io.api.Binary;

/**
 * Generates the records of one chunk of one month, each from the chunk's own random sequence, seeded from
 * (seed, month, chunk) only: so a chunk's records are the same whichever machine or thread writes it, and in
 * whatever order. Arrival days follow the real weekday pattern (more on Fridays and Saturdays); the departure is
 * the arrival plus a real stay length, the permit end the arrival plus a real permit length (or D/S or junk), the
 * file date the arrival plus a real delay.
 */
final class ArrivalGenerator {
  /** Records of a month are numbered from 0; cicid = month number × this + record number + 1, unique over months. */
  static final long CICIDS_PER_MONTH = 1_000_000_000L;
  private static final DirtyKind[] BINARY_DIRTY = java.util.Arrays.stream(DirtyKind.values())
      .filter(kind -> !kind.textOnly()).toArray(DirtyKind[]::new);
  private static final DirtyKind[] TEXT_DIRTY = DirtyKind.values();
  // April 2016, the month the weekday counts come from, starts on a Friday: Friday to Sunday occur five times
  private static final YearMonth REFERENCE_MONTH = YearMonth.of(2016, 4);
  // as the models' sas_date (transform/ModelFunctions), kept here so that the generator loads no model code
  private static final LocalDate SAS_EPOCH = LocalDate.of(1960, 1, 1);

  private final ArrivalModel model;
  private final YearMonth month;
  private final SplittableRandom random;
  private final DirtyRows dirtyRows;
  private final DirtyKind[] dirtyKinds;
  private final FrequencyTable arrivalDay;
  private final int firstDay;
  private final double cicidBase;
  private final DateTexts dates;
  // column positions in the frequency tables
  private final int portColumn;
  private final int modeColumn;
  private final int airlineColumn;
  private final int flightColumn;
  private final int citizenshipColumn;
  private final int residenceColumn;
  private final int visaColumn;
  private final int visaTypeColumn;
  private final int[] statusColumns;
  private final int departureColumn;
  private final int permitKind;
  private final int permitValue;
  private final int[] modeIndexOfRow;

  ArrivalGenerator(ArrivalModel model, YearMonth month, long seed, int chunk, DirtyRows dirtyRows, boolean text) {
    this.model = model;
    this.month = month;
    this.random = new SplittableRandom(chunkSeed(seed, month, chunk));
    this.dirtyRows = dirtyRows;
    this.dirtyKinds = text ? TEXT_DIRTY : BINARY_DIRTY;
    this.arrivalDay = arrivalDays(model.weekday, month);
    this.firstDay = sasDay(month.atDay(1));
    this.cicidBase = (double) monthNumber(month) * CICIDS_PER_MONTH + 1;
    this.dates = new DateTexts(firstDay);
    portColumn = model.portMode.column("i94port");
    modeColumn = model.portMode.column("i94mode");
    airlineColumn = model.flightByMode[0].column("airline");
    flightColumn = model.flightByMode[0].column("fltno");
    citizenshipColumn = model.citizenshipResidence.column("i94cit");
    residenceColumn = model.citizenshipResidence.column("i94res");
    visaColumn = model.visa.column("i94visa");
    visaTypeColumn = model.visa.column("visatype");
    statusColumns = new int[] {model.status.column("entdepa"), model.status.column("entdepd"),
        model.status.column("entdepu"), model.status.column("matflag")};
    departureColumn = model.status.column("departure");
    permitKind = model.permit.column("kind");
    permitValue = model.permit.column("value");
    modeIndexOfRow = new int[model.portMode.table.size()];
    for (int row = 0; row < modeIndexOfRow.length; row++) {
      modeIndexOfRow[row] = model.modeIndex(model.portMode.table.value(row, modeColumn));
    }
  }

  /** The seed of one chunk's random sequence: a SplitMix64 hash of the seed, the month and the chunk. */
  static long chunkSeed(long seed, YearMonth month, int chunk) {
    return mix(mix(mix(seed) + monthNumber(month)) + chunk);
  }

  /** Months since January 2000 (January 2000 is 0). */
  static long monthNumber(YearMonth month) {
    return (month.getYear() - 2000L) * 12 + month.getMonthValue() - 1;
  }

  /** Fills {@code record} with record {@code rowNumber} of the month (the rows of a chunk come in order). */
  void fill(ArrivalRecord record, long rowNumber) {
    record.clear();
    record.rowNumber = rowNumber;
    double[] numbers = record.numbers;
    Binary[] texts = record.texts;
    numbers[CICID] = cicidBase + rowNumber;
    numbers[YEAR] = month.getYear();
    numbers[MONTH] = month.getMonthValue();
    numbers[COUNT] = 1;

    int arrival = firstDay + arrivalDay.draw(random);
    numbers[ARRIVAL] = arrival;
    int port = model.portMode.table.draw(random);
    texts[PORT] = model.portMode.texts[portColumn][port];
    numbers[MODE] = model.portMode.numbers[modeColumn][port];
    ArrivalModel.Column flights = model.flightByMode[modeIndexOfRow[port]];
    int flight = flights.table.draw(random);
    texts[AIRLINE] = flights.texts[airlineColumn][flight];
    texts[FLIGHT] = flights.texts[flightColumn][flight];
    int countries = model.citizenshipResidence.table.draw(random);
    numbers[CITIZENSHIP] = model.citizenshipResidence.numbers[citizenshipColumn][countries];
    numbers[RESIDENCE] = model.citizenshipResidence.numbers[residenceColumn][countries];
    texts[DESTINATION] = drawText(model.destination);
    int visa = model.visa.table.draw(random);
    numbers[VISA] = model.visa.numbers[visaColumn][visa];
    texts[VISA_TYPE] = model.visa.texts[visaTypeColumn][visa];
    texts[VISA_POST] = drawText(model.visaPost);
    texts[OCCUPATION] = drawText(model.occupation);
    texts[GENDER] = drawText(model.gender);
    texts[INSURANCE_NUMBER] = drawText(model.insuranceNumber);
    double age = drawNumber(model.age);
    numbers[AGE] = age;
    numbers[BIRTH_YEAR] = month.getYear() - age;

    int status = model.status.table.draw(random);
    texts[ARRIVAL_FLAG] = model.status.texts[statusColumns[0]][status];
    texts[DEPARTURE_FLAG] = model.status.texts[statusColumns[1]][status];
    texts[UPDATE_FLAG] = model.status.texts[statusColumns[2]][status];
    texts[MATCH_FLAG] = model.status.texts[statusColumns[3]][status];
    if ("present".equals(model.status.table.value(status, departureColumn))) {
      numbers[DEPARTURE] = arrival + drawNumber(model.stay);
    }
    int permit = model.permit.table.draw(random);
    String kind = model.permit.table.value(permit, permitKind);
    if ("days".equals(kind)) {
      texts[PERMIT] = dates.monthDayYear(arrival + (int) model.permit.numbers[permitValue][permit]);
    } else if ("text".equals(kind)) {
      texts[PERMIT] = model.permit.texts[permitValue][permit];
    }
    double filed = drawNumber(model.filed);
    if (!Double.isNaN(filed)) {
      texts[FILED] = dates.yearMonthDay(arrival + (int) filed);
    }
    numbers[ADMISSION_NUMBER] = admissionNumber(drawNumber(model.admissionDigits));

    if (dirtyRows.isDirty(rowNumber)) {
      spoil(record);
    }
  }

  private void spoil(ArrivalRecord record) {
    DirtyKind kind = dirtyKinds[random.nextInt(dirtyKinds.length)];
    record.dirty = kind;
    switch (kind) {
      case CICID_MISSING -> record.numbers[CICID] = Double.NaN;
      case CICID_FRACTIONAL -> record.numbers[CICID] += 0.5;
      case ARRIVAL_MISSING -> record.numbers[ARRIVAL] = Double.NaN;
      case ARRIVAL_FRACTIONAL -> record.numbers[ARRIVAL] += 0.5;
      case ARRIVAL_OUT_OF_RANGE -> record.numbers[ARRIVAL] = -99_999;
      case NUMBER_AS_TEXT, LINE_CUT_SHORT -> { } // written so by the CSV writer
    }
  }

  private Binary drawText(ArrivalModel.Column column) {
    return column.texts[0][column.table.draw(random)];
  }

  private double drawNumber(ArrivalModel.Column column) {
    return column.numbers[0][column.table.draw(random)];
  }

  // an admission number of the drawn length: 11 digits for most records
  private double admissionNumber(double digits) {
    if (Double.isNaN(digits)) {
      return Double.NaN;
    }
    long low = digits <= 1 ? 0 : (long) Math.pow(10, digits - 1);
    long high = (long) Math.pow(10, digits);
    return low + random.nextLong(high - low);
  }

  // the days of the month weighted by the real count of arrivals on their weekday, per occurrence of that weekday
  private static FrequencyTable arrivalDays(FrequencyTable weekday, YearMonth month) {
    long[] perWeekday = new long[8];
    for (int row = 0; row < weekday.size(); row++) {
      int day = Integer.parseInt(weekday.value(row, "weekday"));
      perWeekday[day] = weekday.count(row) / occurrences(REFERENCE_MONTH, DayOfWeek.of(day));
    }
    String[][] days = new String[month.lengthOfMonth()][];
    long[] counts = new long[days.length];
    for (int day = 1; day <= days.length; day++) {
      days[day - 1] = new String[] {Integer.toString(day)};
      counts[day - 1] = perWeekday[month.atDay(day).getDayOfWeek().getValue()];
    }
    return FrequencyTable.of("arrival day of " + month, List.of("day"), days, counts);
  }

  private static int occurrences(YearMonth month, DayOfWeek weekday) {
    int count = 0;
    for (int day = 1; day <= month.lengthOfMonth(); day++) {
      count += month.atDay(day).getDayOfWeek() == weekday ? 1 : 0;
    }
    return count;
  }

  static int sasDay(LocalDate date) {
    return (int) (date.toEpochDay() - SAS_EPOCH.toEpochDay());
  }

  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The texts of SAS day numbers near a month, encoded once each: MMDDYYYY ({@code dtaddto}) and YYYYMMDD ({@code dtadfile}). */
  private static final class DateTexts {
    private static final int BEFORE = 4_000;
    private static final int SPAN = 40_000;
    private final int base;
    private final Binary[] monthDayYear = new Binary[SPAN];
    private final Binary[] yearMonthDay = new Binary[SPAN];

    DateTexts(int firstDay) {
      this.base = firstDay - BEFORE;
    }

    Binary monthDayYear(int sasDay) {
      int index = sasDay - base;
      if (index < 0 || index >= SPAN) {
        return encode(sasDay, true);
      }
      Binary text = monthDayYear[index];
      return text != null ? text : (monthDayYear[index] = encode(sasDay, true));
    }

    Binary yearMonthDay(int sasDay) {
      int index = sasDay - base;
      if (index < 0 || index >= SPAN) {
        return encode(sasDay, false);
      }
      Binary text = yearMonthDay[index];
      return text != null ? text : (yearMonthDay[index] = encode(sasDay, false));
    }

    // by hand: String.format took 7 % of the generator's time, each chunk encoding its dates anew
    private static Binary encode(int sasDay, boolean monthFirst) {
      LocalDate date = SAS_EPOCH.plusDays(sasDay);
      byte[] text = new byte[8];
      if (monthFirst) {
        digits(text, 0, date.getMonthValue(), 2);
        digits(text, 2, date.getDayOfMonth(), 2);
        digits(text, 4, date.getYear(), 4);
      } else {
        digits(text, 0, date.getYear(), 4);
        digits(text, 4, date.getMonthValue(), 2);
        digits(text, 6, date.getDayOfMonth(), 2);
      }
      return Binary.fromConstantByteArray(text);
    }

    private static void digits(byte[] text, int start, int value, int width) {
      for (int position = start + width - 1; position >= start; position--, value /= 10) {
        text[position] = (byte) ('0' + value % 10);
      }
    }
  }
}
