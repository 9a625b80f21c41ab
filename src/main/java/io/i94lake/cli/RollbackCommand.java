package io.i94lake.cli;

import io.i94lake.lake.Lake;
import io.i94lake.pipeline.Rollback;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code i94lake rollback --to RUN_ID|TIME}: moves what readers see back. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Points readers back at what a run published, or at what was published at a time (one atomic publish).",
        "Nothing is deleted: a later rollback can move forward again, within what `maintain` keeps."})
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
    Lake lake = lakeOptions.openLakeAsItIs();
    PrintWriter out = spec.commandLine().getOut();
    Rollback.Outcome outcome = new Rollback(lake, message -> {
      out.println(message);
      out.flush();
    }).to(target);
    if (!outcome.changed()) {
      out.printf("readers already see %s (published by %s): nothing to roll back%n", target, outcome.runId());
    } else {
      out.printf("rolled back %d tables to %s (published as %s):%n", outcome.snapshots().size(), target, outcome.runId());
      outcome.snapshots().forEach((table, snapshot) -> out.printf("  %-26s snapshot %d%n", table, snapshot));
    }
    out.flush();
    return 0;
  }
}
