package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.source.LabelDictionary.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortLabelTest {
  private static final Path DICTIONARY =
      Path.of(System.getProperty("i94lake.home", "."), "data", "sample", "I94_SAS_Labels_Descriptions.SAS");

  private static List<Entry> entries;
  private static Map<String, String> stateCodesByName;

  @BeforeAll
  static void readTheRealDictionary() throws IOException {
    entries = LabelDictionary.parse(Files.readAllLines(DICTIONARY, StandardCharsets.UTF_8));
    stateCodesByName = LabelDictionary.stateCodesByName(entries);
  }

  @Test
  void readsCityAndStateCode() {
    assertThat(parse("LOS ANGELES, CA       "))
        .isEqualTo(new PortLabel("LOS ANGELES, CA", "Los Angeles", "CA", true));
  }

  @Test
  void dropsMarkersAfterTheState() {
    assertThat(parse("ASPEN, CO #ARPT")).satisfies(port -> assertCityAndState(port, "Aspen", "CO"));
    assertThat(parse("SALINAS, CA (BPS)")).satisfies(port -> assertCityAndState(port, "Salinas", "CA"));
    assertThat(parse("DERBY LINE, VT (I-91) ")).satisfies(port -> assertCityAndState(port, "Derby Line", "VT"));
  }

  @Test
  void readsAFullStateName() {
    assertThat(parse("BELLINGHAM, WASHINGTON #INTL")).satisfies(port -> assertCityAndState(port, "Bellingham", "WA"));
  }

  @Test
  void readsAStateCodeWithoutAComma() {
    assertThat(parse("MARIPOSA AZ           ")).satisfies(port -> assertCityAndState(port, "Mariposa", "AZ"));
    assertThat(parse("WASHINGTON DC         ")).satisfies(port -> assertCityAndState(port, "Washington", "DC"));
  }

  @Test
  void readsACityWithAnApostrophe() {
    assertThat(parse("INT'L FALLS, MN      ")).satisfies(port -> assertCityAndState(port, "Int'l Falls", "MN"));
  }

  @Test
  void readsAForeignPortAsACityWithoutState() {
    assertThat(parse("CALGARY, CANADA       "))
        .isEqualTo(new PortLabel("CALGARY, CANADA", "Calgary", null, true));
  }

  @Test
  void marksPlaceholdersAsNoPort() {
    for (String label : List.of("No PORT Code (CP)", "Collapsed (FOK) 06/15", "INVALID - IWAKUNI, JAPAN",
        "Collapsed into INT, MN", "NOT REPORTED/UNKNOWN", "UNIDENTIFED AIR / SEAPORT", "UNKNOWN POE")) {
      assertThat(parse(label)).as(label).isEqualTo(new PortLabel(label, null, null, false));
    }
  }

  @Test
  void parsesEveryPortOfTheRealDictionary() {
    List<Entry> ports = list(LabelDictionary.PORTS);
    List<PortLabel> parsed = ports.stream().map(port -> PortLabel.parse(port.label(), stateCodesByName)).toList();

    List<PortLabel> valid = parsed.stream().filter(PortLabel::valid).toList();
    long usPorts = valid.stream().filter(port -> port.stateCode() != null).count();
    System.out.printf("%d ports: %d valid, %d of them in a US state%n", parsed.size(), valid.size(), usPorts);

    assertThat(parsed).hasSize(660);
    assertThat(valid).as("valid ports").hasSizeGreaterThan(550)
        .allSatisfy(port -> assertThat(port.city()).as(port.name()).isNotBlank());
    assertThat(usPorts).as("valid ports in a US state").isGreaterThanOrEqualTo(520);
    assertThat(parsed).filteredOn(port -> !port.valid())
        .allSatisfy(port -> assertThat(port.city()).as(port.name()).isNull());
  }

  @Test
  void findsTheStateOfEveryRealPortLabelledCityCommaStateCode() {
    for (Entry port : list(LabelDictionary.PORTS)) {
      String label = port.label();
      String lastPart = label.substring(label.lastIndexOf(',') + 1).strip();
      PortLabel parsed = PortLabel.parse(label, stateCodesByName);
      if (parsed.valid() && label.contains(",") && lastPart.length() == 2 && stateCodesByName.containsKey(lastPart)) {
        assertThat(parsed.stateCode()).as(label).isEqualTo(lastPart);
      }
    }
  }

  private static void assertCityAndState(PortLabel port, String city, String stateCode) {
    assertThat(port.city()).as("city").isEqualTo(city);
    assertThat(port.stateCode()).as("state").isEqualTo(stateCode);
    assertThat(port.valid()).as("valid").isTrue();
  }

  private static PortLabel parse(String label) {
    return PortLabel.parse(label, stateCodesByName);
  }

  private static List<Entry> list(String list) {
    return entries.stream().filter(entry -> entry.list().equals(list)).toList();
  }
}
