package io.i94lake.serve;

import java.util.List;
import java.util.Optional;

/**
 * Places a longitude and latitude on the US map: the projection us-atlas drew its {@code *-albers-10m.json} files
 * with, d3's {@code geoAlbersUsa().scale(1300).translate([487.5, 305])} (975 × 610, y down): the lower 48 states
 * on a conic equal-area projection, Alaska and Hawaii each on their own, moved below them. A place outside the
 * three (Puerto Rico, Guam, abroad) has no position on the map.
 */
final class AlbersUsa {
  static final double WIDTH = 975;
  static final double HEIGHT = 610;
  private static final double SCALE = 1300;
  private static final double X = 487.5;
  private static final double Y = 305;
  private static final double EPSILON = 1e-6;

  /** A conic equal-area projection (d3's {@code geoConicEqualArea}) that draws only inside its box. */
  private record Conic(double rotation, double n, double c, double r0, double scale, double dx, double dy,
                       double left, double top, double right, double bottom) {
    static Conic of(double rotate, double centerLongitude, double centerLatitude, double parallel0, double parallel1,
                    double scale, double translateX, double translateY, double[] box) {
      double sin0 = Math.sin(Math.toRadians(parallel0));
      double n = (sin0 + Math.sin(Math.toRadians(parallel1))) / 2;
      double c = 1 + sin0 * (2 * n - sin0);
      Conic unplaced = new Conic(Math.toRadians(rotate), n, c, Math.sqrt(c) / n, scale, 0, 0, 0, 0, 0, 0);
      double[] center = unplaced.raw(Math.toRadians(centerLongitude), Math.toRadians(centerLatitude));
      return new Conic(unplaced.rotation, n, c, unplaced.r0, scale, translateX - scale * center[0],
          translateY + scale * center[1], box[0], box[1], box[2], box[3]);
    }

    private double[] raw(double lambda, double phi) {
      double r = Math.sqrt(c - 2 * n * Math.sin(phi)) / n;
      return new double[] {r * Math.sin(lambda * n), r0 - r * Math.cos(lambda * n)};
    }

    Optional<double[]> project(double longitude, double latitude) {
      double lambda = Math.toRadians(longitude) + rotation;
      lambda = lambda > Math.PI ? lambda - 2 * Math.PI : lambda < -Math.PI ? lambda + 2 * Math.PI : lambda;
      double[] raw = raw(lambda, Math.toRadians(latitude));
      double x = dx + scale * raw[0];
      double y = dy - scale * raw[1];
      return left <= x && x <= right && top <= y && y <= bottom ? Optional.of(new double[] {x, y}) : Optional.empty();
    }
  }

  private static final double K = SCALE;
  private static final List<Conic> PARTS = List.of(
      Conic.of(96, -0.6, 38.7, 29.5, 45.5, K, X, Y,
          new double[] {X - 0.455 * K, Y - 0.238 * K, X + 0.455 * K, Y + 0.238 * K}),
      Conic.of(154, -2, 58.5, 55, 65, K * 0.35, X - 0.307 * K, Y + 0.201 * K,
          new double[] {X - 0.425 * K + EPSILON, Y + 0.120 * K + EPSILON, X - 0.214 * K - EPSILON, Y + 0.234 * K - EPSILON}),
      Conic.of(157, -3, 19.9, 8, 18, K, X - 0.205 * K, Y + 0.212 * K,
          new double[] {X - 0.214 * K + EPSILON, Y + 0.166 * K + EPSILON, X - 0.115 * K - EPSILON, Y + 0.234 * K - EPSILON}));

  private AlbersUsa() {}

  /** The place's position on the map (x right, y down), rounded to a tenth of a pixel; empty off the map. */
  static Optional<double[]> project(double longitude, double latitude) {
    for (Conic part : PARTS) {
      Optional<double[]> point = part.project(longitude, latitude);
      if (point.isPresent()) {
        double[] xy = point.get();
        return Optional.of(new double[] {Math.round(xy[0] * 10) / 10.0, Math.round(xy[1] * 10) / 10.0});
      }
    }
    return Optional.empty();
  }
}
