package io.i94lake.cli;

import io.i94lake.cluster.ClusterOptions;
import io.i94lake.cluster.ClusterState;
import io.i94lake.cluster.LocalCluster;
import io.i94lake.cluster.MasterStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code i94lake cluster start|stop|status}: a Spark standalone cluster on this machine, for {@code run --master spark://…}. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class},
    description = {"A Spark standalone cluster on this machine: Spark's own master and workers as separate JVMs on 127.0.0.1.",
        "Then: i94lake run --master <the master URL that start prints>."})
public final class ClusterCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: start, stop or status");
  }

  /** The folder holding the cluster's state file, logs and scratch space. */
  static final class Folder {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "cluster",
        description = "Folder of the cluster's state file (URLs, process ids), logs and scratch space (default: ${DEFAULT-VALUE}).")
    Path folder;
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Starts a master and workers, waits until every worker has registered, and prints the master URL.")
  static final class Start implements Callable<Integer> {
    @CommandLine.Mixin
    Folder folder;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Workers to start (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--cores", paramLabel = "N", defaultValue = "1", description = "Cores per worker (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "2g",
        description = "Memory per worker for its executors, e.g. 512m, 4g (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ClusterOptions.DEFAULT_PORT,
        description = "The master's port; 0 or a taken port: any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--web-ui-port", paramLabel = "PORT", defaultValue = "" + ClusterOptions.DEFAULT_WEB_UI_PORT,
        description = "The master's web UI port, on 127.0.0.1; 0 or a taken port: any free one (default: ${DEFAULT-VALUE}).")
    int webUiPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ClusterOptions options = new ClusterOptions(folder.folder, workers, cores, memory, port, webUiPort);
      out.printf("i94lake cluster: starting a master and %d workers in %s%n", workers, options.folder());
      ClusterState state = LocalCluster.start(options, message -> {
        out.println("  " + message);
        out.flush();
      });
      out.printf("%ncluster ready: %s%nrun on it:     ./i94lake run --master %s%nstop it:      ./i94lake cluster stop%s%n",
          state.masterUrl(), state.masterUrl(), folder.folder.equals(Path.of("cluster")) ? "" : " --dir " + folder.folder);
      return 0;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stops the workers (and their executors) and the master, and removes the cluster's state and scratch space.")
  static final class Stop implements Callable<Integer> {
    @CommandLine.Mixin
    Folder folder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      LocalCluster.stop(folder.folder).forEach(line -> out.println("i94lake cluster: " + line));
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {"Shows the master URL, each worker with its cores and memory, whether each is alive, and running applications.",
          "Exits 0 when the master and every worker are alive, else 1."})
  static final class Status implements Callable<Integer> {
    @CommandLine.Mixin
    Folder folder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<ClusterState> found = LocalCluster.find(folder.folder);
      if (found.isEmpty()) {
        out.println("no cluster was started from " + folder.folder.toAbsolutePath().normalize()
            + " (start one with `i94lake cluster start`)");
        return Main.FAILED;
      }
      ClusterState state = found.get();
      Optional<MasterStatus> master = Optional.empty();
      String masterError = "";
      try {
        master = Optional.of(MasterStatus.fetch(state.masterWebUrl()));
      } catch (IOException e) {
        masterError = " (" + e.getMessage() + ")";
      }
      boolean allAlive = LocalCluster.isClusterProcess(state.masterPid()) && master.isPresent();
      out.printf("master    %s  pid %d  %s  web UI %s  started %s%n", state.masterUrl(), state.masterPid(),
          master.map(MasterStatus::state).orElse("DOWN" + masterError), state.masterWebUrl(), state.started());
      for (int index = 0; index < state.workers().size(); index++) {
        ClusterState.WorkerProcess worker = state.workers().get(index);
        boolean processAlive = LocalCluster.isClusterProcess(worker.pid());
        Optional<MasterStatus.Worker> registered = master.flatMap(status -> status.workers().stream()
            .filter(known -> known.webUrl().equals(worker.webUrl()) && known.alive()).findFirst());
        allAlive &= processAlive && registered.isPresent();
        out.printf("worker %d  pid %d  %s  %s%n", index + 1, worker.pid(),
            !processAlive ? "DOWN" : registered.isEmpty() ? "NOT REGISTERED" : "ALIVE",
            registered.map(known -> String.format("%s  cores %d (%d used)  memory %,d MiB (%,d used)  web UI %s", known.host(),
                known.cores(), known.coresUsed(), known.memoryMib(), known.memoryUsedMib(), known.webUrl()))
                .orElse("cores " + state.coresPerWorker() + ", memory " + state.memoryPerWorker() + "  log " + worker.log()));
      }
      master.ifPresent(status -> status.activeApplications().forEach(application -> out.printf(
          "running   %s %s  cores %d%n", application.id(), application.name(), application.cores())));
      return allAlive ? 0 : Main.FAILED;
    }
  }
}
