package io.i94lake.schedule;


import io.i94lake.core.Messages;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Runs the pipeline on a cron schedule (Quartz, jobs kept in memory) until told to stop. One run at a time: a firing
 * that comes while a run is going is skipped and logged. A firing missed while no schedule was running (decided from
 * the run history) runs once at start-up. A failed run is alerted. Stopping waits for the run going on, if any.
 */
public final class ScheduledRuns {
  /**
   * When to stop by itself.
   *
   * @param maxRuns stop after this many runs; 0 for no limit
   * @param stopAfter stop after this long; null for no limit
   */
  public record Limits(int maxRuns, Duration stopAfter) {
    public static final Limits NONE = new Limits(0, null);

    public Limits {
      if (maxRuns < 0) {
        throw new IllegalArgumentException("The number of runs to stop after must be 0 (no limit) or more, not " + maxRuns);
      }
      if (stopAfter != null && (stopAfter.isNegative() || stopAfter.isZero())) {
        throw new IllegalArgumentException("The time to stop after must be positive, not " + stopAfter);
      }
    }
  }

  /** What a schedule did until it stopped. */
  public record Outcome(int runs, int published, int failed, int skippedFirings, String stopReason) {}

  private static final String MISSED_FIRING = "missed firing";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final CronSchedule cron;
  private final RunOptions options;
  private final Pipeline pipeline;
  private final Lake lake;
  private final Alerts alerts;
  private final Consumer<String> log;
  private final Consumer<RunSummary> report;
  private final Semaphore oneRunAtATime = new Semaphore(1);
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger published = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private volatile String stopReason;
  private volatile Instant runStarted;
  private volatile int maxRuns;

  /**
   * @param options the options of every run; their trigger becomes {@code schedule}
   * @param report shows a run's summary when it ends
   */
  public ScheduledRuns(CronSchedule cron, RunOptions options, Pipeline pipeline, Lake lake, Alerts alerts,
                       Consumer<String> log, Consumer<RunSummary> report) {
    this.cron = cron;
    this.options = options.withTrigger(Trigger.SCHEDULE);
    this.pipeline = pipeline;
    this.lake = lake;
    this.alerts = alerts;
    this.log = log;
    this.report = report;
  }

  /** Fires runs until a limit is reached or {@link #stop} is called, then waits for the run going on, if any. */
  public Outcome run(Limits limits) throws InterruptedException {
    maxRuns = limits.maxRuns();
    Optional<Instant> missed = cron.missedFiring(lastScheduledRunEnded(), Instant.now());
    Scheduler scheduler = quartz();
    try {
      JobDetail job = JobBuilder.newJob(Job.class).withIdentity("pipeline run").storeDurably().build();
      scheduler.setJobFactory((bundle, ignored) -> context -> {
        boolean catchUp = context.getTrigger().getKey().getName().equals(MISSED_FIRING);
        fire(catchUp ? missed.orElseThrow() : context.getScheduledFireTime().toInstant(), catchUp);
      });
      scheduler.addJob(job, false);
      scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(job).withIdentity("cron")
          .withSchedule(CronScheduleBuilder.cronSchedule(cron.expression()).inTimeZone(TimeZone.getTimeZone(cron.zone()))
              .withMisfireHandlingInstructionDoNothing())
          .build());
      if (missed.isPresent()) {
        log.accept("the firing of " + at(missed.get()) + " was missed while no schedule was running: running it now");
        scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(job).withIdentity(MISSED_FIRING).startNow().build());
      }
      scheduler.start();
      logNextFiring();
      boolean stopped = limits.stopAfter() == null
          ? await()
          : stopRequested.await(limits.stopAfter().toMillis(), TimeUnit.MILLISECONDS);
      if (!stopped) {
        stop("--stop-after " + limits.stopAfter().toString().substring(2).toLowerCase() + " elapsed");
      }
      scheduler.standby();
      if (oneRunAtATime.availablePermits() == 0) {
        log.accept("stopping: waiting for the run started at " + at(runStarted) + " to finish");
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot run the schedule " + cron + ": " + e.getMessage(), e);
    } finally {
      shutDown(scheduler);
    }
    return new Outcome(runs.get(), published.get(), failed.get(), skipped.get(), stopReason);
  }

  /** Fires no more runs; the run going on, if any, is waited for. Safe to call from any thread, more than once. */
  public synchronized void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
      log.accept("stopping the schedule: " + reason);
    }
    stopRequested.countDown();
  }

  /** Whether {@link #stop} was called or a limit reached. */
  public boolean stopping() {
    return stopReason != null;
  }

  private boolean await() throws InterruptedException {
    stopRequested.await();
    return true;
  }

  private void fire(Instant firing, boolean catchUp) {
    if (stopReason != null) {
      return;
    }
    if (!oneRunAtATime.tryAcquire()) {
      skipped.incrementAndGet();
      log.accept("skipped the firing of " + at(firing) + ": " + runGoingOn() + " is still going");
      return;
    }
    if (stopReason != null) {
      oneRunAtATime.release();
      return;
    }
    try {
      runStarted = Instant.now();
      log.accept((catchUp ? "missed firing of " : "firing of ") + at(firing) + ": starting a run");
      execute();
    } finally {
      int done = runs.incrementAndGet();
      if (maxRuns > 0 && done >= maxRuns) {
        stop(done + " run" + (done == 1 ? "" : "s") + " done (--max-runs " + maxRuns + ")");
      }
      oneRunAtATime.release();
      if (stopReason == null) {
        logNextFiring();
      }
    }
  }

  private void execute() {
    RunSummary summary;
    try {
      summary = pipeline.run(options);
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      log.accept("the run did not start: " + Messages.firstLine(e));
      alerts.runRefused(Trigger.SCHEDULE.label(), options.lake(), e, () -> lake);
      return;
    }
    try {
      report.accept(summary);
    } finally {
      if (summary.succeeded()) {
        published.incrementAndGet();
      } else {
        failed.incrementAndGet();
        alerts.runFailed(summary, () -> lake);
      }
    }
  }

  private String runGoingOn() {
    try {
      return LakeLock.holder(lake).map(Object::toString).orElse("the run started at " + at(runStarted));
    } catch (RuntimeException e) {
      return "the run started at " + at(runStarted);
    }
  }

  private void logNextFiring() {
    cron.nextFiringAfter(Instant.now()).ifPresentOrElse(next -> log.accept("next firing: " + at(next)),
        () -> stop("the cron expression " + cron + " fires no more"));
  }

  private Optional<Instant> lastScheduledRunEnded() {
    return new RunHistory(lake).runs().stream().filter(run -> run.trigger().equals(Trigger.SCHEDULE.label())).findFirst()
        .map(RunRecord::endedAt);
  }

  private String at(Instant time) {
    return time == null ? "(unknown)" : TIME.format(ZonedDateTime.ofInstant(time.truncatedTo(ChronoUnit.SECONDS), cron.zone()));
  }

  private static Scheduler quartz() {
    Properties properties = new Properties();
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "i94lake-schedule-" + System.nanoTime());
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
    // two threads: one runs the pipeline, the other sees (and skips) the firings that come meanwhile
    properties.setProperty("org.quartz.threadPool.threadCount", "2");
    properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    try {
      return new StdSchedulerFactory(properties).getScheduler();
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot start the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  private static void shutDown(Scheduler scheduler) {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot stop the Quartz scheduler: " + e.getMessage(), e);
    }
  }
}
