package io.i94lake.cluster;

import io.i94lake.core.Folders;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on this machine: Spark's own master and workers, each a JVM started from this
 * process's Spark jars, all on 127.0.0.1 (RPC, web UIs and executors: {@code SPARK_LOCAL_IP}). The seed's
 * "start, wait, run, terminate" of a cluster, for one machine.
 */
public final class LocalCluster {
  public static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  public static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
  private static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final String DAEMON_HEAP = "-Xmx512m";

  private LocalCluster() {}

  /** The cluster started from a folder and not stopped, if any. */
  public static Optional<ClusterState> find(Path folder) {
    return ClusterState.load(folder.toAbsolutePath().normalize());
  }

  /** Starts a master and its workers, waits until every worker has registered, and records them in the folder. */
  public static ClusterState start(ClusterOptions options, Consumer<String> progress) {
    Path folder = options.folder();
    Optional<ClusterState> running = find(folder);
    if (running.isPresent() && running.get().pids().stream().anyMatch(LocalCluster::isClusterProcess)) {
      throw new IllegalStateException("Cannot start a cluster in " + folder + ": one runs there already (master "
          + running.get().masterUrl() + "); stop it with `i94lake cluster stop`");
    }
    Path sparkHome = SparkHome.prepare(folder);
    Path logs = createFolder(folder.resolve("logs"));
    Ports ports = new Ports();
    int port = ports.choose(options.port(), "master port", progress);
    int webUiPort = ports.choose(options.webUiPort(), "master web UI port", progress);
    String masterUrl = "spark://" + HOST + ":" + port;
    String masterWebUrl = "http://" + HOST + ":" + webUiPort;
    Map<String, String> environment = Map.of(
        "SPARK_HOME", sparkHome.toString(),
        "SPARK_SCALA_VERSION", "2.13",
        "SPARK_LOCAL_IP", HOST,
        "SPARK_LOCAL_DIRS", createFolder(folder.resolve("local")).toString());

    List<Daemon> started = new ArrayList<>();
    try {
      Path masterLog = logs.resolve("master.log");
      // no REST submission server: it would listen on a fixed port (6066) and take jobs from anyone who reaches it
      Process master = launch(sparkHome, environment, masterLog, List.of("-Dspark.master.rest.enabled=false", MASTER_CLASS,
          "--host", HOST, "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort)));
      started.add(new Daemon("the master", master, masterLog));
      progress.accept("master " + masterUrl + " (pid " + master.pid() + ", web UI " + masterWebUrl + ", log " + masterLog + ")");

      List<ClusterState.WorkerProcess> workers = new ArrayList<>();
      for (int number = 1; number <= options.workers(); number++) {
        int workerWebUiPort = ports.free();
        Path workerLog = logs.resolve("worker-" + number + ".log");
        Process worker = launch(sparkHome, environment, workerLog, List.of(WORKER_CLASS,
            "--host", HOST, "--webui-port", Integer.toString(workerWebUiPort),
            "--cores", Integer.toString(options.coresPerWorker()), "--memory", options.memoryPerWorker(),
            "--work-dir", createFolder(folder.resolve("work/worker-" + number)).toString(), masterUrl));
        started.add(new Daemon("worker " + number, worker, workerLog));
        workers.add(new ClusterState.WorkerProcess(worker.pid(), "http://" + HOST + ":" + workerWebUiPort, workerLog));
        progress.accept("worker " + number + " (pid " + worker.pid() + ", cores " + options.coresPerWorker() + ", memory "
            + options.memoryPerWorker() + ", log " + workerLog + ")");
      }
      ClusterState state = new ClusterState(masterUrl, masterWebUrl, master.pid(), workers, options.coresPerWorker(),
          options.memoryPerWorker(), Instant.now());
      state.save(folder);
      awaitWorkers(state, started, progress);
      return state;
    } catch (RuntimeException e) {
      started.forEach(daemon -> stopProcess(daemon.process().toHandle()));
      ClusterState.delete(folder);
      throw e;
    }
  }

  /** Stops the workers (and their executors), then the master, and removes the state file and scratch folders. */
  public static List<String> stop(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    Optional<ClusterState> found = find(absolute);
    if (found.isEmpty()) {
      return List.of("no cluster was started from " + absolute);
    }
    ClusterState state = found.get();
    List<String> report = new ArrayList<>();
    for (int index = 0; index < state.workers().size(); index++) {
      report.add("worker " + (index + 1) + " (pid " + state.workers().get(index).pid() + "): "
          + stopIfOurs(state.workers().get(index).pid()));
    }
    report.add("master " + state.masterUrl() + " (pid " + state.masterPid() + "): " + stopIfOurs(state.masterPid()));
    ClusterState.delete(absolute);
    for (String scratch : List.of("spark-home", "work", "local")) {
      Folders.delete(absolute.resolve(scratch));
    }
    return report;
  }

  /** True when the process runs and is a Spark master or worker (not another process that got the same id). */
  public static boolean isClusterProcess(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .flatMap(handle -> handle.info().commandLine())
        .filter(command -> command.contains(MASTER_CLASS) || command.contains(WORKER_CLASS))
        .isPresent();
  }

  private static String stopIfOurs(long pid) {
    if (!isClusterProcess(pid)) {
      return "not running";
    }
    return ProcessHandle.of(pid).map(LocalCluster::stopProcess).orElse("not running");
  }

  private static String stopProcess(ProcessHandle process) {
    List<ProcessHandle> executors = process.descendants().toList();
    process.destroy();
    String how = "stopped";
    try {
      process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      how = "killed (it did not stop within " + STOP_TIMEOUT.toSeconds() + " s)";
    }
    executors.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return how;
  }

  private static void awaitWorkers(ClusterState state, List<Daemon> daemons, Consumer<String> progress) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String lastError = "no answer yet";
    while (System.nanoTime() < deadline) {
      for (Daemon daemon : daemons) {
        if (!daemon.process().isAlive()) {
          throw new IllegalStateException("Cannot start the cluster: " + daemon.name() + " ended with exit code "
              + daemon.process().exitValue() + "; the end of " + daemon.log() + ":" + System.lineSeparator()
              + ClusterFiles.tail(daemon.log(), 20));
        }
      }
      try {
        MasterStatus status = MasterStatus.fetch(state.masterWebUrl());
        if ("ALIVE".equals(status.state()) && status.aliveWorkers() >= state.workers().size()) {
          progress.accept("ready: " + status.aliveWorkers() + " workers registered with " + state.masterUrl());
          return;
        }
        lastError = status.aliveWorkers() + " of " + state.workers().size() + " workers registered";
      } catch (IOException e) {
        lastError = e.getMessage();
      }
      sleep(Duration.ofMillis(300));
    }
    throw new IllegalStateException("Cannot start the cluster: it was not ready after " + READY_TIMEOUT.toSeconds()
        + " s (" + lastError + "); see the logs in " + daemons.get(0).log().getParent());
  }

  /** A started master or worker, named as messages name it. */
  private record Daemon(String name, Process process, Path log) {}

  private static Process launch(Path sparkHome, Map<String, String> environment, Path log, List<String> arguments) {
    List<String> command = new ArrayList<>();
    // its own session: the cluster outlives this command and a Ctrl-C in the terminal that started it
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags());
    command.add(DAEMON_HEAP);
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + File.separator + "*");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + String.join(" ", arguments) + ": " + e.getMessage(), e);
    }
  }

  /** The launcher's JVM flags (config/jvm.args), else Spark's own list of module options. */
  private static List<String> jvmFlags() {
    String home = System.getProperty("i94lake.home", System.getenv().getOrDefault("I94LAKE_HOME", "."));
    Path jvmArgs = Path.of(home, "config", "jvm.args").toAbsolutePath().normalize();
    if (Files.isRegularFile(jvmArgs)) {
      return List.of("@" + jvmArgs);
    }
    return Arrays.asList(JavaModuleOptions.defaultModuleOptionArray());
  }

  /**
   * The ports of one start's daemons, never the same twice: a port is found free by opening and closing a socket
   * on it, and the system may hand the same port out again to the next probe (the master's RPC and web UI once
   * got the same port, and the master never came up).
   */
  private static final class Ports {
    private final Set<Integer> chosen = new HashSet<>();

    int choose(int requested, String what, Consumer<String> progress) {
      if (requested == 0) {
        return free();
      }
      if (!chosen.contains(requested)) {
        try (ServerSocket socket = new ServerSocket(requested, 1, InetAddress.getByName(HOST))) {
          chosen.add(requested);
          return requested;
        } catch (IOException taken) {
          // another port below
        }
      }
      int port = free();
      progress.accept(what + " " + requested + " is taken: using " + port);
      return port;
    }

    int free() {
      while (true) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
          if (chosen.add(socket.getLocalPort())) {
            return socket.getLocalPort();
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
      }
    }
  }

  private static Path createFolder(Path folder) {
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the cluster folder " + folder, e);
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the cluster", e);
    }
  }
}
