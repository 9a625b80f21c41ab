package io.i94lake.cli;

import io.i94lake.lake.Lake;
import io.i94lake.lake.ReadOnlyStatement;
import io.i94lake.pipeline.TimeTravel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code i94lake sql}: one read-only Spark SQL statement over the lake's published tables. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Runs one query (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) over the tables of the published run; tables "
        + "are named without prefix (us_state). Statements that would change the lake are refused."})
public final class SqlCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "The SQL statement, e.g. \"SELECT * FROM us_state\".")
  String query;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the SQL statement from a file (see examples/).")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ResultPrinter.Format format;

  @Option(names = "--as-of", paramLabel = "RUN_ID|TIME",
      description = "Read the tables as a run published them, or as they were at a time (2026-11-25T17:00:00Z).")
  String asOf;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000",
      description = "At most this many rows in table format; csv and json print all (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (maxRows < 0) {
      throw new ParameterException(spec.commandLine(),
          "--max-rows " + maxRows + " is negative: give the most rows to show in table format, 0 or more");
    }
    if ((query == null) == (file == null)) {
      throw new ParameterException(spec.commandLine(), "Give the SQL statement either as QUERY or with --file, not both or neither");
    }
    String statement = query != null ? query : Files.readString(file);
    Lake lake = lakeOptions.openExistingLake();
    ReadOnlyStatement.require(lake.spark(), statement);
    Map<String, Long> views = TimeTravel.viewTables(lake, asOf);
    try {
      Dataset<Row> result = lake.spark().sql(statement);
      new ResultPrinter(spec.commandLine().getOut()).print(result, format, maxRows);
    } finally {
      // a session that goes on (tests, a shell) reads the tables themselves again
      views.keySet().forEach(lake.spark().catalog()::dropTempView);
    }
    return 0;
  }
}
