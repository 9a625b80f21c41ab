package io.i94lake.cli;

import io.i94lake.core.Messages;
import io.i94lake.core.PipelineException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code i94lake} command line. */
@Command(name = "i94lake", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A data lake of US arrivals (I-94) with weather, demographics and airports.",
    subcommands = {RunCommand.class, SqlCommand.class, RunsCommand.class, CheckCommand.class, RollbackCommand.class,
        MaintainCommand.class, ScheduleCommand.class, ClusterCommand.class, GenerateCommand.class, ServeCommand.class, PublishCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final int FAILED = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(System.getenv(), out, err, args));
  }

  /** Runs a command line and returns its exit code. */
  public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main()).setOut(out).setErr(err);
    // a query may begin with an SQL comment: "-- the busiest ports ..."
    commandLine.getSubcommands().get("sql").setUnmatchedOptionsArePositionalParams(true);
    commandLine.setDefaultValueProvider(new Settings(environment));
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) ->
        report(exception, line.getErr(), parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose")));
    return commandLine.execute(args);
  }

  private static int report(Exception exception, PrintWriter err, boolean verbose) {
    if (exception instanceof PipelineException failure) {
      err.println("i94lake: " + failure.category() + ": " + failure.getMessage());
      return failure.category().exitCode();
    }
    err.println("i94lake: " + Messages.firstLine(exception));
    if (verbose) {
      exception.printStackTrace(err);
    } else {
      err.println("(run with --verbose for the stack trace)");
    }
    return FAILED;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"i94lake " + (version == null ? "(development build)" : version)};
    }
  }
}
