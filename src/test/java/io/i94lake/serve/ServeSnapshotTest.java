package io.i94lake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.Fixtures;
import io.i94lake.core.FailureCategory;
import io.i94lake.engine.LakeReading;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The server follows {@code main}: a new publish is seen by the next request, a failed run changes nothing. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeSnapshotTest {
  private static Path lakeFolder;
  private static SparkLake lake;
  private static ServeServer server;
  private static ServeClient client;

  @BeforeAll
  static void serveAFreshLake() {
    lakeFolder = Fixtures.newFolder("serve-snapshot-lake");
    Fixtures.run(Fixtures.sampleRaw(), lakeFolder);
    lake = SparkLake.open(Fixtures.spark(), lakeFolder.toString());
    server = ServeServer.start(LakeReading.of(lake.lake()), "127.0.0.1", 0, Tokens.NONE, Duration.ZERO);
    client = new ServeClient(server.port());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static long mainSnapshot() {
    return lake.lake().icebergTable("immigration").currentSnapshot().snapshotId();
  }

  private static long servedSnapshot() {
    return client.json("/api/arrivals").at("/snapshots/immigration").asLong();
  }

  @Test
  @Order(1)
  void theNextRequestAfterAPublishSeesTheNewSnapshot() {
    long before = servedSnapshot();
    assertThat(before).isEqualTo(mainSnapshot());
    RunSummary second = Fixtures.run(Fixtures.sampleRaw(), lakeFolder);
    assertThat(mainSnapshot()).as("the second run published a new snapshot").isNotEqualTo(before);
    assertThat(servedSnapshot()).isEqualTo(mainSnapshot());
    assertThat(client.json("/api/snapshot").get("published_by_run").asText()).isEqualTo(second.runId());
    assertThat(client.json("/api/arrivals").get("total").asLong()).isEqualTo(1000);
  }

  @Test
  @Order(2)
  void aFailedRunChangesNothingVisible() {
    long before = servedSnapshot();
    String answerBefore = client.get("/api/arrivals?top=20").body();
    RunSummary failed = Fixtures.attempt(Fixtures.options(Fixtures.sampleWithUnknownPorts("serve-unknown-ports"), lakeFolder));
    assertThat(failed.failure().category()).isEqualTo(FailureCategory.CHECK_FAILED);
    assertThat(servedSnapshot()).isEqualTo(before).isEqualTo(mainSnapshot());
    assertThat(client.get("/api/arrivals?top=20").body()).isEqualTo(answerBefore);
    assertThat(client.json("/api/runs").at("/runs/0/run_id").asText()).as("the failed run is in the pipeline status")
        .isEqualTo(failed.runId());
    assertThat(client.json("/api/runs").at("/runs/0/state").asText()).isEqualTo("FAILED");
  }

}
