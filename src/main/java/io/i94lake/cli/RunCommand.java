package io.i94lake.cli;

import io.i94lake.pipeline.Months;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.TableResult;
import io.i94lake.source.SourceCount;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code i94lake run}: reads the raw files and writes the lake tables. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Reads the raw files, checks them and writes the lake's tables.",
        "Prints, per source, rows in, accepted and rejected; per table, rows written, rows rejected and seconds."})
public final class RunCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--raw", paramLabel = "DIR",
      description = "Folder of raw files: I94_SAS_Labels_Descriptions.SAS, airport-codes*.csv, us-cities-demographics*.csv, "
          + "GlobalLandTemperaturesByCity*.csv and an i94/ folder (default: the bundled sample, data/sample).")
  String raw;

  @Option(names = "--i94", paramLabel = "PATH", arity = "1..*", split = ",",
      description = "I-94 files or folders: Parquet, CSV or SAS7BDAT, told apart by extension or content (default: <raw>/i94).")
  List<String> i94 = List.of();

  @Option(names = "--months", paramLabel = "MONTHS",
      description = "I-94 months to process: 2016-04, 2016-01..2016-12 or a comma-separated list; other months in the lake "
          + "stay untouched (default: every month in the input).")
  String months;

  @Option(names = "--max-rejected-share", paramLabel = "SHARE", defaultValue = "0.05",
      description = "Fail when more than this share of a file's rows is malformed (default: ${DEFAULT-VALUE}).")
  double maxRejectedShare;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String rawFolder = raw != null ? raw : Settings.home() + "/data/sample";
    RunOptions options = new RunOptions(lakeOptions.lake, rawFolder, i94, Months.parse(months), maxRejectedShare);
    SparkSession spark = lakeOptions.startSpark();
    out.printf("i94lake run: raw %s -> lake %s%n", rawFolder, lakeOptions.lake);
    out.flush();
    long startedNanos = System.nanoTime();
    RunSummary summary = new Pipeline(spark, message -> {
      out.printf("  %6.1f s  %s%n", (System.nanoTime() - startedNanos) / 1e9, message);
      out.flush();
    }).run(options);
    print(summary, out);
    return 0;
  }

  static void print(RunSummary summary, PrintWriter out) {
    out.println();
    out.printf("%-26s %14s %14s %12s%n", "source", "rows in", "accepted", "rejected");
    for (SourceCount source : summary.sources()) {
      out.printf("%-26s %,14d %,14d %,12d%n", source.source(), source.rowsIn(), source.accepted(), source.rejected());
    }
    out.println();
    out.printf("%-26s %14s %14s %12s%n", "table", "rows written", "rows rejected", "seconds");
    for (TableResult table : summary.tables()) {
      out.printf("%-26s %,14d %,14d %12.1f%n", table.write().table(), table.write().rowsWritten(), table.rowsRejected(),
          table.write().elapsed().toMillis() / 1000.0);
    }
    out.println();
    out.printf("run %s finished in %.1f s%n", summary.runId(), summary.elapsed().toMillis() / 1000.0);
    out.flush();
  }
}
