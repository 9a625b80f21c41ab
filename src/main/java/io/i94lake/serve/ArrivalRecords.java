package io.i94lake.serve;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every arrival of a snapshot with the person's visa and countries, held in memory column by column (about 60
 * bytes a row: 190 MB for the 3.1 M arrivals of April 2016), ordered by arrival date and cicid, with indexes from
 * cicid and admission number to rows. Dates are days since 1970-01-01; {@link #NONE} stands for null.
 */
final class ArrivalRecords {
  static final int NONE = Integer.MIN_VALUE;

  /** The columns {@link #load} reads, in this order. */
  static final String COLUMNS = "i.cicid, i.admission_number, unix_date(i.arrival_date), unix_date(i.departure_date), "
      + "unix_date(i.allowed_until), i.duration_of_status, i.allowed_until_text, i.port_code, i.destination_state_code, "
      + "i.travel_mode, p.age, p.gender, p.citizenship_country_code, p.residence_country_code, p.visa_category, "
      + "p.visa_type, i.year, i.month";

  final int size;
  final long[] cicid;
  final long[] admissionNumber;
  final int[] arrival;
  final int[] departure;
  final int[] allowedUntil;
  final boolean[] durationOfStatus;
  final int[] citizenship;
  final int[] residence;
  final byte[] age;
  final short[] allowedUntilText;
  final short[] port;
  final short[] state;
  final short[] visaType;
  final byte[] travelMode;
  final byte[] gender;
  final byte[] visaCategory;
  final short[] month;
  final Codes allowedUntilTexts = new Codes();
  final Codes ports = new Codes();
  final Codes states = new Codes();
  final Codes visaTypes = new Codes();
  final Codes travelModes = new Codes();
  final Codes genders = new Codes();
  final Codes visaCategories = new Codes();
  final Codes months = new Codes();
  // rows come in arrival order: a month's rows follow each other
  private int lastMonthKey = -1;
  private short lastMonthCode;
  private LongIndex byCicid;
  private LongIndex byAdmissionNumber;

  private ArrivalRecords(int size) {
    this.size = size;
    cicid = new long[size];
    admissionNumber = new long[size];
    arrival = new int[size];
    departure = new int[size];
    allowedUntil = new int[size];
    durationOfStatus = new boolean[size];
    citizenship = new int[size];
    residence = new int[size];
    age = new byte[size];
    allowedUntilText = new short[size];
    port = new short[size];
    state = new short[size];
    visaType = new short[size];
    travelMode = new byte[size];
    gender = new byte[size];
    visaCategory = new byte[size];
    month = new short[size];
  }

  /** Reads the rows of a query selecting {@link #COLUMNS}, in the query's order. */
  static ArrivalRecords load(Dataset<Row> rows) {
    int count = Math.toIntExact(rows.count());
    ArrivalRecords records = new ArrivalRecords(count);
    Iterator<Row> iterator = rows.toLocalIterator();
    int index = 0;
    while (iterator.hasNext() && index < count) {
      records.set(index++, iterator.next());
    }
    if (index != count || iterator.hasNext()) {
      throw new IllegalStateException("Cannot load the arrivals: counted " + count + " rows but read " + index);
    }
    records.byCicid = new LongIndex(records.cicid, count);
    records.byAdmissionNumber = new LongIndex(records.admissionNumber, count);
    return records;
  }

  private void set(int row, Row values) {
    cicid[row] = values.getLong(0);
    admissionNumber[row] = values.isNullAt(1) ? Long.MIN_VALUE : values.getLong(1);
    arrival[row] = intOrNone(values, 2);
    departure[row] = intOrNone(values, 3);
    allowedUntil[row] = intOrNone(values, 4);
    durationOfStatus[row] = !values.isNullAt(5) && values.getBoolean(5);
    allowedUntilText[row] = (short) allowedUntilTexts.code(values.getString(6));
    port[row] = (short) ports.code(values.getString(7));
    state[row] = (short) states.code(values.getString(8));
    travelMode[row] = (byte) travelModes.code(values.getString(9));
    age[row] = values.isNullAt(10) ? -1 : (byte) values.getInt(10);
    gender[row] = (byte) genders.code(values.getString(11));
    citizenship[row] = intOrNone(values, 12);
    residence[row] = intOrNone(values, 13);
    visaCategory[row] = (byte) visaCategories.code(values.getString(14));
    visaType[row] = (short) visaTypes.code(values.getString(15));
    int monthKey = values.getInt(16) * 100 + values.getInt(17);
    if (monthKey != lastMonthKey) {
      lastMonthKey = monthKey;
      lastMonthCode = (short) months.code(String.format("%04d-%02d", values.getInt(16), values.getInt(17)));
    }
    month[row] = lastMonthCode;
  }

  private static int intOrNone(Row values, int field) {
    return values.isNullAt(field) ? NONE : values.getInt(field);
  }

  List<Integer> rowsOfCicid(long key) {
    return byCicid.rows(key);
  }

  List<Integer> rowsOfAdmissionNumber(long key) {
    return byAdmissionNumber.rows(key);
  }

  /** The rows that pass a test, in arrival order. */
  int[] rowsWhere(IntPredicate test) {
    int[] found = new int[64];
    int count = 0;
    for (int row = 0; row < size; row++) {
      if (test.test(row)) {
        if (count == found.length) {
          found = java.util.Arrays.copyOf(found, count * 2);
        }
        found[count++] = row;
      }
    }
    return java.util.Arrays.copyOf(found, count);
  }

  static String date(int days) {
    return days == NONE ? null : LocalDate.ofEpochDay(days).toString();
  }
}
