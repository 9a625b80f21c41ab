package io.i94lake.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.i94lake.Fixtures;
import io.i94lake.engine.RunEngine.Rows;
import io.i94lake.lake.Lake;
import io.i94lake.transform.Model;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The DuckDB engine of a run: tasks on connections of their own, and a task past its timeout stopped. */
class DuckDbRunEngineTest {
  // a count over 10^13 numbers: hours of work, unless it is stopped
  private static final Model ENDLESS = new Model("endless", "SELECT count(*) AS n FROM range(10000000000000)", List.of());
  private static final Model QUICK = new Model("quick", "SELECT 42 AS answer", List.of());

  @Test
  void aCancelledTaskStopsWhileAnotherTaskGoesOn() throws Exception {
    Engines engines = Engines.duckdb(null, new Configuration(), new DuckDbSettings(2, "1GB"));
    Lake lake = engines.open(Fixtures.newFolder("duckdb-engine").toString());
    try (RunEngine engine = engines.start(lake, "test")) {
      CompletableFuture<Rows> endless = CompletableFuture.supplyAsync(() -> {
        Rows[] kept = new Rows[1];
        engine.inTask("endless", () -> kept[0] = engine.kept(engine.model(ENDLESS, Map.of())));
        return kept[0];
      });
      Thread.sleep(500);
      assertThat(endless).as("the endless task, still running").isNotDone();

      CompletableFuture<Rows> quick = CompletableFuture.supplyAsync(() -> {
        Rows[] kept = new Rows[1];
        engine.inTask("quick", () -> kept[0] = engine.kept(engine.model(QUICK, Map.of())));
        return kept[0];
      });
      assertThat(quick.get(30, TimeUnit.SECONDS)).as("a task beside the endless one").isNotNull();

      engine.cancel("endless");
      assertThatThrownBy(() -> endless.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .rootCause().hasMessageContaining("Interrupt");
    }
  }

  @Test
  void settingsThatAreNotSizesAreRefusedWithTheValue() {
    assertThatThrownBy(() -> new DuckDbSettings(0, "4 lots")).hasMessageContaining("--duckdb-memory-limit 4 lots is not a size");
    assertThatThrownBy(() -> new DuckDbSettings(-1, null)).hasMessageContaining("--duckdb-threads -1 is negative");
  }
}
