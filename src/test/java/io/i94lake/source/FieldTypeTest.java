package io.i94lake.source;

import static io.i94lake.source.FieldType.BIG_WHOLE_NUMBER;
import static io.i94lake.source.FieldType.DATE;
import static io.i94lake.source.FieldType.LATITUDE;
import static io.i94lake.source.FieldType.LONGITUDE;
import static io.i94lake.source.FieldType.NUMBER;
import static io.i94lake.source.FieldType.PAIR_LATITUDE;
import static io.i94lake.source.FieldType.PAIR_LONGITUDE;
import static io.i94lake.source.FieldType.TEXT;
import static io.i94lake.source.FieldType.WHOLE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Values as they stand in the raw files; the reader strips fields and never passes an empty one. */
class FieldTypeTest {
  /** The coordinates of airport 00A (Total Rf Heliport, Bensalem, PA): longitude first. */
  private static final String AIRPORT_00A = "-74.93360137939453, 40.07080078125";

  @Test
  void keepsTextAsItIs() {
    assertThat(TEXT.parse("San Jose, Tinian")).isEqualTo("San Jose, Tinian");
  }

  @Test
  void readsWholeNumbersAlsoWhenWrittenWithATrailingPointZero() {
    assertThat(WHOLE_NUMBER.parse("11")).isEqualTo(11);
    assertThat(WHOLE_NUMBER.parse("5748517.0")).as("a count written as a float").isEqualTo(5748517);
    assertThat(WHOLE_NUMBER.parse("-3")).isEqualTo(-3);
  }

  @Test
  void rejectsFractionsAndWordsAsWholeNumbers() {
    assertThat(WHOLE_NUMBER.parse("1.5")).isNull();
    assertThat(WHOLE_NUMBER.parse("abc")).isNull();
    assertThat(WHOLE_NUMBER.parse("NaN")).isNull();
    assertThat(WHOLE_NUMBER.parse("Infinity")).isNull();
  }

  @Test
  void rejectsWholeNumbersBeyondTheIntegerRange() {
    assertThat(WHOLE_NUMBER.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(WHOLE_NUMBER.parse("2147483648")).isNull();
  }

  @Test
  void readsBigWholeNumbersAsLongs() {
    assertThat(BIG_WHOLE_NUMBER.parse("56582674633.0")).isEqualTo(56_582_674_633L);
    assertThat(BIG_WHOLE_NUMBER.parse("1.5")).isNull();
  }

  @Test
  void readsDecimalNumbers() {
    assertThat(NUMBER.parse("2.101")).isEqualTo(2.101);
    assertThat(NUMBER.parse("-0.021")).isEqualTo(-0.021);
    assertThat(NUMBER.parse(".5")).isEqualTo(0.5);
    assertThat(NUMBER.parse("abc")).isNull();
    assertThat(NUMBER.parse("-")).isNull();
  }

  @Test
  void readsIsoDates() {
    assertThat(DATE.parse("1820-01-01")).isEqualTo(LocalDate.of(1820, 1, 1));
  }

  @Test
  void readsExcelDatesAsMonthDayYear() {
    assertThat(DATE.parse("11/1/1953")).isEqualTo(LocalDate.of(1953, 11, 1));
    assertThat(DATE.parse("1/1/2012")).isEqualTo(LocalDate.of(2012, 1, 1));
  }

  @Test
  void rejectsDatesThatDoNotExist() {
    assertThat(DATE.parse("13/1/2000")).as("month 13").isNull();
    assertThat(DATE.parse("2013-02-30")).as("30 February").isNull();
  }

  @Test
  void rejectsTextThatIsNoDate() {
    assertThat(DATE.parse("abc")).isNull();
    assertThat(DATE.parse("2016-01")).as("no day").isNull();
    assertThat(DATE.parse("2016-01/01")).as("mixed separators").isNull();
    assertThat(DATE.parse("12016-01-01")).as("five-digit year").isNull();
  }

  @Test
  void readsLatitudesWithTheirHemisphere() {
    assertThat(LATITUDE.parse("32.95N")).isEqualTo(32.95);
    assertThat(LATITUDE.parse("33.1S")).isEqualTo(-33.1);
    assertThat(LATITUDE.parse("90N")).isEqualTo(90.0);
  }

  @Test
  void rejectsLatitudesOutOfRangeOrWithoutHemisphere() {
    assertThat(LATITUDE.parse("100N")).as("beyond the pole").isNull();
    assertThat(LATITUDE.parse("32.95")).as("no hemisphere").isNull();
    assertThat(LATITUDE.parse("32.95E")).as("a longitude's hemisphere").isNull();
    assertThat(LATITUDE.parse("N")).as("a hemisphere alone").isNull();
  }

  @Test
  void readsLongitudesWithTheirHemisphere() {
    assertThat(LONGITUDE.parse("100.53W")).isEqualTo(-100.53);
    assertThat(LONGITUDE.parse("10.33E")).isEqualTo(10.33);
    assertThat(LONGITUDE.parse("181E")).isNull();
    assertThat(LONGITUDE.parse("10.33N")).isNull();
  }

  @Test
  void readsAnAirportCoordinatePairAsLongitudeThenLatitude() {
    assertThat(PAIR_LATITUDE.parse(AIRPORT_00A)).as("latitude").isEqualTo(40.07080078125);
    assertThat(PAIR_LONGITUDE.parse(AIRPORT_00A)).as("longitude").isEqualTo(-74.93360137939453);
  }

  @Test
  void rejectsPairsWithTheWrongNumberOfPartsOrNonNumbers() {
    for (FieldType type : new FieldType[] {PAIR_LATITUDE, PAIR_LONGITUDE}) {
      assertThat(type.parse("1, 2, 3")).as(type + " of three numbers").isNull();
      assertThat(type.parse("abc, 1")).as(type + " of a word").isNull();
      assertThat(type.parse("40.07")).as(type + " of one number").isNull();
      assertThat(type.parse("1,")).as(type + " without a latitude").isNull();
    }
  }

  @Test
  void rejectsPairsOutOfRange() {
    assertThat(PAIR_LONGITUDE.parse("200, 10")).as("longitude 200").isNull();
    assertThat(PAIR_LATITUDE.parse("200, 10")).as("latitude of a pair with longitude 200").isNull();
    assertThat(PAIR_LATITUDE.parse("10, 95")).as("latitude 95").isNull();
  }

  @Test
  void rejectsPairsWithAnEmptyLongitude() {
    assertThat(PAIR_LATITUDE.parse(", 40.07080078125")).isNull();
    assertThat(PAIR_LONGITUDE.parse(", 40.07080078125")).isNull();
  }

  @Test
  void acceptsPlainDecimalNotationOnly() {
    assertThat(WHOLE_NUMBER.parse("11d")).as("Java's double suffix").isNull();
    assertThat(WHOLE_NUMBER.parse("0x1p4")).as("hexadecimal").isNull();
    assertThat(NUMBER.parse("NaN")).isNull();
    assertThat(NUMBER.parse("-1.5e3")).isEqualTo(-1500.0);
  }

  @Test
  void datesNeedFourDigitYears() {
    assertThat(DATE.parse("1/2/16")).isNull();
    assertThat(DATE.parse("16-01-02")).isNull();
  }
}
