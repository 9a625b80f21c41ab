package io.i94lake.cli;

import io.i94lake.engine.SparkLake;
import io.i94lake.warehouse.WarehousePublisher;
import io.i94lake.warehouse.WarehouseTarget;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code i94lake publish --jdbc URL}: copies what the lake's readers see into PostgreSQL for BI tools. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Copies the published dimension and analytics tables (and with --with-facts immigration and immigrant) "
        + "into a PostgreSQL schema, with primary keys and indexes.",
        "Readers of the schema see the previous copy until the new one is complete, then the new one at once."})
public final class PublishCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  // the long names are the settings' keys, shared with `run`'s automatic publish: publish-jdbc, I94LAKE_PUBLISH_JDBC, …
  @Option(names = {"--jdbc", "--publish-jdbc"}, paramLabel = "URL",
      description = "The PostgreSQL database: jdbc:postgresql://host:port/database.")
  String jdbcUrl;

  @Option(names = {"--user", "--publish-user"}, paramLabel = "USER", description = "Database user (or in the URL).")
  String user;

  @Option(names = {"--password", "--publish-password"}, paramLabel = "PASSWORD",
      description = "Database password (or in the URL, or I94LAKE_PUBLISH_PASSWORD).")
  String password;

  @Option(names = {"--schema", "--publish-schema"}, paramLabel = "SCHEMA", defaultValue = WarehouseTarget.DEFAULT_SCHEMA,
      description = "The schema BI tools read (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = {"--with-facts", "--publish-with-facts"}, arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Also copy the facts immigration and immigrant (one row per arrival).")
  boolean withFacts;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (jdbcUrl == null) {
      throw new ParameterException(spec.commandLine(), "Missing --jdbc jdbc:postgresql://host:port/database (or the setting publish-jdbc)");
    }
    SparkLake lake = lakeOptions.openExistingLake();
    PrintWriter out = spec.commandLine().getOut();
    print(publish(lake, new WarehouseTarget(jdbcUrl, user, password, schema), withFacts, out), out);
    return 0;
  }

  static WarehousePublisher.Result publish(SparkLake lake, WarehouseTarget target, boolean withFacts, PrintWriter out) {
    out.printf("i94lake publish: lake %s -> %s%n", lake.lake().warehouse(), target.describe());
    out.flush();
    long started = System.nanoTime();
    return new WarehousePublisher(lake, message -> {
      out.printf("  %6.1f s  %s%n", (System.nanoTime() - started) / 1e9, message);
      out.flush();
    }).publish(target, withFacts);
  }

  static void print(WarehousePublisher.Result result, PrintWriter out) {
    out.printf("published %d tables, %,d rows, to %s in %.1f s%n", result.tables().size(), result.rows(),
        result.target().describe(), result.elapsed().toMillis() / 1000.0);
    out.flush();
  }
}
