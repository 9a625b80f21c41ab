package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.i94lake.source.LabelDictionary.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabelDictionaryTest {
  private static final Path DICTIONARY =
      Path.of(System.getProperty("i94lake.home", "."), "data", "sample", "I94_SAS_Labels_Descriptions.SAS");

  private static List<Entry> entries;

  @BeforeAll
  static void parseTheRealDictionary() throws IOException {
    entries = LabelDictionary.parse(Files.readAllLines(DICTIONARY, StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryListOfTheRealDictionary() {
    Map<String, Long> counts = entries.stream()
        .filter(entry -> entry.error() == null)
        .collect(Collectors.groupingBy(Entry::list, TreeMap::new, Collectors.counting()));

    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
        LabelDictionary.COUNTRIES, 289L,
        LabelDictionary.PORTS, 660L,
        LabelDictionary.MODES, 4L,
        LabelDictionary.STATES, 55L,
        LabelDictionary.VISA_CATEGORIES, 3L));
  }

  @Test
  void findsNoMalformedLineInTheRealDictionary() {
    assertThat(entries).filteredOn(entry -> entry.error() != null).isEmpty();
  }

  @Test
  void readsTheVisaCategoriesFromTheirComment() {
    assertThat(list(LabelDictionary.VISA_CATEGORIES))
        .extracting(Entry::code, Entry::label)
        .containsExactly(
            tuple("1", "Business"),
            tuple("2", "Pleasure"),
            tuple("3", "Student"));
  }

  @Test
  void readsCountriesWithNumericCodes() {
    assertThat(label(LabelDictionary.COUNTRIES, "582")).startsWith("MEXICO Air Sea");
    assertThat(label(LabelDictionary.COUNTRIES, "236")).isEqualTo("AFGHANISTAN");
    assertThat(label(LabelDictionary.COUNTRIES, "0")).isEqualTo("INVALID: STATELESS");
  }

  @Test
  void readsAPortByItsQuotedCodeWithoutTheLabelPadding() {
    assertThat(label(LabelDictionary.PORTS, "LOS")).as("'LOS ANGELES, CA       ' in the file").isEqualTo("LOS ANGELES, CA");
  }

  @Test
  void stripsSpacesInsideAndAfterTheQuotedCode() {
    assertThat(label(LabelDictionary.PORTS, "CP")).as("'CP ' in the file").isEqualTo("No PORT Code (CP)");
    assertThat(label(LabelDictionary.PORTS, "NK")).as("'NK' followed by a space").isEqualTo("No PORT Code (NK)");
  }

  @Test
  void unescapesADoubledQuoteInALabel() {
    assertThat(label(LabelDictionary.PORTS, "INT")).isEqualTo("INT'L FALLS, MN");
  }

  @Test
  void stripsThePaddingOfEveryCodeAndLabel() {
    assertThat(entries).allSatisfy(entry -> {
      assertThat(entry.code()).as(entry.raw()).isEqualTo(entry.code().strip());
      assertThat(entry.label()).as(entry.raw()).isEqualTo(entry.label().strip());
    });
  }

  @Test
  void numbersLinesFromOneAsGrepDoes() {
    // grep -n "'LOS'" I94_SAS_Labels_Descriptions.SAS → 347:   'LOS'	=	'LOS ANGELES, CA       '
    assertThat(entry(LabelDictionary.PORTS, "LOS").line()).isEqualTo(347);
    // grep -n "582 =" → 10:   582 =  'MEXICO Air Sea, ...'
    assertThat(entry(LabelDictionary.COUNTRIES, "582").line()).isEqualTo(10);
    // grep -n "1 = Business" → 1047
    assertThat(entry(LabelDictionary.VISA_CATEGORIES, "1").line()).isEqualTo(1047);
  }

  @Test
  void keepsTheRawLineOfEachEntry() {
    assertThat(entry(LabelDictionary.PORTS, "INT").raw()).isEqualTo("   'INT'\t=\t'INT''L FALLS, MN      '");
  }

  @Test
  void readsEntriesSeparatedByTabs() {
    List<Entry> parsed = LabelDictionary.parse(List.of(
        "value $i94prtl",
        "\t'LOS'\t=\t'LOS ANGELES, CA       '",
        ";"));

    assertThat(parsed).singleElement().satisfies(entry -> {
      assertThat(entry.code()).isEqualTo("LOS");
      assertThat(entry.label()).isEqualTo("LOS ANGELES, CA");
      assertThat(entry.line()).isEqualTo(2);
    });
  }

  @Test
  void endsAListAtASemicolonOnItsOwnLine() {
    List<Entry> parsed = LabelDictionary.parse(List.of(
        "  value $i94prtl",
        "   'OSN' \t=\t'No PORT Code (OSN)'",
        ";",
        "   'XYZ' = 'after the list'",
        "run;"));

    assertThat(parsed).extracting(Entry::code).containsExactly("OSN");
  }

  @Test
  void endsAListAtASemicolonAfterItsLastEntry() {
    List<Entry> parsed = LabelDictionary.parse(List.of(
        "value i94model",
        "\t1 = 'Air'",
        "\t9 = 'Not reported' ;",
        "\t",
        "'XYZ' = 'after the list'"));

    assertThat(parsed).extracting(Entry::code, Entry::label)
        .containsExactly(
            tuple("1", "Air"),
            tuple("9", "Not reported"));
  }

  @Test
  void ignoresLinesOutsideValueListsAndOrdinaryComments() {
    List<Entry> parsed = LabelDictionary.parse(List.of(
        "libname library 'Your file location' ;",
        "proc format library=library ;",
        "/* I94MODE - There are missing values as well as not reported (9) */",
        "/* I94ADDR - There is lots of invalid codes in this variable and the list below ",
        "   9 = shows what we have found to be valid */"));

    assertThat(parsed).isEmpty();
  }

  @Test
  void reportsAMalformedLineWithItsListAndLineNumberAndReadsOn() {
    List<Entry> parsed = LabelDictionary.parse(List.of(
        "/* I94MODE - There are missing values as well as not reported (9) */",
        "value i94model",
        "\t1 = 'Air'",
        "\t2 = Sea",
        "\t3 = 'Land' ;"));

    assertThat(parsed).hasSize(3);
    assertThat(parsed.get(1)).satisfies(entry -> {
      assertThat(entry.list()).isEqualTo(LabelDictionary.MODES);
      assertThat(entry.line()).isEqualTo(4);
      assertThat(entry.raw()).isEqualTo("\t2 = Sea");
      assertThat(entry.code()).isNull();
      assertThat(entry.error()).contains("i94model");
    });
    assertThat(parsed.get(2).label()).as("the entry after the malformed line").isEqualTo("Land");
  }

  private static List<Entry> list(String list) {
    return entries.stream().filter(entry -> entry.list().equals(list)).toList();
  }

  private static Entry entry(String list, String code) {
    return list(list).stream().filter(entry -> code.equals(entry.code())).findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + code + " in " + list));
  }

  private static String label(String list, String code) {
    return entry(list, code).label();
  }
}
