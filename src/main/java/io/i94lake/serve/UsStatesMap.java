package io.i94lake.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The US states and DC as GeoJSON for the dashboard's map, made from the US Census Bureau's cartographic boundaries
 * as the npm package us-atlas 3.0.1 ships them ({@code states-albers-10m.json}, TopoJSON, already projected with
 * {@link AlbersUsa}: x right, y down, 975 × 610). One feature per state, its {@code name} the state's postal code
 * (the atlas names states by FIPS code); territories are not in the atlas.
 */
final class UsStatesMap {
  static final String ATLAS = "/io/i94lake/serve/map/states-albers-10m.json";
  /** FIPS state code to postal code, for the 50 states and DC (ANSI INCITS 38). */
  static final Map<String, String> POSTAL_CODES = Map.ofEntries(
      Map.entry("01", "AL"), Map.entry("02", "AK"), Map.entry("04", "AZ"), Map.entry("05", "AR"), Map.entry("06", "CA"),
      Map.entry("08", "CO"), Map.entry("09", "CT"), Map.entry("10", "DE"), Map.entry("11", "DC"), Map.entry("12", "FL"),
      Map.entry("13", "GA"), Map.entry("15", "HI"), Map.entry("16", "ID"), Map.entry("17", "IL"), Map.entry("18", "IN"),
      Map.entry("19", "IA"), Map.entry("20", "KS"), Map.entry("21", "KY"), Map.entry("22", "LA"), Map.entry("23", "ME"),
      Map.entry("24", "MD"), Map.entry("25", "MA"), Map.entry("26", "MI"), Map.entry("27", "MN"), Map.entry("28", "MS"),
      Map.entry("29", "MO"), Map.entry("30", "MT"), Map.entry("31", "NE"), Map.entry("32", "NV"), Map.entry("33", "NH"),
      Map.entry("34", "NJ"), Map.entry("35", "NM"), Map.entry("36", "NY"), Map.entry("37", "NC"), Map.entry("38", "ND"),
      Map.entry("39", "OH"), Map.entry("40", "OK"), Map.entry("41", "OR"), Map.entry("42", "PA"), Map.entry("44", "RI"),
      Map.entry("45", "SC"), Map.entry("46", "SD"), Map.entry("47", "TN"), Map.entry("48", "TX"), Map.entry("49", "UT"),
      Map.entry("50", "VT"), Map.entry("51", "VA"), Map.entry("53", "WA"), Map.entry("54", "WV"), Map.entry("55", "WI"),
      Map.entry("56", "WY"));
  private static final Set<String> DRAWN = Set.copyOf(POSTAL_CODES.values());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Object> GEOJSON = read();

  private UsStatesMap() {}

  /** A GeoJSON FeatureCollection of the states, each feature's properties {@code name} (postal code) and {@code state_name}. */
  static Map<String, Object> geoJson() {
    return GEOJSON;
  }

  /** Whether the map draws the state of a postal code (the 50 states and DC, not the territories). */
  static boolean draws(Object stateCode) {
    return stateCode instanceof String code && DRAWN.contains(code);
  }

  private static Map<String, Object> read() {
    try (InputStream in = UsStatesMap.class.getResourceAsStream(ATLAS)) {
      if (in == null) {
        throw new IllegalStateException("Cannot draw the US map: " + ATLAS + " is not in the jar");
      }
      return toGeoJson(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the US map " + ATLAS, e);
    }
  }

  /** The states of a us-atlas topology as GeoJSON (TopoJSON specification 2.0: quantized, delta-encoded arcs). */
  static Map<String, Object> toGeoJson(JsonNode topology) {
    List<List<double[]>> arcs = arcs(topology);
    List<Map<String, Object>> features = new ArrayList<>();
    for (JsonNode state : topology.at("/objects/states/geometries")) {
      String fips = state.get("id").asText();
      String code = POSTAL_CODES.get(fips);
      if (code == null) {
        throw new IllegalStateException("Cannot name the state of FIPS code " + fips + " in " + ATLAS);
      }
      List<Object> polygons = new ArrayList<>();
      JsonNode polygonArcs = "Polygon".equals(state.get("type").asText())
          ? JSON.createArrayNode().add(state.get("arcs")) : state.get("arcs");
      for (JsonNode polygon : polygonArcs) {
        List<Object> rings = new ArrayList<>();
        polygon.forEach(ring -> rings.add(ring(ring, arcs)));
        polygons.add(rings);
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("name", code);
      properties.put("state_name", state.at("/properties/name").asText());
      Map<String, Object> feature = new LinkedHashMap<>();
      feature.put("type", "Feature");
      feature.put("id", code);
      feature.put("properties", properties);
      feature.put("geometry", Map.of("type", "MultiPolygon", "coordinates", polygons));
      features.add(feature);
    }
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("type", "FeatureCollection");
    collection.put("features", features);
    return collection;
  }

  // each arc's points in map coordinates: positions are deltas from the previous one, scaled and translated once
  private static List<List<double[]>> arcs(JsonNode topology) {
    double scaleX = topology.at("/transform/scale/0").asDouble();
    double scaleY = topology.at("/transform/scale/1").asDouble();
    double translateX = topology.at("/transform/translate/0").asDouble();
    double translateY = topology.at("/transform/translate/1").asDouble();
    List<List<double[]>> arcs = new ArrayList<>();
    for (JsonNode arc : topology.get("arcs")) {
      List<double[]> points = new ArrayList<>();
      long x = 0;
      long y = 0;
      for (JsonNode delta : arc) {
        x += delta.get(0).asLong();
        y += delta.get(1).asLong();
        points.add(new double[] {round(x * scaleX + translateX), round(y * scaleY + translateY)});
      }
      arcs.add(points);
    }
    return arcs;
  }

  // a ring joins its arcs (~i: arc i backwards), each arc's first point being the previous one's last
  private static List<double[]> ring(JsonNode arcIndexes, List<List<double[]>> arcs) {
    List<double[]> ring = new ArrayList<>();
    for (JsonNode index : arcIndexes) {
      int i = index.asInt();
      List<double[]> arc = new ArrayList<>(arcs.get(i >= 0 ? i : ~i));
      if (i < 0) {
        Collections.reverse(arc);
      }
      ring.addAll(ring.isEmpty() ? arc : arc.subList(1, arc.size()));
    }
    return ring;
  }

  private static double round(double coordinate) {
    return Math.round(coordinate * 100) / 100.0;
  }
}
