package io.i94lake.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a schedule fires, and which firing a schedule that was not running missed. */
class CronScheduleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final CronSchedule DAILY_AT_SEVEN = new CronSchedule("0 0 7 * * ?", NEW_YORK);

  private static Instant newYork(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
  }

  @Test
  void firesAtSevenNewYorkTimeAlsoAcrossTheChangeOfSummerTime() {
    assertThat(DAILY_AT_SEVEN.nextFiringAfter(newYork("2026-11-27T10:00:00"))).contains(newYork("2026-11-28T07:00:00"));
    assertThat(DAILY_AT_SEVEN.nextFiringAfter(newYork("2026-03-07T08:00:00"))).as("the day summer time starts")
        .contains(newYork("2026-03-08T07:00:00"));
    assertThat(newYork("2026-03-08T07:00:00")).isEqualTo(Instant.parse("2026-03-08T11:00:00Z"));
  }

  @Test
  void theLastFiringBeforeATimeIsFoundForFrequentAndRareExpressions() {
    assertThat(DAILY_AT_SEVEN.lastFiringBefore(newYork("2026-11-27T06:59:59"))).contains(newYork("2026-11-26T07:00:00"));
    assertThat(DAILY_AT_SEVEN.lastFiringBefore(newYork("2026-11-27T07:00:00"))).as("strictly before")
        .contains(newYork("2026-11-26T07:00:00"));
    assertThat(DAILY_AT_SEVEN.lastFiringBefore(newYork("2026-11-27T07:00:01"))).contains(newYork("2026-11-27T07:00:00"));
    assertThat(new CronSchedule("*/2 * * * * ?", ZoneId.of("UTC")).lastFiringBefore(Instant.parse("2026-11-27T10:00:03.500Z")))
        .contains(Instant.parse("2026-11-27T10:00:02Z"));
    assertThat(new CronSchedule("0 0 7 1 JAN ?", NEW_YORK).lastFiringBefore(newYork("2026-11-27T10:00:00")))
        .as("once a year").contains(newYork("2026-01-01T07:00:00"));
    assertThat(new CronSchedule("0 0 7 1 JAN ? 2099", NEW_YORK).lastFiringBefore(newYork("2026-11-27T10:00:00")))
        .as("never fired yet").isEmpty();
  }

  @Test
  void aFiringAfterTheLastScheduledRunEndedWasMissed() {
    Instant now = newYork("2026-11-27T10:00:00");

    assertThat(DAILY_AT_SEVEN.missedFiring(Optional.of(newYork("2026-11-26T07:01:30")), now))
        .as("the process was down at 07:00 today").contains(newYork("2026-11-27T07:00:00"));
    assertThat(DAILY_AT_SEVEN.missedFiring(Optional.of(newYork("2026-11-27T07:01:30")), now))
        .as("today's run happened").isEmpty();
    assertThat(DAILY_AT_SEVEN.missedFiring(Optional.of(newYork("2026-11-20T07:01:30")), now))
        .as("down for a week: one run, of the last firing").contains(newYork("2026-11-27T07:00:00"));
    assertThat(DAILY_AT_SEVEN.missedFiring(Optional.of(newYork("2026-11-27T07:30:00")), now))
        .as("a run that started yesterday and ended after today's firing: that firing was skipped, not missed").isEmpty();
    assertThat(DAILY_AT_SEVEN.missedFiring(Optional.empty(), now)).as("a new schedule has missed nothing").isEmpty();
  }

  @Test
  void aBadExpressionIsRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> new CronSchedule("0 7 * * *", NEW_YORK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read the cron expression '0 7 * * *'")
        .hasMessageContaining("second minute hour day-of-month month day-of-week");
  }
}
