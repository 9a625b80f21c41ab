package io.i94lake.source;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * How a raw text field becomes a typed value. Parsing happens in plain Java on the executors: one pass,
 * no exceptions for good values, so millions of lines parse in seconds.
 */
public enum FieldType implements Serializable {
  TEXT(DataTypes.StringType, "text") {
    @Override
    Object parse(String text) {
      return text;
    }
  },
  WHOLE_NUMBER(DataTypes.IntegerType, "a whole number") {
    @Override
    Object parse(String text) {
      Double number = decimal(text);
      return number != null && number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE ? number.intValue() : null;
    }
  },
  BIG_WHOLE_NUMBER(DataTypes.LongType, "a whole number") {
    @Override
    Object parse(String text) {
      Double number = decimal(text);
      return number != null && number == Math.rint(number) && Math.abs(number) < 9.0e15 ? number.longValue() : null;
    }
  },
  NUMBER(DataTypes.DoubleType, "a number") {
    @Override
    Object parse(String text) {
      return decimal(text);
    }
  },
  /** ISO {@code YYYY-MM-DD}, or {@code M/D/YYYY} as Excel writes it. */
  DATE(DataTypes.DateType, "a date (YYYY-MM-DD or M/D/YYYY)") {
    @Override
    Object parse(String text) {
      return date(text);
    }
  },
  /** {@code 32.95N} → 32.95, {@code 32.95S} → -32.95. */
  LATITUDE(DataTypes.DoubleType, "a latitude such as 32.95N") {
    @Override
    Object parse(String text) {
      return degrees(text, 'N', 'S', 90);
    }
  },
  /** {@code 100.53E} → 100.53, {@code 100.53W} → -100.53. */
  LONGITUDE(DataTypes.DoubleType, "a longitude such as 100.53W") {
    @Override
    Object parse(String text) {
      return degrees(text, 'E', 'W', 180);
    }
  },
  /** The latitude of a {@code "longitude, latitude"} pair. */
  PAIR_LATITUDE(DataTypes.DoubleType, "'longitude, latitude'") {
    @Override
    Object parse(String text) {
      double[] pair = pair(text);
      return pair == null ? null : pair[1];
    }
  },
  /** The longitude of a {@code "longitude, latitude"} pair. */
  PAIR_LONGITUDE(DataTypes.DoubleType, "'longitude, latitude'") {
    @Override
    Object parse(String text) {
      double[] pair = pair(text);
      return pair == null ? null : pair[0];
    }
  };

  private final DataType sparkType;
  private final String expectation;

  FieldType(DataType sparkType, String expectation) {
    this.sparkType = sparkType;
    this.expectation = expectation;
  }

  public DataType sparkType() {
    return sparkType;
  }

  /** What a field of this type should look like, for messages: "a number". */
  public String expectation() {
    return expectation;
  }

  /** The value of a non-empty, trimmed field, or null when it is not of this type. */
  abstract Object parse(String text);

  // plain decimal notation only: Java would also take "11d", "0x1p4" or "NaN"
  private static Double decimal(String text) {
    boolean digit = false;
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character >= '0' && character <= '9') {
        digit = true;
      } else if ("+-.eE".indexOf(character) < 0) {
        return null;
      }
    }
    if (!digit) {
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    int[] parts = new int[3];
    int part = 0;
    int digits = 0;
    char separator = 0;
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character >= '0' && character <= '9' && digits < 4) {
        parts[part] = parts[part] * 10 + (character - '0');
        digits++;
      } else if ((character == '-' || character == '/') && part < 2 && digits > 0
          && (separator == 0 || separator == character)) {
        separator = character;
        part++;
        digits = 0;
      } else {
        return null;
      }
    }
    int yearDigits = separator == '-' ? firstPartDigits(text) : digits;
    if (part != 2 || digits == 0 || yearDigits != 4) {
      return null;
    }
    try {
      return separator == '-'
          ? LocalDate.of(parts[0], parts[1], parts[2])
          : LocalDate.of(parts[2], parts[0], parts[1]);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int firstPartDigits(String text) {
    int dash = text.indexOf('-');
    return dash < 0 ? 0 : dash;
  }

  private static Double degrees(String text, char positive, char negative, double limit) {
    char hemisphere = Character.toUpperCase(text.charAt(text.length() - 1));
    if (hemisphere != positive && hemisphere != negative || text.length() < 2) {
      return null;
    }
    Double magnitude = decimal(text.substring(0, text.length() - 1));
    if (magnitude == null || magnitude < 0 || magnitude > limit) {
      return null;
    }
    return hemisphere == negative ? -magnitude : magnitude;
  }

  private static double[] pair(String text) {
    int comma = text.indexOf(',');
    if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
      return null;
    }
    Double longitude = decimal(text.substring(0, comma).strip());
    Double latitude = comma + 1 < text.length() ? decimal(text.substring(comma + 1).strip()) : null;
    if (longitude == null || latitude == null || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
      return null;
    }
    return new double[] {longitude, latitude};
  }
}
