package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedLineTest {
  private static final Path SAMPLE = Path.of(System.getProperty("i94lake.home", "."), "data", "sample");

  @Test
  void splitsTheFirstAirportLineWithItsQuotedCoordinatePair() {
    String line = "00A,heliport,Total Rf Heliport,11,NA,US,US-PA,Bensalem,00A,,00A,\"-74.93360137939453, 40.07080078125\"";

    assertThat(DelimitedLine.split(line, ','))
        .containsExactly("00A", "heliport", "Total Rf Heliport", "11", "NA", "US", "US-PA", "Bensalem", "00A", "",
            "00A", "-74.93360137939453, 40.07080078125");
  }

  @Test
  void readsQuotedFieldsWithCommas() {
    String line = "0TT8,heliport,Dynasty Heliport,150,OC,MP,MP-U-A,\"San Jose, Tinian\",0TT8,,0TT8,"
        + "\"145.64199829101562, 14.963299751281738\"";

    List<String> fields = DelimitedLine.split(line, ',');

    assertThat(fields).hasSize(12);
    assertThat(fields.get(7)).as("municipality").isEqualTo("San Jose, Tinian");
  }

  @Test
  void readsDoubledQuotesInsideQuotedFieldsAsOneQuote() {
    String line = "26AR,small_airport,\"Fly \"\"N\"\" K Airport\",400,NA,US,US-AR,Searcy,26AR,,26AR,"
        + "\"-91.807800293, 35.2154998779\"";

    assertThat(DelimitedLine.split(line, ',').get(2)).isEqualTo("Fly \"N\" K Airport");
  }

  @Test
  void keepsEmptyFieldsOfAClosedAirport() {
    String line = "00AR,closed,Newport Hospital & Clinic Heliport,237,NA,US,US-AR,Newport,,,,\"-91.254898, 35.6087\"";

    assertThat(DelimitedLine.split(line, ','))
        .containsExactly("00AR", "closed", "Newport Hospital & Clinic Heliport", "237", "NA", "US", "US-AR",
            "Newport", "", "", "", "-91.254898, 35.6087");
  }

  @Test
  void splitsSemicolonDelimitedDemographicsWithEmptyFields() {
    String line = "San Juan;Puerto Rico;41.4;155408;186829;342237;;;;PR;Hispanic or Latino;335559";

    assertThat(DelimitedLine.split(line, ';'))
        .containsExactly("San Juan", "Puerto Rico", "41.4", "155408", "186829", "342237", "", "", "", "PR",
            "Hispanic or Latino", "335559");
  }

  @Test
  void treatsTheOtherDelimiterAsPlainText() {
    assertThat(DelimitedLine.split("a,b;c", ';')).containsExactly("a,b", "c");
  }

  @Test
  void readsATrailingDelimiterAsAnEmptyLastField() {
    assertThat(DelimitedLine.split("a,b,", ',')).containsExactly("a", "b", "");
    assertThat(DelimitedLine.split("\"a\",", ',')).containsExactly("a", "");
  }

  @Test
  void readsEmptyInputAndLoneDelimitersAsEmptyFields() {
    assertThat(DelimitedLine.split("", ',')).containsExactly("");
    assertThat(DelimitedLine.split(",,", ',')).containsExactly("", "", "");
    assertThat(DelimitedLine.split("\"\"", ',')).as("an empty quoted field").containsExactly("");
  }

  @Test
  void rejectsAQuoteThatIsNotClosed() {
    assertThatThrownBy(() -> DelimitedLine.split("26AR,\"Fly \"\"N\"\" K Airport,400", ','))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a quote is not closed");
  }

  @Test
  void rejectsTextAfterTheClosingQuoteNamingTheField() {
    assertThatThrownBy(() -> DelimitedLine.split("00A,\"Total\" Rf Heliport,11", ','))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text after the closing quote of field 2");
  }

  @Test
  void splitsEveryLineOfTheAirportSampleIntoTwelveFields() throws IOException {
    List<String> lines = Files.readAllLines(SAMPLE.resolve("airport-codes_csv.csv"), StandardCharsets.UTF_8);

    assertThat(lines).hasSizeGreaterThan(3_000)
        .allSatisfy(line -> assertThat(DelimitedLine.split(line, ',')).as(line).hasSize(12));
  }

  @Test
  void splitsEveryLineOfTheDemographicsSampleIntoTwelveFields() throws IOException {
    List<String> lines = Files.readAllLines(SAMPLE.resolve("us-cities-demographics.csv"), StandardCharsets.UTF_8);

    assertThat(lines).hasSizeGreaterThan(2_000)
        .allSatisfy(line -> assertThat(DelimitedLine.split(line, ';')).as(line).hasSize(12));
  }
}
