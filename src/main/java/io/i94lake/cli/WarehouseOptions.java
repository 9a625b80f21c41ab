package io.i94lake.cli;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.Messages;
import io.i94lake.core.PipelineException;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.warehouse.WarehouseTarget;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The warehouse that {@code run} and {@code schedule} copy the lake to after each run that published, as
 * {@code i94lake publish} does; off unless {@code --publish-jdbc} (or the setting {@code publish-jdbc}) is given.
 */
public final class WarehouseOptions {
  @Option(names = "--publish-jdbc", paramLabel = "URL",
      description = "After each run that published, copy the lake to this PostgreSQL database as `i94lake publish` does.")
  String jdbcUrl;

  @Option(names = "--publish-user", paramLabel = "USER", description = "User for --publish-jdbc.")
  String user;

  @Option(names = "--publish-password", paramLabel = "PASSWORD", description = "Password for --publish-jdbc.")
  String password;

  @Option(names = "--publish-schema", paramLabel = "SCHEMA", defaultValue = WarehouseTarget.DEFAULT_SCHEMA,
      description = "Schema for --publish-jdbc (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--publish-with-facts", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "With --publish-jdbc, also copy immigration and immigrant.")
  boolean withFacts;

  boolean configured() {
    return jdbcUrl != null;
  }

  WarehouseTarget target() {
    return new WarehouseTarget(jdbcUrl, user, password, schema);
  }

  /** Copies what a run published to the warehouse; a failure says that the lake itself is published. */
  void copy(SparkLake lake, RunSummary published, PrintWriter out) {
    out.println();
    try {
      PublishCommand.print(PublishCommand.publish(lake, target(), withFacts, out), out);
    } catch (RuntimeException e) {
      throw new PipelineException(FailureCategory.WRITE_FAILED, "Run " + published.runId() + " published to the lake, but "
          + "copying it to the warehouse failed: " + Messages.firstLine(e) + "; retry with `i94lake publish`", e);
    }
  }
}
