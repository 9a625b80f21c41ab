package io.i94lake.transform;

import static org.apache.spark.sql.functions.asin;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.radians;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.sqrt;

import org.apache.spark.sql.Column;

/** Distances on the Earth's surface. */
public final class Geo {
  private static final double EARTH_RADIUS_KM = 6371.0;

  private Geo() {}

  /** Great-circle (haversine) distance in kilometres between two points given in degrees. */
  public static Column distanceKm(Column latitude1, Column longitude1, Column latitude2, Column longitude2) {
    Column halfLatitude = sin(radians(latitude2.minus(latitude1)).divide(2));
    Column halfLongitude = sin(radians(longitude2.minus(longitude1)).divide(2));
    Column chord = pow(halfLatitude, 2)
        .plus(cos(radians(latitude1)).multiply(cos(radians(latitude2))).multiply(pow(halfLongitude, 2)));
    return lit(2 * EARTH_RADIUS_KM).multiply(asin(sqrt(chord)));
  }
}
