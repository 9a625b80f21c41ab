package io.i94lake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.pipeline.TaskGraph.State;
import io.i94lake.pipeline.TaskGraph.TaskRun;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The task graph: order, concurrency, retries with growing pauses, timeouts, and what a failure skips. */
class TaskGraphTest {
  private static final TaskGraph.Policy THREE_TRIES = new TaskGraph.Policy(3, Duration.ofMillis(50), Duration.ofSeconds(5),
      failure -> failure instanceof IOException, task -> { });

  private static Map<String, TaskRun> byName(List<TaskRun> runs) {
    return runs.stream().collect(Collectors.toMap(TaskRun::name, run -> run));
  }

  @Test
  void runsTasksAfterTheirDependenciesAndIndependentOnesAtOnce() throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch bothStarted = new CountDownLatch(2);
    TaskGraph graph = new TaskGraph()
        .add("left", List.of(), () -> {
          bothStarted.countDown();
          assertThat(bothStarted.await(5, TimeUnit.SECONDS)).as("right runs while left runs").isTrue();
          order.add("left");
        })
        .add("right", List.of(), () -> {
          bothStarted.countDown();
          assertThat(bothStarted.await(5, TimeUnit.SECONDS)).isTrue();
          order.add("right");
        })
        .add("after both", List.of("left", "right"), () -> order.add("after both"));

    List<TaskRun> runs = graph.run(2, THREE_TRIES, Set.of(), run -> { });

    assertThat(runs).extracting(TaskRun::state).containsOnly(State.SUCCEEDED);
    assertThat(order).hasSize(3).endsWith("after both");
  }

  @Test
  void retriesATransientFailureWithGrowingPauses() {
    AtomicInteger tries = new AtomicInteger();
    List<Long> startedAt = Collections.synchronizedList(new ArrayList<>());
    TaskGraph graph = new TaskGraph().add("flaky", List.of(), () -> {
      startedAt.add(System.nanoTime());
      if (tries.incrementAndGet() < 3) {
        throw new IOException("disk busy");
      }
    });

    TaskRun run = graph.run(1, THREE_TRIES, Set.of(), ignored -> { }).get(0);

    assertThat(run.state()).isEqualTo(State.SUCCEEDED);
    assertThat(run.attempts()).isEqualTo(3);
    long firstPause = startedAt.get(1) - startedAt.get(0);
    long secondPause = startedAt.get(2) - startedAt.get(1);
    assertThat(firstPause).as("first pause, ns").isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(secondPause).as("second pause, ns").isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
  }

  @Test
  void aFailureNotWorthRetryingFailsAtOnceAndSkipsWhatWaitsForIt() {
    TaskGraph graph = new TaskGraph()
        .add("broken file", List.of(), () -> {
          throw new IllegalStateException("header has no field 'City'");
        })
        .add("needs it", List.of("broken file"), () -> { });

    List<TaskRun> runs = graph.run(1, THREE_TRIES, Set.of(), ignored -> { });

    assertThat(byName(runs).get("broken file").state()).isEqualTo(State.FAILED);
    assertThat(byName(runs).get("broken file").attempts()).isEqualTo(1);
    assertThat(byName(runs).get("broken file").error()).hasMessageContaining("City");
    assertThat(byName(runs).get("needs it").state()).isEqualTo(State.SKIPPED);
    assertThat(TaskGraph.firstFailure(runs)).map(TaskRun::name).contains("broken file");
  }

  @Test
  void aTaskPastItsTimeoutIsCancelled() {
    List<String> cancelled = Collections.synchronizedList(new ArrayList<>());
    TaskGraph.Policy quick = new TaskGraph.Policy(1, Duration.ZERO, Duration.ofMillis(200), failure -> true, cancelled::add);
    TaskGraph graph = new TaskGraph().add("stuck", List.of(), () -> Thread.sleep(10_000));

    long started = System.nanoTime();
    TaskRun run = graph.run(1, quick, Set.of(), ignored -> { }).get(0);

    assertThat(run.state()).isEqualTo(State.FAILED);
    assertThat(run.error()).isInstanceOf(TaskGraph.TaskTimeoutException.class).hasMessageContaining("stuck");
    assertThat(cancelled).containsExactly("stuck");
    assertThat(System.nanoTime() - started).as("ns until the run gave up").isLessThan(Duration.ofSeconds(5).toNanos());
  }

  @Test
  void tasksDoneBeforeAreNotRunAgain() {
    AtomicInteger runs = new AtomicInteger();
    TaskGraph graph = new TaskGraph()
        .add("written before", List.of(), runs::incrementAndGet)
        .add("failed before", List.of("written before"), runs::incrementAndGet);

    List<TaskRun> results = graph.run(1, THREE_TRIES, Set.of("written before"), ignored -> { });

    assertThat(byName(results).get("written before").state()).isEqualTo(State.DONE_BEFORE);
    assertThat(byName(results).get("failed before").state()).isEqualTo(State.SUCCEEDED);
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void refusesADependencyThatIsNotThereYet() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaskGraph().add("a", List.of("b"), () -> { }))
        .hasMessageContaining("depends on b");
  }
}
