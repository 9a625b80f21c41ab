package io.i94lake.cli;

import io.i94lake.engine.DuckDbReader;
import io.i94lake.engine.EngineChoice;
import io.i94lake.engine.SparkReadOnlyStatement;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.TimeTravel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code i94lake sql}: one read-only query over the lake's published tables, on DuckDB or Spark. */
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

  @Option(names = "--engine", paramLabel = "ENGINE",
      description = "duckdb (DuckDB SQL, in this process, about a second) or spark (Spark SQL) (default: duckdb for a lake "
          + "folder without --master; spark for a lake on S3, a cluster or spark-submit).")
  EngineChoice engine;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000",
      description = "At most this many rows in table format; csv and json print all (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException, SQLException {
    if (maxRows < 0) {
      throw new ParameterException(spec.commandLine(),
          "--max-rows " + maxRows + " is negative: give the most rows to show in table format, 0 or more");
    }
    if ((query == null) == (file == null)) {
      throw new ParameterException(spec.commandLine(), "Give the SQL statement either as QUERY or with --file, not both or neither");
    }
    String statement = query != null ? query : Files.readString(file);
    ResultPrinter printer = new ResultPrinter(spec.commandLine().getOut());
    if (lakeOptions.engine(engine) == EngineChoice.duckdb) {
      try (DuckDbReader reader = DuckDbReader.open(() -> lakeOptions.openForReading().tables(asOf), lakeOptions.duckDbSettings());
           ResultSet result = reader.query(statement)) {
        printer.print(ResultPrinter.answer(result), format, maxRows);
      }
      return 0;
    }
    SparkLake lake = lakeOptions.openExistingLake();
    SparkReadOnlyStatement.require(lake.spark(), statement);
    Map<String, Long> views = TimeTravel.viewTables(lake, asOf);
    try {
      printer.print(ResultPrinter.answer(lake.spark().sql(statement)), format, maxRows);
    } finally {
      // a session that goes on (tests, a shell) reads the tables themselves again
      views.keySet().forEach(lake.spark().catalog()::dropTempView);
    }
    return 0;
  }
}
