package io.i94lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import io.i94lake.source.SourceCount.FileCount;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceCountTest {
  private static final String APRIL = "i94_apr16_sub.sas7bdat";
  private static final String MAY = "i94_may16_sub.sas7bdat";
  private static final String JUNE = "i94_jun16_sub.sas7bdat";

  private Locale locale;

  /** The failure message is formatted in the default locale ("1,000", "25.0%"): pin it. */
  @BeforeEach
  void pinLocale() {
    locale = Locale.getDefault();
    Locale.setDefault(Locale.US);
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(locale);
  }

  @Test
  void addsTheCountsOfTheSameFileAndKeepsTheOthers() {
    SourceCount first = new SourceCount("i94", List.of(new FileCount(APRIL, 100, 2, "17: i94yr is empty"),
        new FileCount(MAY, 50, 0, null)));
    SourceCount second = new SourceCount("i94", List.of(new FileCount(APRIL, 40, 1, "120: arrdate 'x' is not a number"),
        new FileCount(JUNE, 10, 0, null)));

    SourceCount sum = first.plus(second);

    assertThat(sum.source()).isEqualTo("i94");
    assertThat(sum.files()).as("by file name").containsExactly(
        new FileCount(APRIL, 140, 3, "17: i94yr is empty"),
        new FileCount(JUNE, 10, 0, null),
        new FileCount(MAY, 50, 0, null));
    assertThat(sum.rowsIn()).isEqualTo(200);
    assertThat(sum.rejected()).isEqualTo(3);
    assertThat(sum.accepted()).isEqualTo(197);
  }

  @Test
  void keepsTheFirstRejectWithTheLowerLineNumberNotTheLowerText() {
    SourceCount first = new SourceCount("i94", List.of(new FileCount(APRIL, 200, 1, "100: i94yr is empty")));
    SourceCount second = new SourceCount("i94", List.of(new FileCount(APRIL, 200, 1, "20: i94mon is empty")));

    assertThat(first.plus(second).files()).singleElement()
        .extracting(FileCount::firstReject).isEqualTo("20: i94mon is empty");
    assertThat(second.plus(first).files()).singleElement()
        .extracting(FileCount::firstReject).isEqualTo("20: i94mon is empty");
  }

  @Test
  void keepsAFirstRejectWhenTheOtherCountHasNone() {
    SourceCount clean = new SourceCount("i94", List.of(new FileCount(APRIL, 100, 0, null)));
    SourceCount dirty = new SourceCount("i94", List.of(new FileCount(APRIL, 100, 1, "5: i94yr is empty")));

    assertThat(clean.plus(dirty).files().get(0).firstReject()).isEqualTo("5: i94yr is empty");
    assertThat(dirty.plus(clean).files().get(0).firstReject()).isEqualTo("5: i94yr is empty");
  }

  @Test
  void refusesToAddCountsOfAnotherSource() {
    SourceCount arrivals = new SourceCount("i94", List.of());
    SourceCount airports = new SourceCount("airports", List.of());

    assertThatThrownBy(() -> arrivals.plus(airports))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot add counts of airports to counts of i94");
  }

  @Test
  void refusesMoreRejectedRowsThanRows() {
    assertThatThrownBy(() -> new FileCount(APRIL, 1, 2, "1: bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(APRIL)
        .hasMessageContaining("more rejected rows (2) than rows (1)");
  }

  @Test
  void failsWhenAFileHasMoreRejectedRowsThanAllowed() {
    SourceCount airports = new SourceCount("airports", List.of(
        new FileCount("airport-codes_csv.csv", 1_000, 250, "17: coordinates 'abc' is not 'longitude, latitude'")));

    assertThatThrownBy(() -> airports.requireRejectedShareAtMost(0.1))
        .isInstanceOfSatisfying(PipelineException.class,
            e -> assertThat(e.category()).isEqualTo(FailureCategory.SOURCE_MALFORMED))
        .hasMessageContaining("Cannot read airports file airport-codes_csv.csv")
        .hasMessageContaining("250 of 1,000 rows (25.0%) are malformed")
        .hasMessageContaining("more than the allowed 10.0%")
        .hasMessageContaining("first rejected row: airport-codes_csv.csv:17: coordinates 'abc' is not 'longitude, latitude'");
  }

  @Test
  void passesAtExactlyTheAllowedShare() {
    SourceCount airports = new SourceCount("airports", List.of(new FileCount("airport-codes_csv.csv", 10, 1, "3: bad")));

    assertThatCode(() -> airports.requireRejectedShareAtMost(0.1)).doesNotThrowAnyException();
  }

  @Test
  void passesAnEmptyFile() {
    SourceCount empty = new SourceCount("airports", List.of(new FileCount("airport-codes_csv.csv", 0, 0, null)));

    assertThat(empty.files().get(0).rejectedShare()).isZero();
    assertThatCode(() -> empty.requireRejectedShareAtMost(0)).doesNotThrowAnyException();
  }

  @Test
  void checksEachFileOnItsOwn() {
    SourceCount arrivals = new SourceCount("i94", List.of(
        new FileCount(APRIL, 1_000, 0, null),
        new FileCount(MAY, 10, 5, "2: i94yr is empty")));

    assertThatThrownBy(() -> arrivals.requireRejectedShareAtMost(0.01))
        .as("5 of 1,010 rows in all, but half of May")
        .hasMessageContaining(MAY)
        .hasMessageContaining("5 of 10 rows (50.0%)");
  }
}
