package io.i94lake.source;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the dictionary's upper-case labels into names people read ("BOSNIA-HERZEGOVINA" → "Bosnia-Herzegovina"). */
public final class Names {
  private static final Set<String> SMALL_WORDS = Set.of("and", "of", "the", "on", "de", "da", "du", "del", "la", "y");
  private static final Set<String> ACRONYMS = Set.of("USA", "UK", "USSR", "DC", "PRC", "UAE", "US");
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  private Names() {}

  /** Capitalizes each word, keeps small joining words lower case (but the first) and known acronyms upper case. */
  public static String titleCase(String text) {
    if (text == null) {
      return null;
    }
    Matcher word = WORD.matcher(text.strip().replaceAll("\\s+", " "));
    StringBuilder result = new StringBuilder();
    boolean first = true;
    while (word.find()) {
      String value = word.group();
      String replacement;
      if (ACRONYMS.contains(value.toUpperCase(Locale.ROOT))) {
        replacement = value.toUpperCase(Locale.ROOT);
      } else if (!first && SMALL_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
        replacement = value.toLowerCase(Locale.ROOT);
      } else {
        replacement = capitalizeParts(value.toLowerCase(Locale.ROOT));
      }
      word.appendReplacement(result, Matcher.quoteReplacement(replacement));
      first = false;
    }
    word.appendTail(result);
    return result.toString();
  }

  /**
   * The country in a country label: its leading upper-case words, without an {@code INVALID:} prefix.
   * "MEXICO Air Sea, and Not Reported (I-94, no land arrivals)" → "Mexico".
   */
  public static String countryName(String label) {
    if (label == null) {
      return null;
    }
    String text = label.strip();
    if (text.toUpperCase(Locale.ROOT).startsWith("INVALID:")) {
      text = text.substring("INVALID:".length()).strip();
    }
    StringBuilder upperCaseWords = new StringBuilder();
    for (String token : text.split(" ")) {
      if (!token.equals(token.toUpperCase(Locale.ROOT))) {
        break;
      }
      upperCaseWords.append(upperCaseWords.isEmpty() ? "" : " ").append(token);
    }
    return titleCase(upperCaseWords.isEmpty() ? text : upperCaseWords.toString());
  }

  /** A state label of the dictionary as a name: "N. CAROLINA" → "North Carolina", "DIST. OF COLUMBIA" → "District of Columbia". */
  public static String stateName(String label) {
    if (label == null) {
      return null;
    }
    String expanded = label.strip().toUpperCase(Locale.ROOT)
        .replaceFirst("^N\\. ", "NORTH ")
        .replaceFirst("^S\\. ", "SOUTH ")
        .replaceFirst("^W\\. ", "WEST ")
        .replaceFirst("^DIST\\. OF ", "DISTRICT OF ");
    return titleCase(expanded);
  }

  // "o'brien" -> "O'Brien", "d'ivoire" -> "D'Ivoire"
  private static String capitalizeParts(String word) {
    StringBuilder result = new StringBuilder(word.length());
    boolean capitalizeNext = true;
    for (char character : word.toCharArray()) {
      result.append(capitalizeNext ? Character.toUpperCase(character) : character);
      capitalizeNext = character == '\'' && result.length() <= 2;
    }
    return result.toString();
  }
}
