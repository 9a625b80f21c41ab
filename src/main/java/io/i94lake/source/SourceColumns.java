package io.i94lake.source;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The lineage columns every reader puts before a source's own columns: where a row came from, its raw text
 * and, for a row that cannot be used, why.
 */
public final class SourceColumns {
  public static final String FILE = "_file";
  /** The line number in a text file, the row number (from 1) in a Parquet or SAS7BDAT file. */
  public static final String LINE = "_line";
  public static final String RAW = "_raw";
  public static final String ERROR = "_error";
  /**
   * Spark names a Parquet file in {@link #FILE} by its URI ({@code file:/data/x.parquet}): a reject's location drops
   * the scheme this pattern matches, so that it names the file as a user typed it.
   */
  public static final String FILE_SCHEME_PATTERN = "^file:(//)?";

  public static final StructType LINEAGE = new StructType()
      .add(FILE, DataTypes.StringType, false)
      .add(LINE, DataTypes.LongType, false)
      .add(RAW, DataTypes.StringType, true)
      .add(ERROR, DataTypes.StringType, true);

  private SourceColumns() {}
}
