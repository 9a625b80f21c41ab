package io.i94lake.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a port label of the dictionary says: mostly {@code "CITY, ST"}, sometimes with a marker
 * ({@code "ASPEN, CO #ARPT"}, {@code "SALINAS, CA (BPS)"}), a full state name ({@code "BELLINGHAM, WASHINGTON #INTL"}),
 * no comma ({@code "MARIPOSA AZ"}), a foreign place ({@code "CALGARY, CANADA"}) or no port at all
 * ({@code "No PORT Code (CP)"}, {@code "Collapsed (FOK) 06/15"}).
 *
 * @param name the label cleaned of padding
 * @param city the city (title case), null for ports that are no place
 * @param stateCode the US state or territory, null for foreign ports
 * @param valid false for the dictionary's placeholders (no port code, collapsed, invalid, unknown)
 */
public record PortLabel(String name, String city, String stateCode, boolean valid) {
  private static final Pattern NOT_A_PORT = Pattern.compile(
      "(?i)^(no port code|collapsed|invalid|not reported|unknown|unidentifed|unidentified).*");
  private static final Pattern MARKERS = Pattern.compile("(?i)\\s*(#ARPT|#INTL|\\(BPS\\)|\\([^)]*\\)|\\bARPT\\b|\\bINTL\\b)");

  /**
   * @param stateCodesByName the US states and territories: code to code and upper-case name to code
   */
  public static PortLabel parse(String label, Map<String, String> stateCodesByName) {
    String name = label.strip().replaceAll("\\s+", " ");
    if (NOT_A_PORT.matcher(name).matches()) {
      return new PortLabel(name, null, null, false);
    }
    List<String> parts = Arrays.stream(name.split(",")).map(String::strip).toList();
    String place = withoutMarkers(parts.get(parts.size() - 1)).toUpperCase(Locale.ROOT);
    String stateCode = stateCodesByName.get(place);
    if (stateCode == null && place.contains(" ")) {
      stateCode = stateCodesByName.get(place.substring(0, place.indexOf(' ')));
    }
    if (parts.size() == 1) {
      // "MARIPOSA AZ", "WASHINGTON DC"
      int lastSpace = name.lastIndexOf(' ');
      String lastWord = lastSpace < 0 ? "" : name.substring(lastSpace + 1).toUpperCase(Locale.ROOT);
      String code = lastWord.length() == 2 ? stateCodesByName.get(lastWord) : null;
      return code == null
          ? new PortLabel(name, Names.titleCase(withoutMarkers(name)), null, true)
          : new PortLabel(name, Names.titleCase(name.substring(0, lastSpace)), code, true);
    }
    return new PortLabel(name, Names.titleCase(withoutMarkers(parts.get(0))), stateCode, true);
  }

  private static String withoutMarkers(String text) {
    return MARKERS.matcher(text).replaceAll("").strip();
  }
}
