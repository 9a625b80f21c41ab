package io.i94lake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.i94lake.Cli;
import io.i94lake.Fixtures;
import io.i94lake.core.TableCatalog;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.Pipeline;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Spark standalone cluster of two one-core workers, started as {@code i94lake cluster start} starts it;
 * the command line runs the pipeline on it from its own JVM (the driver), with executors in the workers' JVMs,
 * and gets the same tables as a local run.
 */
@Tag("isolated")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRunTest {
  private static Path folder;
  private static ClusterState cluster;

  @BeforeAll
  static void startCluster() {
    folder = Fixtures.newFolder("cluster");
    Cli started = Cli.run("cluster", "start", "--workers", "2", "--cores", "1", "--memory", "1g",
        "--port", "0", "--web-ui-port", "0", "--dir", folder.toString());
    assertThat(started.exitCode()).as("cluster start: %s%s", started.out(), started.err()).isZero();
    cluster = LocalCluster.find(folder).orElseThrow();
  }

  @AfterAll
  static void stopCluster() {
    if (folder != null) {
      LocalCluster.stop(folder);
    }
  }

  @Test
  @Order(1)
  void theClusterHasTwoWorkersListeningOnLoopbackOnly() throws IOException {
    Cli status = Cli.run("cluster", "status", "--dir", folder.toString());

    assertThat(status.exitCode()).as(status.out()).isZero();
    assertThat(status.out()).contains("master    " + cluster.masterUrl(), "ALIVE")
        .containsPattern("worker 1  pid \\d+  ALIVE  127\\.0\\.0\\.1  cores 1 \\(0 used\\)  memory 1,024 MiB")
        .containsPattern("worker 2  pid \\d+  ALIVE");
    assertThat(MasterStatus.fetch(cluster.masterWebUrl()).workers()).hasSize(2)
        .allSatisfy(worker -> assertThat(worker.host()).isEqualTo("127.0.0.1"));
    Optional<InetAddress> otherAddress = nonLoopbackAddress();
    for (String url : Stream.concat(Stream.of(cluster.masterUrl(), cluster.masterWebUrl()),
        cluster.workers().stream().map(ClusterState.WorkerProcess::webUrl)).toList()) {
      int port = URI.create(url).getPort();
      otherAddress.ifPresent(address -> assertThatThrownBy(() -> connect(address, port))
          .as("%s reached through %s", url, address).isInstanceOf(IOException.class));
    }
  }

  @Test
  @Order(2)
  void aRunOnTheClusterGivesTheSameTablesAsALocalRun() throws Exception {
    Path lake = Fixtures.newFolder("cluster-lake");
    Path log = folder.resolve("driver.log");

    Process driver = driver(lake, log);
    // the local run meanwhile, in this JVM (other test classes may have built it already)
    Map<String, String> local = checksums(Fixtures.sampleLake().folder());

    assertThat(driver.waitFor(10, TimeUnit.MINUTES)).as("the driver ended").isTrue();
    String output = Files.readString(log);
    assertThat(driver.exitValue()).as("exit code of the driver; its output:%n%s", output).isZero();
    assertThat(output).contains("published");
    assertThat(MasterStatus.fetch(cluster.masterWebUrl()).completedApplications())
        .as("the run, as the master saw it: executors on both one-core workers")
        .anySatisfy(application -> {
          assertThat(application.name()).isEqualTo("i94lake");
          assertThat(application.cores()).isEqualTo(2);
        });
    for (int worker = 1; worker <= 2; worker++) {
      try (Stream<Path> applications = Files.list(folder.resolve("work/worker-" + worker))) {
        assertThat(applications.map(path -> path.getFileName().toString())).as("executors of worker %d", worker)
            .anyMatch(name -> name.startsWith("app-"));
      }
    }

    Map<String, String> onCluster = checksums(lake);
    assertThat(onCluster).as("rows and checksum of every table, cluster run").isEqualTo(local);
    assertThat(local.get("immigration")).startsWith("1000 rows");
  }

  @Test
  @Order(3)
  void stopEndsEveryProcessAndStatusSaysSo() {
    List<Long> pids = cluster.pids();

    Cli stopped = Cli.run("cluster", "stop", "--dir", folder.toString());

    assertThat(stopped.exitCode()).isZero();
    assertThat(stopped.out()).contains("worker 1", "worker 2", "master " + cluster.masterUrl());
    assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid).isEmpty());
    assertThat(folder.resolve(ClusterState.FILE_NAME)).doesNotExist();
    Cli status = Cli.run("cluster", "status", "--dir", folder.toString());
    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.out()).contains("no cluster was started from " + folder);
  }

  /** The command line in its own JVM (the driver), on the cluster, with this test's class path. */
  private static Process driver(Path lake, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Fixtures.home().resolve("config/jvm.args"), "-Xmx1g",
        "-Di94lake.home=" + Fixtures.home(),
        "-cp", System.getProperty("java.class.path"),
        "io.i94lake.cli.Main", "run", "--master", cluster.masterUrl(),
        "--lake", lake.toString(), "--raw", Fixtures.sampleRaw().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** Per table: its row count and the sum of a hash of every column of every row (independent of row order). */
  private static Map<String, String> checksums(Path lakeFolder) {
    SparkLake lake = SparkLake.open(Fixtures.spark(), lakeFolder.toString());
    Map<String, String> checksums = new LinkedHashMap<>();
    for (String table : TableCatalog.publishedNames()) {
      Dataset<Row> rows = lake.read(table);
      String columns = Arrays.stream(rows.columns()).map(column -> "`" + column + "`").collect(Collectors.joining(", "));
      Row result = rows.selectExpr("count(*)", "sum(cast(xxhash64(" + columns + ") AS DECIMAL(38, 0)))").first();
      checksums.put(table, result.getLong(0) + " rows, checksum " + result.get(1));
    }
    return checksums;
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces().filter(network -> {
      try {
        return network.isUp() && !network.isLoopback();
      } catch (IOException e) {
        return false;
      }
    }).flatMap(NetworkInterface::inetAddresses).filter(address -> address instanceof Inet4Address).findFirst();
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
    }
  }
}
