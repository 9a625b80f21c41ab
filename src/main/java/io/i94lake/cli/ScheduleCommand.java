package io.i94lake.cli;

import io.i94lake.core.Messages;
import io.i94lake.engine.Engines;
import io.i94lake.engine.SparkCompaction;
import io.i94lake.engine.SparkLake;
import io.i94lake.lake.Lake;
import io.i94lake.pipeline.Maintenance;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.Trigger;
import io.i94lake.schedule.Alerts;
import io.i94lake.schedule.CronSchedule;
import io.i94lake.schedule.MailSettings;
import io.i94lake.schedule.ScheduledRuns;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code i94lake schedule}: keeps running and runs the pipeline on a cron schedule. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = {"Keeps running and runs the pipeline (with the options of `run`) whenever the cron expression fires.",
        "A firing while a run is going is skipped; a firing missed while no schedule ran runs once at start-up.",
        "Failed runs are alerted by e-mail (--smtp-host). SIGTERM or Ctrl-C stop it after the run going on; a second one at once."})
public final class ScheduleCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--cron", paramLabel = "EXPRESSION",
      description = "Quartz cron expression: second minute hour day-of-month month day-of-week [year]; "
          + "\"0 0 7 * * ?\" is 07:00 every day.")
  String cron;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "Time zone of the cron expression, e.g. America/New_York (default: the machine's, ${DEFAULT-VALUE}).")
  ZoneId zone = ZoneId.systemDefault();

  @Option(names = "--max-runs", paramLabel = "N", defaultValue = "0",
      description = "Stop after this many runs (default: no limit).")
  int maxRuns;

  @Option(names = "--stop-after", paramLabel = "DURATION", converter = Durations.class,
      description = "Stop after this long, once the run going on has finished (default: never).")
  Duration stopAfter;

  @Mixin
  PipelineOptions pipelineOptions;

  @Mixin
  AlertOptions alertOptions;

  @Mixin
  WarehouseOptions warehouseOptions;

  @Option(names = "--maintain", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "After each published run, run `maintain` with the options below (default: ${DEFAULT-VALUE}).")
  boolean maintain;

  @Mixin
  MaintenanceOptions maintenanceOptions;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (cron == null) {
      throw new ParameterException(spec.commandLine(), "Missing the cron expression: give --cron (or I94LAKE_CRON), "
          + "e.g. --cron \"0 0 7 * * ?\" for 07:00 every day");
    }
    CronSchedule schedule;
    try {
      schedule = new CronSchedule(cron, zone);
    } catch (IllegalArgumentException unreadable) {
      throw new ParameterException(spec.commandLine(), unreadable.getMessage(), unreadable);
    }
    ScheduledRuns.Limits limits = new ScheduledRuns.Limits(maxRuns, stopAfter);
    MailSettings mail = alertOptions.settings();
    RunOptions options = pipelineOptions.options(lakeOptions.lake, Trigger.SCHEDULE);
    Engines engines = lakeOptions.engines(pipelineOptions.engine);
    Lake lake = engines.open(lakeOptions.lake);
    Pipeline pipeline = new Pipeline(engines, message -> log(out, "  " + message));
    Alerts alerts = new Alerts(mail, message -> log(out, message));
    ScheduledRuns runs = new ScheduledRuns(schedule, options, pipeline, lake, alerts, message -> log(out, message), summary -> {
      synchronized (out) {
        RunCommand.print(summary, out);
      }
      if (summary.succeeded() && warehouseOptions.configured()) {
        copyToWarehouse(summary, alerts, out);
      }
      if (summary.succeeded() && maintain) {
        maintain(lake, out);
      }
    });
    log(out, "i94lake schedule: cron " + schedule + ", raw " + options.raw() + " -> lake " + options.lake() + "; alerts: " + mail
        + (warehouseOptions.configured() ? "; then a copy to " + warehouseOptions.target().describe() : ""));
    Map<Signal, SignalHandler> previous = onSignals(runs, out);
    try {
      ScheduledRuns.Outcome outcome = runs.run(limits);
      log(out, String.format("schedule stopped (%s): %d run%s, %d published, %d failed, %d firing%s skipped",
          outcome.stopReason(), outcome.runs(), outcome.runs() == 1 ? "" : "s", outcome.published(), outcome.failed(),
          outcome.skippedFirings(), outcome.skippedFirings() == 1 ? "" : "s"));
      return 0;
    } finally {
      previous.forEach(Signal::handle);
    }
  }

  // a failed copy is alerted and the schedule goes on: the lake itself is published
  private void copyToWarehouse(RunSummary published, Alerts alerts, PrintWriter out) {
    try {
      warehouseOptions.copy(SparkLake.open(lakeOptions.startSpark(), lakeOptions.lake), published, out);
    } catch (RuntimeException e) {
      log(out, Messages.firstLine(e));
      alerts.warehouseCopyFailed(published, e);
    }
  }

  // maintenance that fails is logged and tried again after the next publish: the lake itself is published
  private void maintain(Lake lake, PrintWriter out) {
    try {
      new Maintenance(lake, new SparkCompaction(lakeOptions::startSpark), message -> log(out, "  maintain: " + message)).run(maintenanceOptions.settings(false));
    } catch (RuntimeException e) {
      log(out, "maintain failed: " + Messages.firstLine(e));
    }
  }

  // the first SIGTERM or SIGINT stops firing and waits for the run going on; a second one exits at once, which leaves
  // main as it was (write-audit-publish) and the killed run's lock to be taken over by the next run
  private static Map<Signal, SignalHandler> onSignals(ScheduledRuns runs, PrintWriter out) {
    SignalHandler handler = signal -> {
      if (runs.stopping()) {
        log(out, "SIG" + signal.getName() + " again: exiting now; readers keep the last published data");
        System.exit(128 + signal.getNumber());
      }
      runs.stop("SIG" + signal.getName() + " received");
      log(out, "(SIG" + signal.getName() + " again exits at once; nothing of a run cut short is published)");
    };
    Map<Signal, SignalHandler> previous = new java.util.LinkedHashMap<>();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal signal = new Signal(name);
        previous.put(signal, Signal.handle(signal, handler));
      } catch (IllegalArgumentException e) {
        // this JVM does not let the signal be handled (-Xrs): the default shutdown applies
      }
    }
    return previous;
  }

  private static void log(PrintWriter out, String message) {
    synchronized (out) {
      out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + "  " + message);
      out.flush();
    }
  }
}
