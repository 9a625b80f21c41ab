package io.i94lake.cli;

import io.i94lake.pipeline.Maintenance;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How much of a lake's past `maintain` keeps. */
public final class MaintenanceOptions {
  @Option(names = "--keep-runs", paramLabel = "N", defaultValue = "10",
      description = "Keep the snapshots of the last N published runs, for rollback and time travel (default: ${DEFAULT-VALUE}).")
  int keepRuns;

  @Option(names = "--orphan-age", paramLabel = "DURATION", defaultValue = "1d", converter = Durations.class,
      description = "Remove files no snapshot references once they are this old (default: ${DEFAULT-VALUE}); younger ones "
          + "may belong to a run still writing.")
  Duration orphanAge;

  @Option(names = "--resume-window", paramLabel = "DURATION", defaultValue = "7d", converter = Durations.class,
      description = "Keep the audit branch of a failed run this long, for run --resume (default: ${DEFAULT-VALUE}).")
  Duration resumeWindow;

  Maintenance.Settings settings(boolean dryRun) {
    return new Maintenance.Settings(keepRuns, orphanAge, resumeWindow, dryRun);
  }
}
