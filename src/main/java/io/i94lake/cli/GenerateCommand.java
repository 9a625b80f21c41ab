package io.i94lake.cli;

import io.i94lake.generate.ArrivalFormat;
import io.i94lake.generate.DirtyRows;
import io.i94lake.generate.GenerateOptions;
import io.i94lake.generate.Generator;
import io.i94lake.pipeline.Months;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code i94lake generate}: a synthetic raw folder of any size, realistic and deterministic. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes a synthetic raw folder that `run --raw DIR` takes unchanged: I-94 months drawn from the "
        + "frequencies of the real April 2016 month, a Kaggle-layout temperature file, and the dictionary, airport and "
        + "demographics files of the bundled sample.",
        "The same options give byte-identical files, whatever --threads; --chunks and --only-chunks split the work between machines."})
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The raw folder to write.")
  Path out;

  @Option(names = "--months", paramLabel = "MONTHS", defaultValue = "2016-01..2016-12",
      description = "I-94 months: 2016-04, 2016-01..2016-12 or a comma-separated list (default: ${DEFAULT-VALUE}).")
  String months;

  @Option(names = "--rows-per-month", paramLabel = "N", defaultValue = "3000000",
      description = "I-94 records per month, dirty ones included (default: ${DEFAULT-VALUE}; the real April has 3,096,313).")
  long rowsPerMonth;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "I-94 files: parquet (as the real months), csv (as the pandas-written Udacity sample: index column, "
          + "5748517.0) or sas-csv (as a SAS export: no index column, 5748517) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--dirty-share", paramLabel = "SHARE", defaultValue = "0.001",
      description = "Share of I-94 records broken so that the pipeline rejects them, exactly floor(rows x share) per month, "
          + "to the millionth (default: ${DEFAULT-VALUE}).")
  String dirtyShare;

  @Option(names = "--chunks", paramLabel = "N",
      description = "Files per month (default: one per 500,000 records).")
  Integer chunks;

  @Option(names = "--only-chunks", paramLabel = "CHUNKS",
      description = "Write only these chunks of each month, e.g. 0..9 or 0..4,8: to split the work between machines (default: all).")
  String onlyChunks;

  @Option(names = "--threads", paramLabel = "N", description = "Chunks written at the same time (default: the number of cores).")
  Integer threads;

  @Option(names = "--sample", paramLabel = "DIR",
      description = "Where the dictionary, airport and demographics files are copied from (default: the bundled sample, data/sample).")
  Path sample;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    GenerateOptions options = new GenerateOptions(out, Months.parse(months).months(), rowsPerMonth, seed,
        ArrivalFormat.of(format), chunks != null ? chunks : GenerateOptions.defaultChunks(rowsPerMonth),
        GenerateOptions.parseChunks(onlyChunks), threads != null ? threads : Runtime.getRuntime().availableProcessors(),
        DirtyRows.ofShare(dirtyShare), sample != null ? sample : Path.of(Settings.home(), "data", "sample"));
    Generator.Result result = new Generator(options, quiet ? null : System.err, System.console() != null).run();
    PrintWriter printed = spec.commandLine().getOut();
    double seconds = result.arrivalsTime().toNanos() / 1e9;
    printed.printf("wrote %,d I-94 records (%,d dirty) in %d %s files to %s in %.1f s with %d threads: %,.0f rows/s; "
            + "%,.0f rows per CPU second%n",
        result.rows(), result.dirtyRows(), result.files(), options.format(), out.resolve("i94"), seconds, options.threads(),
        result.rowsPerSecond(), result.rowsPerCpuSecond());
    printed.printf("wrote %,d temperature rows and copied %s in %.1f s%n", result.temperatureRows(),
        String.join(", ", Generator.COPIED), result.companionsTime().toNanos() / 1e9);
    return 0;
  }
}
