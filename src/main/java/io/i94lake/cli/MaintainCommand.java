package io.i94lake.cli;

import io.i94lake.engine.SparkCompaction;
import io.i94lake.lake.Lake;
import io.i94lake.pipeline.Maintenance;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code i94lake maintain}: keeps the lake from growing without end. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Drops audit branches no run can resume, compacts partitions with many small files, expires the snapshots "
        + "that the last published runs do not use, and removes files no snapshot references (left by killed runs).",
        "Rollback and time travel keep working for the runs kept. Prints what it removed and what it kept."})
public final class MaintainCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Mixin
  MaintenanceOptions maintenanceOptions;

  @Option(names = "--dry-run", description = "Say what would be removed, and change nothing.")
  boolean dryRun;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Maintenance.Settings settings = maintenanceOptions.settings(dryRun);
    Lake lake = lakeOptions.openLakeAsItIs();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("i94lake maintain%s: lake %s%n", dryRun ? " (dry run: nothing is changed)" : "", lakeOptions.lake);
    new Maintenance(lake, new SparkCompaction(lakeOptions::startSpark), message -> {
      out.println("  " + message);
      out.flush();
    }).run(settings);
    return 0;
  }
}
