package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Labels of the I-94 dictionary turned into names people read. */
class NamesTest {
  @Test
  void capitalizesEachPartOfAHyphenatedName() {
    assertThat(Names.titleCase("BOSNIA-HERZEGOVINA")).isEqualTo("Bosnia-Herzegovina");
    assertThat(Names.titleCase("GUINEA-BISSAU")).isEqualTo("Guinea-Bissau");
  }

  @Test
  void capitalizesEveryWord() {
    assertThat(Names.titleCase("UNITED KINGDOM")).isEqualTo("United Kingdom");
    assertThat(Names.titleCase("LOS ANGELES")).isEqualTo("Los Angeles");
  }

  @Test
  void capitalizesTheLetterAfterAnElidingApostrophe() {
    assertThat(Names.titleCase("COTE D'IVOIRE")).isEqualTo("Cote D'Ivoire");
    assertThat(Names.titleCase("O'HARE")).isEqualTo("O'Hare");
  }

  @Test
  void keepsAnApostropheLaterInAWordLowerCase() {
    assertThat(Names.titleCase("INT'L FALLS")).isEqualTo("Int'l Falls");
  }

  @Test
  void keepsSmallJoiningWordsLowerCaseButTheFirst() {
    assertThat(Names.titleCase("TRINIDAD AND TOBAGO")).isEqualTo("Trinidad and Tobago");
    assertThat(Names.titleCase("REPUBLIC OF SOUTH SUDAN")).isEqualTo("Republic of South Sudan");
    assertThat(Names.titleCase("PASO DEL NORTE")).isEqualTo("Paso del Norte");
    assertThat(Names.titleCase("THE BAHAMAS")).as("a small word first").isEqualTo("The Bahamas");
  }

  @Test
  void keepsKnownAcronymsUpperCase() {
    assertThat(Names.titleCase("MINOR OUTLYING ISLANDS - USA")).isEqualTo("Minor Outlying Islands - USA");
    assertThat(Names.titleCase("CHINA, PRC")).isEqualTo("China, PRC");
    assertThat(Names.titleCase("washington dc")).isEqualTo("Washington DC");
  }

  @Test
  void collapsesAndStripsWhitespace() {
    assertThat(Names.titleCase("  NEW   YORK ")).isEqualTo("New York");
  }

  @Test
  void passesNullThrough() {
    assertThat(Names.titleCase(null)).isNull();
    assertThat(Names.countryName(null)).isNull();
    assertThat(Names.stateName(null)).isNull();
  }

  @Test
  void takesTheCountryFromTheLeadingUpperCaseWords() {
    assertThat(Names.countryName("MEXICO Air Sea, and Not Reported (I-94, no land arrivals)")).isEqualTo("Mexico");
    assertThat(Names.countryName("AFGHANISTAN")).isEqualTo("Afghanistan");
    assertThat(Names.countryName("ARGENTINA ")).as("padded").isEqualTo("Argentina");
  }

  @Test
  void dropsTheInvalidPrefixOfACountry() {
    assertThat(Names.countryName("INVALID: CANADA")).isEqualTo("Canada");
    assertThat(Names.countryName("INVALID: STATELESS")).isEqualTo("Stateless");
    assertThat(Names.countryName("INVALID: USSR")).isEqualTo("USSR");
  }

  @Test
  void keepsAPlaceholderCountryReadable() {
    assertThat(Names.countryName("No Country Code (54)")).isEqualTo("No Country Code (54)");
  }

  @Test
  void expandsAbbreviatedStateNames() {
    assertThat(Names.stateName("N. CAROLINA")).isEqualTo("North Carolina");
    assertThat(Names.stateName("S. DAKOTA")).isEqualTo("South Dakota");
    assertThat(Names.stateName("W. VIRGINIA")).isEqualTo("West Virginia");
    assertThat(Names.stateName("DIST. OF COLUMBIA")).isEqualTo("District of Columbia");
  }

  @Test
  void titleCasesOtherStateNamesAsTheyAreSpelled() {
    assertThat(Names.stateName("NEW HAMPSHIRE")).isEqualTo("New Hampshire");
    assertThat(Names.stateName("WISCONSON")).as("the dictionary's own spelling").isEqualTo("Wisconson");
  }
}
