package io.i94lake.cli;

import io.i94lake.lake.Lake;
import io.i94lake.pipeline.Rollback;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code i94lake rollback --to RUN_ID|TIME}: moves what readers see back. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Moves main of every table back to what a run published, or to what it was at a time.",
        "Nothing is deleted: a later rollback can move forward again."})
public final class RollbackCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--to", required = true, paramLabel = "RUN_ID|TIME",
      description = "A run id (see `i94lake runs`) or a time: 2026-11-25T17:00:00Z, or 2026-11-25 17:00:00 taken as UTC.")
  String target;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Lake lake = lakeOptions.openExistingLake();
    Map<String, Long> snapshots = new Rollback(lake).to(target);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("rolled back %d tables to %s:%n", snapshots.size(), target);
    snapshots.forEach((table, snapshot) -> out.printf("  %-26s snapshot %d%n", table, snapshot));
    out.flush();
    return 0;
  }
}
