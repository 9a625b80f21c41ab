package io.i94lake.cli;

import io.i94lake.engine.LakeReading;
import io.i94lake.serve.ServeServer;
import io.i94lake.serve.Tokens;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code i94lake serve}: the JSON API and the dashboard over the lake's published tables, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the lake's published tables: a JSON API (public aggregates; one arrival and lists for "
        + "regulators with a token) and a web dashboard, until stopped (Ctrl-C). Answers come from DuckDB, in this "
        + "process, without Spark."})
public final class ServeCommand implements Callable<Integer> {
  @Mixin
  LakeOptions lakeOptions;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--serve-tokens", paramLabel = "USER=TOKEN,...",
      description = "Regulators' bearer tokens, e.g. alice=TOKEN,bob=TOKEN2; better from I94LAKE_SERVE_TOKENS or "
          + "the properties key serve-tokens than on the command line.")
  String serveTokens;

  @Option(names = "--tokens-file", paramLabel = "FILE", description = "A file of regulators' tokens, one user=TOKEN a line.")
  Path tokensFile;

  @Option(names = "--refresh-interval", paramLabel = "DURATION", defaultValue = "1s", converter = Durations.class,
      description = "How often to look for a newly published snapshot; 0s looks at every request (default: ${DEFAULT-VALUE}).")
  Duration refreshInterval;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Tokens tokens = Tokens.NONE;
    if (serveTokens != null && !serveTokens.isBlank()) {
      tokens = tokens.and(Tokens.parse(serveTokens, "--serve-tokens"));
    }
    if (tokensFile != null) {
      tokens = tokens.and(Tokens.read(tokensFile));
    }
    PrintWriter out = spec.commandLine().getOut();
    LakeReading lake = lakeOptions.openForReading();
    out.printf("i94lake serve: loading lake %s ...%n", lakeOptions.lake);
    ServeServer server = ServeServer.start(lake, host, port, tokens, refreshInterval);
    out.printf("i94lake serve: %s%n", server.describe());
    out.printf("i94lake serve: dashboard at http://%s:%d/ (%d regulator token%s)%n", host, server.port(),
        tokens.tokenByUser().size(), tokens.tokenByUser().size() == 1 ? "" : "s");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
