package io.i94lake.cli;

import io.i94lake.engine.EngineChoice;
import io.i94lake.pipeline.Months;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.Trigger;
import io.i94lake.quality.LakeChecks;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of a pipeline run, shared by {@code run} and {@code schedule}: what to read, thresholds, retries. */
public final class PipelineOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--engine", paramLabel = "ENGINE",
      description = "duckdb (in this process) or spark (default: duckdb for a lake folder without --master; spark for a "
          + "lake on S3, a cluster or spark-submit).")
  EngineChoice engine;

  @Option(names = "--raw", paramLabel = "DIR",
      description = "Folder of raw files: I94_SAS_Labels_Descriptions.SAS, airport-codes*.csv, us-cities-demographics*.csv, "
          + "GlobalLandTemperaturesByCity*.csv, and the I-94 files: an i94/ or sas_data/ folder, or .sas7bdat, .parquet or .csv "
          + "files with the I-94 columns anywhere in it (default: the bundled sample, data/sample).")
  String raw;

  @Option(names = "--i94", paramLabel = "PATH", arity = "1..*", split = ",",
      description = "I-94 files or folders: Parquet, CSV or SAS7BDAT, told apart by extension or content (default: the I-94 files found in --raw).")
  List<String> i94 = List.of();

  @Option(names = "--months", paramLabel = "MONTHS",
      description = "I-94 months to process: 2016-04, 2016-01..2016-12 or a comma-separated list; other months in the lake "
          + "stay untouched (default: every month in the input).")
  String months;

  @Option(names = "--tables", paramLabel = "TABLES", split = ",",
      description = "Write, check and publish only these tables, comma-separated (us_state,port); the tables they read are "
          + "built from the sources in the run, not written; every other table stays as published (default: every table).")
  List<String> tables;

  @Option(names = "--max-rejected-share", paramLabel = "SHARE", defaultValue = "0.05",
      description = "Fail when more than this share of a file's rows is malformed (default: ${DEFAULT-VALUE}).")
  double maxRejectedShare;

  @Option(names = "--min-share-known", paramLabel = "SHARE", defaultValue = "0.98",
      description = "Least share of port, state and country codes that must be found in their tables (default: ${DEFAULT-VALUE}).")
  double minShareKnown;

  @Option(names = "--max-row-count-change", paramLabel = "FACTOR", defaultValue = "10",
      description = "Fail when a table has this many times more or fewer rows than when last published (default: ${DEFAULT-VALUE}).")
  double maxRowCountChange;

  @Option(names = "--attempts", paramLabel = "N", defaultValue = "3",
      description = "Tries per task before the run fails (default: ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--retry-pause", paramLabel = "DURATION", defaultValue = "5s", converter = Durations.class,
      description = "Pause before a task's second try, doubled before each further one (default: ${DEFAULT-VALUE}).")
  Duration retryPause;

  @Option(names = "--task-timeout", paramLabel = "DURATION", defaultValue = "2h", converter = Durations.class,
      description = "How long one try of a task may run (default: ${DEFAULT-VALUE}).")
  Duration taskTimeout;

  @Option(names = "--wait", paramLabel = "DURATION", arity = "0..1", fallbackValue = "24h", defaultValue = "0s",
      converter = Durations.class,
      description = "When another run is writing the lake, wait for it (up to DURATION, default 24h) instead of refusing.")
  Duration lockWait;

  /** What a run into {@code lake} is asked to do; a run of chosen months is a backfill unless the trigger says otherwise. */
  public RunOptions options(String lake, Trigger trigger) {
    String rawFolder = raw != null ? raw : Settings.home() + "/data/sample";
    Months selected;
    try {
      selected = Months.parse(months);
    } catch (IllegalArgumentException unreadable) {
      throw new ParameterException(command.commandLine(), unreadable.getMessage(), unreadable);
    }
    RunOptions options = RunOptions.of(lake, rawFolder);
    if (tables != null && !tables.isEmpty()) {
      try {
        options = options.withTables(tables);
      } catch (IllegalArgumentException unknown) {
        throw new ParameterException(command.commandLine(), unknown.getMessage(), unknown);
      }
    }
    return options
        .withI94(i94)
        .withMonths(selected)
        .withMaxRejectedShare(maxRejectedShare)
        .withTrigger(trigger == Trigger.MANUAL && !selected.isAll() ? Trigger.BACKFILL : trigger)
        .withChecks(new LakeChecks(minShareKnown, maxRowCountChange, LakeChecks.DEFAULTS.maximumAge()))
        .withRetries(new RunOptions.Retries(attempts, retryPause, taskTimeout))
        .withLockWait(lockWait);
  }
}
