package io.i94lake.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The forms generated I-94 files take, all read by {@code I94Reader}:
 * <ul>
 *   <li>{@code parquet}: as the real monthly files (Udacity's Spark conversion of the SAS files): every number DOUBLE;</li>
 *   <li>{@code csv}: as pandas wrote the Udacity sample {@code immigration_data_sample.csv}: an unnamed index column
 *       first, numbers as float strings ({@code 5748517.0});</li>
 *   <li>{@code sas-csv}: as a SAS {@code PROC EXPORT} of the original SAS7BDAT file would write it: no index column,
 *       whole numbers without {@code .0}, missing values empty.</li>
 * </ul>
 */
public enum ArrivalFormat {
  PARQUET("parquet", ".parquet"),
  CSV("csv", ".csv"),
  SAS_CSV("sas-csv", ".csv");

  private final String label;
  private final String extension;

  ArrivalFormat(String label, String extension) {
    this.label = label;
    this.extension = extension;
  }

  public static ArrivalFormat of(String label) {
    for (ArrivalFormat format : values()) {
      if (format.label.equalsIgnoreCase(label)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Unknown I-94 format '" + label + "': expected parquet, csv or sas-csv");
  }

  public String label() {
    return label;
  }

  String extension() {
    return extension;
  }

  boolean isText() {
    return this != PARQUET;
  }

  ArrivalWriter open(Path file) throws IOException {
    return switch (this) {
      case PARQUET -> new ParquetArrivalWriter(file);
      case CSV -> new CsvArrivalWriter(file, true);
      case SAS_CSV -> new CsvArrivalWriter(file, false);
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
