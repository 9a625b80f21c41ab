package io.i94lake.source;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The 28 columns of a raw I-94 arrival record as the NTTO files carry them: every number a DOUBLE (SAS has no
 * integers), codes and character dates as strings.
 */
public final class I94Schema {
  public static final Set<String> NUMERIC = Set.of(
      "cicid", "i94yr", "i94mon", "i94cit", "i94res", "arrdate", "i94mode", "depdate", "i94bir", "i94visa",
      "count", "biryear", "admnum");

  public static final List<String> COLUMNS = List.of(
      "cicid", "i94yr", "i94mon", "i94cit", "i94res", "i94port", "arrdate", "i94mode", "i94addr", "depdate",
      "i94bir", "i94visa", "count", "dtadfile", "visapost", "occup", "entdepa", "entdepd", "entdepu", "matflag",
      "biryear", "dtaddto", "gender", "insnum", "airline", "admnum", "fltno", "visatype");

  public static final StructType RAW = raw();

  private I94Schema() {}

  private static StructType raw() {
    StructType schema = new StructType();
    for (String column : COLUMNS) {
      schema = schema.add(column, NUMERIC.contains(column) ? DataTypes.DoubleType : DataTypes.StringType, true);
    }
    return schema;
  }
}
