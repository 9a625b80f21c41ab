package io.i94lake.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.i94lake.Cli;
import io.i94lake.Fixtures;
import io.i94lake.core.TableCatalog;
import io.i94lake.engine.LakeReading;
import io.i94lake.engine.SparkLake;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What serve answers from: only a published run, each version in a DuckDB database of its own, and a version a
 * newer one replaced closed once the requests answering from it are done.
 */
class ServeVersionsTest {
  @Test
  void aLakeNoRunHasPublishedIsRefusedSayingHowToLoadIt() {
    Path folder = Fixtures.newFolder("serve-unpublished-lake");
    SparkLake.open(Fixtures.spark(), folder.toString());
    assertThatThrownBy(() -> ServeServer.start(LakeReading.open(folder.toString()), "127.0.0.1", 0, Tokens.NONE,
        Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot serve the lake at " + folder)
        .hasMessageContaining("no run has published it yet; load it first with `i94lake run --lake " + folder + "`");
    Cli serve = Cli.run("serve", "--lake", folder.toString(), "--port", "0");
    assertThat(serve.exitCode()).as("serve on a lake without a published run").isEqualTo(1);
    assertThat(serve.err()).contains("no run has published it yet");
  }

  @Test
  void aLakePublishedWithoutSomePlaceTableIsServedWithThatTableEmpty() {
    Path folder = Fixtures.newFolder("serve-older-lake");
    // as a lake published before us_temperature existed
    Fixtures.run(Fixtures.options(Fixtures.sampleRaw(), folder).withTables(TableCatalog.publishedNames().stream()
        .filter(table -> !table.equals("us_temperature")).toList()));
    try (ServeServer server = ServeServer.start(LakeReading.open(folder.toString()), "127.0.0.1", 0, Tokens.NONE, Duration.ZERO)) {
      JsonNode texas = new ServeClient(server.port()).json("/api/destinations/states/TX");
      assertThat(texas.get("temperature_by_month")).as("no monthly temperatures in that lake").isEmpty();
      assertThat(texas.at("/arrivals/total").asLong()).as("Texas's arrivals, served as before").isPositive();
    }
  }

  @Test
  void aReplacedVersionIsClosedOnceItsLastRequestIsDone() {
    Path folder = Fixtures.newFolder("serve-versions-lake");
    Fixtures.run(Fixtures.sampleRaw(), folder);
    try (LakeWatcher watcher = new LakeWatcher(LakeReading.open(folder.toString()), Duration.ZERO)) {
      ServedLake first = watcher.hold();
      Fixtures.run(Fixtures.sampleRaw(), folder);
      ServedLake second = watcher.hold();
      assertThat(second).as("the version of the second run").isNotSameAs(first);
      long firstArrivals = first.query(sql -> sql.number("SELECT count(*) FROM arrival"));
      assertThat(firstArrivals).as("the first version, still held").isEqualTo(1000);
      first.release();
      assertThat(first.hold()).as("the first version, closed after its last request").isFalse();
      long secondArrivals = second.query(sql -> sql.number("SELECT count(*) FROM arrival"));
      assertThat(secondArrivals).isEqualTo(1000);
      second.release();
    }
  }
}
