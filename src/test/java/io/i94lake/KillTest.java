package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunSummary;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run killed with SIGKILL in the middle of writing leaves readers exactly where they were. */
class KillTest {
  private static Map<String, Long> mainSnapshots(Lake lake) {
    Map<String, Long> snapshots = new TreeMap<>();
    Pipeline.TABLE_ORDER.stream().filter(lake::hasTable)
        .forEach(table -> snapshots.put(table, lake.icebergTable(table).currentSnapshot().snapshotId()));
    return snapshots;
  }

  /** The command line in a child JVM with this test's class path and the launcher's JVM flags. */
  private static Process childRun(Path lake) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Fixtures.home().resolve("config/jvm.args"),
        "-Di94lake.home=" + Fixtures.home(),
        "-cp", System.getProperty("java.class.path"),
        "io.i94lake.cli.Main", "run", "--lake", lake.toString(), "--raw", Fixtures.sampleRaw().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  @Test
  void aRunKilledWhileWritingChangesNothingReadersSee() throws Exception {
    Path folder = Fixtures.newFolder("kill-lake");
    Fixtures.run(Fixtures.sampleRaw(), folder);
    Lake lake = Lake.open(Fixtures.spark(), folder.toString());
    Map<String, Long> before = mainSnapshots(lake);
    long arrivalsBefore = lake.read("immigration").count();

    Process child = childRun(folder);
    String killedAfter = null;
    try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.contains("wrote ")) {
          killedAfter = line;
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(killedAfter).as("the child was killed after its first table write").isNotNull();
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    assertThat(mainSnapshots(lake)).as("main of every table after the kill").isEqualTo(before);
    assertThat(lake.read("immigration").count()).isEqualTo(arrivalsBefore);
    assertThat(LakeLock.holder(lake.warehouse())).as("the dead run's lock is still there").isPresent();

    RunSummary next = Fixtures.run(Fixtures.sampleRaw(), folder);

    assertThat(next.succeeded()).isTrue();
    String killedRun = new RunHistory(lake).runs().filter("error like '%ended before the run finished%'")
        .select("run_id").as(org.apache.spark.sql.Encoders.STRING()).first();
    assertThat(killedRun).as("the killed run is in the history as failed").isNotNull();
    assertThat(lake.read("immigration").count()).isEqualTo(arrivalsBefore);
  }
}
