package io.i94lake.source;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the I-94 label dictionary {@code I94_SAS_Labels_Descriptions.SAS}: SAS {@code value} lists of
 * {@code code = 'label'} entries (separated by {@code =} with spaces or TABs; keys quoted or bare, sometimes with
 * trailing spaces; labels padded, {@code ''} for a quote), and the visa categories, which stand in a comment.
 */
public final class LabelDictionary {
  public static final String COUNTRIES = "i94cntyl";
  public static final String PORTS = "$i94prtl";
  public static final String MODES = "i94model";
  public static final String STATES = "i94addrl";
  /** Not a SAS value list: the categories are written in the comment of the I94VISA variable. */
  public static final String VISA_CATEGORIES = "i94visa";
  public static final List<String> LISTS = List.of(COUNTRIES, PORTS, MODES, STATES, VISA_CATEGORIES);

  private static final Pattern VALUE_LIST = Pattern.compile("(?i)^value\\s+(\\$?\\w+)\\s*;?$");
  private static final Pattern ENTRY =
      Pattern.compile("^('(?:[^']|'')*'|[0-9]+)\\s*=\\s*'((?:[^']|'')*)'\\s*(;)?$");
  private static final Pattern VISA_ENTRY = Pattern.compile("^([0-9]+)\\s*=\\s*(\\S.*)$");

  /**
   * One line of a list: a code and its label, or, for a line that is neither, the reason.
   *
   * @param list the value list it belongs to ({@link #COUNTRIES}, …)
   * @param line its line number in the file, from 1
   */
  public record Entry(String list, int line, String raw, String code, String label, String error) {
    public Entry {
      requireNonNull(list, "list is null");
      requireNonNull(raw, "raw is null");
      if ((error == null) == (code == null)) {
        throw new IllegalArgumentException("Line " + line + " must have either a code or an error");
      }
    }
  }

  /**
   * What a label means, as people read it: the name (a country's from "MEXICO Air Sea, …", a state's from
   * "N. CAROLINA", a port's label without padding, other labels as written) and, for a port, its city, its US state
   * or territory and whether it is a port at all (see {@link PortLabel}).
   */
  public record Meaning(String name, String city, String stateCode, Boolean valid) {}

  private static final String CATCH_ALL_STATE = "99";

  private LabelDictionary() {}

  /** The meaning of each entry's label, in the order of the entries; null for an entry without a label. */
  public static List<Meaning> meanings(List<Entry> entries) {
    Map<String, String> stateCodesByName = stateCodesByName(entries);
    return entries.stream().map(entry -> entry.label() == null ? null : switch (entry.list()) {
      case COUNTRIES -> new Meaning(Names.countryName(entry.label()), null, null, null);
      case STATES -> new Meaning(Names.stateName(entry.label()), null, null, null);
      case PORTS -> {
        PortLabel port = PortLabel.parse(entry.label(), stateCodesByName);
        yield new Meaning(port.name(), port.city(), port.stateCode(), port.valid());
      }
      default -> new Meaning(entry.label(), null, null, null);
    }).toList();
  }

  /**
   * The dictionary's states and territories by code, by label and by name, upper case ("CA", "N. CAROLINA",
   * "NORTH CAROLINA", and its own spelling "WISCONSON"), without its catch-all code 99.
   */
  static Map<String, String> stateCodesByName(List<Entry> entries) {
    Map<String, String> codes = new HashMap<>();
    for (Entry state : entries) {
      if (state.list().equals(STATES) && state.code() != null && !state.code().equals(CATCH_ALL_STATE)) {
        codes.put(state.code(), state.code());
        codes.put(state.label().toUpperCase(Locale.ROOT), state.code());
        codes.put(Names.stateName(state.label()).toUpperCase(Locale.ROOT), state.code());
      }
    }
    return codes;
  }

  public static List<Entry> parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    String list = null;
    boolean inComment = false;
    boolean inVisaComment = false;
    for (int index = 0; index < lines.size(); index++) {
      String raw = lines.get(index);
      String line = raw.strip();
      int lineNumber = index + 1;
      if (inComment) {
        Matcher visa = VISA_ENTRY.matcher(line);
        if (inVisaComment && visa.matches()) {
          entries.add(new Entry(VISA_CATEGORIES, lineNumber, raw, visa.group(1), visa.group(2).strip(), null));
        }
        inComment = !line.contains("*/");
        inVisaComment &= inComment;
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        inVisaComment = inComment && line.toUpperCase(Locale.ROOT).contains("I94VISA");
        continue;
      }
      Matcher valueList = VALUE_LIST.matcher(line);
      if (valueList.matches()) {
        list = valueList.group(1).toLowerCase(Locale.ROOT);
        continue;
      }
      if (list == null || line.isEmpty()) {
        continue;
      }
      if (line.equals(";")) {
        list = null;
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      if (entry.matches()) {
        entries.add(new Entry(list, lineNumber, raw, unquote(entry.group(1)).strip(), unquote("'" + entry.group(2) + "'").strip(), null));
        if (entry.group(3) != null) {
          list = null;
        }
      } else {
        entries.add(new Entry(list, lineNumber, raw, null, null, "is not a code = 'label' entry of value list " + list));
      }
    }
    return entries;
  }

  private static String unquote(String text) {
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    return text;
  }
}
