package io.i94lake.schedule;

import static java.util.Objects.requireNonNull;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A Quartz cron expression in a time zone: {@code 0 0 7 * * ?} in {@code America/New_York} fires at 07:00 New York
 * time every day (fields: second, minute, hour, day of month, month, day of week, optional year).
 */
public record CronSchedule(String expression, ZoneId zone) {
  // the furthest back a firing is looked for: a yearly expression's last firing is found, a never-firing one is not
  private static final Duration LOOK_BACK = Duration.ofDays(5 * 366);

  public CronSchedule {
    requireNonNull(expression, "expression is null");
    requireNonNull(zone, "zone is null");
    parse(expression, zone);
  }

  /** The first firing strictly after a time, if the expression fires again. */
  public Optional<Instant> nextFiringAfter(Instant time) {
    return Optional.ofNullable(parse(expression, zone).getNextValidTimeAfter(Date.from(time))).map(Date::toInstant);
  }

  /** The last firing strictly before a time, looked for up to five years back. */
  public Optional<Instant> lastFiringBefore(Instant time) {
    CronExpression cron = parse(expression, zone);
    // widen the window until it holds a firing, then walk forward to the last one before the time
    for (Duration window = Duration.ofSeconds(1); window.compareTo(LOOK_BACK.multipliedBy(2)) <= 0; window = window.multipliedBy(2)) {
      Date firing = cron.getNextValidTimeAfter(Date.from(time.minus(window).minusMillis(1)));
      if (firing != null && firing.toInstant().isBefore(time)) {
        Instant last = firing.toInstant();
        for (Date next = cron.getNextValidTimeAfter(firing); next != null && next.toInstant().isBefore(time);
             next = cron.getNextValidTimeAfter(next)) {
          last = next.toInstant();
        }
        return Optional.of(last);
      }
    }
    return Optional.empty();
  }

  /**
   * The firing missed while no schedule was running, to run once at start-up: the last firing before {@code now},
   * when it came after the last scheduled run ended. A firing while that run was going was skipped, not missed;
   * with no scheduled run in the history the schedule is new and nothing was missed.
   *
   * @param lastScheduledRunEnded when the last run with trigger {@code schedule} ended; empty when there was none
   */
  public Optional<Instant> missedFiring(Optional<Instant> lastScheduledRunEnded, Instant now) {
    if (lastScheduledRunEnded.isEmpty()) {
      return Optional.empty();
    }
    return lastFiringBefore(now).filter(firing -> firing.isAfter(lastScheduledRunEnded.get()));
  }

  @Override
  public String toString() {
    return "\"" + expression + "\" in " + zone;
  }

  private static CronExpression parse(String expression, ZoneId zone) {
    try {
      CronExpression cron = new CronExpression(expression);
      cron.setTimeZone(TimeZone.getTimeZone(zone));
      return cron;
    } catch (ParseException e) {
      throw new IllegalArgumentException("Cannot read the cron expression '" + expression + "': " + e.getMessage()
          + "; expected second minute hour day-of-month month day-of-week [year], e.g. \"0 0 7 * * ?\" for 07:00 every day");
    }
  }
}
