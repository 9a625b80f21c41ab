package io.i94lake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthsTest {
  @Test
  void readsOneMonth() {
    assertThat(Months.parse("2016-04").months()).containsExactly(YearMonth.of(2016, 4));
  }

  @Test
  void readsARangeWithBothEnds() {
    Months year = Months.parse("2016-01..2016-12");

    assertThat(year.months()).hasSize(12)
        .startsWith(YearMonth.of(2016, 1))
        .endsWith(YearMonth.of(2016, 12));
  }

  @Test
  void readsARangeAcrossTheTurnOfTheYear() {
    assertThat(Months.parse("2015-11..2016-02").months())
        .containsExactly(YearMonth.of(2015, 11), YearMonth.of(2015, 12), YearMonth.of(2016, 1), YearMonth.of(2016, 2));
  }

  @Test
  void readsAListOfMonthsAndRangesSortedAndDistinct() {
    assertThat(Months.parse("2016-01,2016-03..2016-04").months())
        .containsExactly(YearMonth.of(2016, 1), YearMonth.of(2016, 3), YearMonth.of(2016, 4));
    assertThat(Months.parse(" 2016-04 , 2016-01, 2016-03..2016-04 ").months())
        .as("unsorted, with spaces and a repeated month")
        .containsExactly(YearMonth.of(2016, 1), YearMonth.of(2016, 3), YearMonth.of(2016, 4));
  }

  @Test
  void readsNothingAsAllMonths() {
    assertThat(Months.parse(null)).isSameAs(Months.ALL);
    assertThat(Months.parse("")).isSameAs(Months.ALL);
    assertThat(Months.parse("  ")).isSameAs(Months.ALL);
    assertThat(Months.ALL.isAll()).isTrue();
    assertThat(Months.ALL).hasToString("all months");
  }

  @Test
  void printsTheMonthsItHolds() {
    assertThat(Months.parse("2016-03..2016-04").isAll()).isFalse();
    assertThat(Months.parse("2016-03..2016-04")).hasToString("2016-03,2016-04");
  }

  @Test
  void rejectsAMonthThatDoesNotExist() {
    assertThatThrownBy(() -> Months.parse("2016-13"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read months '2016-13'")
        .hasMessageContaining("'2016-13' is not a month such as 2016-04");
  }

  @Test
  void namesTheBadPartOfAList() {
    assertThatThrownBy(() -> Months.parse("2016-01,April"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'April' is not a month");
  }

  @Test
  void rejectsARangeThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> Months.parse("2016-05..2016-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Month range ends before it starts: 2016-05..2016-01");
  }
}
