package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named tasks with the tasks they wait for. Tasks whose dependencies are done run at once, up to a number at a
 * time; after a task fails, tasks not yet started are skipped and the graph fails with the first cause.
 */
public final class TaskGraph {
  /** The work of a task. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /** How a task ended. */
  public enum State { SUCCEEDED, FAILED, SKIPPED }

  /** One task's outcome. */
  public record TaskRun(String name, State state, Instant started, Instant ended, Throwable error) {
    public Duration elapsed() {
      return Duration.between(started, ended);
    }
  }

  private record Task(String name, List<String> dependsOn, Work work) {}

  private final Map<String, Task> tasks = new LinkedHashMap<>();

  /** Adds a task; its dependencies must have been added before, so the graph has no cycle. */
  public TaskGraph add(String name, List<String> dependsOn, Work work) {
    requireNonNull(name, "task name is null");
    if (tasks.containsKey(name)) {
      throw new IllegalArgumentException("Task " + name + " is already in the graph");
    }
    for (String dependency : dependsOn) {
      if (!tasks.containsKey(dependency)) {
        throw new IllegalArgumentException("Task " + name + " depends on " + dependency + ", which is not in the graph (yet)");
      }
    }
    tasks.put(name, new Task(name, List.copyOf(dependsOn), work));
    return this;
  }

  /** The names of the tasks, in the order they were added. */
  public List<String> names() {
    return List.copyOf(tasks.keySet());
  }

  /** Runs every task and returns their outcomes in the order they were added; throws the first failure. */
  public List<TaskRun> run(int parallelism) {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "i94lake-task-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    AtomicBoolean failed = new AtomicBoolean();
    Map<String, CompletableFuture<TaskRun>> runs = new LinkedHashMap<>();
    try {
      for (Task task : tasks.values()) {
        CompletableFuture<?>[] dependencies = task.dependsOn().stream().map(runs::get).toArray(CompletableFuture[]::new);
        runs.put(task.name(), CompletableFuture.allOf(dependencies)
            .thenApplyAsync(ignored -> execute(task, failed), pool));
      }
      List<TaskRun> results = new ArrayList<>();
      runs.values().forEach(run -> results.add(run.join()));
      results.stream().filter(run -> run.state() == State.FAILED).findFirst().ifPresent(TaskGraph::rethrow);
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static TaskRun execute(Task task, AtomicBoolean failed) {
    Instant started = Instant.now();
    if (failed.get()) {
      return new TaskRun(task.name(), State.SKIPPED, started, started, null);
    }
    try {
      task.work().run();
      return new TaskRun(task.name(), State.SUCCEEDED, started, Instant.now(), null);
    } catch (Exception | Error e) {
      failed.set(true);
      return new TaskRun(task.name(), State.FAILED, started, Instant.now(), e);
    }
  }

  private static void rethrow(TaskRun run) {
    if (run.error() instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (run.error() instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException("Task " + run.name() + " failed: " + run.error().getMessage(), run.error());
  }
}
