package io.i94lake;

import io.i94lake.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in this JVM (on the shared Spark session) and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {
  public static Cli run(String... args) {
    return run(Map.of(), args);
  }

  public static Cli run(Map<String, String> environment, String... args) {
    Fixtures.spark();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Cli(exitCode, out.toString(), err.toString());
  }
}
