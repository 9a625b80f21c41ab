package io.i94lake.generate;

import io.i94lake.source.I94Schema;
import java.util.Arrays;
import org.apache.parquet.io.api.Binary;

/**
 * One generated I-94 record in the 28 raw columns ({@link I94Schema#COLUMNS}), reused from row to row so that
 * generating allocates almost nothing: a number is NaN when missing, a text null when missing.
 */
final class ArrivalRecord {
  static final int WIDTH = I94Schema.COLUMNS.size();
  static final boolean[] NUMERIC = numeric();
  static final int CICID = index("cicid");
  static final int YEAR = index("i94yr");
  static final int MONTH = index("i94mon");
  static final int CITIZENSHIP = index("i94cit");
  static final int RESIDENCE = index("i94res");
  static final int PORT = index("i94port");
  static final int ARRIVAL = index("arrdate");
  static final int MODE = index("i94mode");
  static final int DESTINATION = index("i94addr");
  static final int DEPARTURE = index("depdate");
  static final int AGE = index("i94bir");
  static final int VISA = index("i94visa");
  static final int COUNT = index("count");
  static final int FILED = index("dtadfile");
  static final int VISA_POST = index("visapost");
  static final int OCCUPATION = index("occup");
  static final int ARRIVAL_FLAG = index("entdepa");
  static final int DEPARTURE_FLAG = index("entdepd");
  static final int UPDATE_FLAG = index("entdepu");
  static final int MATCH_FLAG = index("matflag");
  static final int BIRTH_YEAR = index("biryear");
  static final int PERMIT = index("dtaddto");
  static final int GENDER = index("gender");
  static final int INSURANCE_NUMBER = index("insnum");
  static final int AIRLINE = index("airline");
  static final int ADMISSION_NUMBER = index("admnum");
  static final int FLIGHT = index("fltno");
  static final int VISA_TYPE = index("visatype");

  final double[] numbers = new double[WIDTH];
  final Binary[] texts = new Binary[WIDTH];
  /** The record's position in its month, from 0: the pandas index of the CSV form. */
  long rowNumber;
  /** How the record is broken, or null for a clean record. */
  DirtyKind dirty;

  void clear() {
    Arrays.fill(numbers, Double.NaN);
    Arrays.fill(texts, null);
    dirty = null;
  }

  static int index(String column) {
    int index = I94Schema.COLUMNS.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("No I-94 column " + column);
    }
    return index;
  }

  private static boolean[] numeric() {
    boolean[] numeric = new boolean[WIDTH];
    for (int column = 0; column < WIDTH; column++) {
      numeric[column] = I94Schema.NUMERIC.contains(I94Schema.COLUMNS.get(column));
    }
    return numeric;
  }
}
