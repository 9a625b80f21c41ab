package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.engine.SparkLake;
import io.i94lake.lake.LakeLock;
import io.i94lake.pipeline.RunHistory;
import io.i94lake.pipeline.RunRecord;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lock whose holder is gone never blocks the lake: it is taken over, with a message, and its run recorded. */
class LockTakeoverTest {
  private static Path lockOf(Path lake) {
    return lake.resolve("_i94lake_run.lock");
  }

  private static Path newLake(String name) {
    Path folder = Fixtures.newFolder(name);
    SparkLake.open(Fixtures.spark(), folder.toString());
    return folder;
  }

  private static String lockText(String runId, long pid, Instant since, Instant heartbeat, Instant processStart) throws Exception {
    return "run=" + runId + "\npid=" + pid + "\nhost=" + InetAddress.getLocalHost().getHostName() + "\nsince=" + since
        + "\nheartbeat=" + heartbeat + (processStart == null ? "" : "\nprocess_start=" + processStart) + "\n";
  }

  private static long deadPid() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    return finished.pid();
  }

  @Test
  void aDeadRunIsRecordedAsFailedWithItsRealDurationAndRunsNeverShowsItRunning() throws Exception {
    Path lake = newLake("dead-lock");
    Instant since = Instant.now().minus(Duration.ofHours(3));
    Files.writeString(lockOf(lake), lockText("20261205T080000Z-dead01", deadPid(), since, since.plusSeconds(42), null));

    Cli runs = Cli.run("runs", "--lake", lake.toString(), "--format", "csv");

    assertThat(runs.exitCode()).as(runs.err()).isZero();
    assertThat(runs.out()).doesNotContain("now running").contains("20261205T080000Z-dead01,manual,FAILED");
    assertThat(runs.err()).contains("took over the lock of run 20261205T080000Z-dead01", "recorded it as failed");
    RunRecord dead = new RunHistory(SparkLake.open(Fixtures.spark(), lake.toString()).lake()).run("20261205T080000Z-dead01").orElseThrow();
    assertThat(dead.seconds()).as("from its start to its last heartbeat, not to when it was noticed").isEqualTo(42.0);
    assertThat(lockOf(lake)).doesNotExist();
  }

  @Test
  void anEmptyOrUnreadableLockFileIsTakenOver() throws Exception {
    for (String content : new String[] {"", "run=\npid=x\n\u0000\u0001"}) {
      Path lake = newLake("broken-lock");
      Files.writeString(lockOf(lake), content);

      try (LakeLock lock = LakeLock.acquire(SparkLake.open(Fixtures.spark(), lake.toString()).lake(), "20261205T090000Z-next01", Duration.ZERO)) {
        assertThat(lock.abandoned()).as("lock file '%s'", content).isPresent();
        assertThat(lock.abandoned().get().toString()).contains("unreadable lock");
      }
      assertThat(lockOf(lake)).doesNotExist();
    }
  }

  @Test
  void aProcessIdReusedByAnotherProcessDoesNotKeepTheLock() throws Exception {
    Process impostor = new ProcessBuilder("sleep", "60").start();
    try {
      Path lake = newLake("reused-pid-lock");
      Instant since = Instant.now().minusSeconds(600);
      Files.writeString(lockOf(lake), lockText("20261205T100000Z-old001", impostor.pid(), since, since,
          Instant.parse("2001-01-01T00:00:00Z")));

      try (LakeLock lock = LakeLock.acquire(SparkLake.open(Fixtures.spark(), lake.toString()).lake(), "20261205T100500Z-next01", Duration.ZERO)) {
        assertThat(lock.abandoned()).as("process %d started long after the lock was taken", impostor.pid()).isPresent();
      }
    } finally {
      impostor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLiveHolderKeepsItsLock() throws Exception {
    Process holder = new ProcessBuilder("sleep", "60").start();
    try {
      Path lake = newLake("live-lock");
      Instant started = holder.info().startInstant().orElseThrow();
      Files.writeString(lockOf(lake), lockText("20261205T110000Z-live01", holder.pid(), started, started, started));

      Cli run = Cli.run("run", "--lake", lake.toString(), "--raw", Fixtures.sampleRaw().toString());

      assertThat(run.exitCode()).as("exit code of COMMIT_CONFLICT").isEqualTo(6);
      assertThat(run.err()).contains("run 20261205T110000Z-live01", "is writing the lake");
      assertThat(lockOf(lake)).exists();
    } finally {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
