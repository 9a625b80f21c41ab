package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Named tasks with the tasks they wait for. Tasks whose dependencies are done run at once, up to a number at a
 * time. A task that fails is tried again after a growing pause while its failure is worth retrying; a task that
 * runs past its timeout is cancelled. After a task has failed for good, tasks not yet started are skipped and the
 * graph fails with that task's cause. Tasks named as already done are not run again (a resumed run).
 */
public final class TaskGraph {
  /** The work of a task. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /** How a task ended. */
  public enum State { SUCCEEDED, FAILED, SKIPPED, DONE_BEFORE }

  /** One task's outcome. */
  public record TaskRun(String name, State state, int attempts, Instant started, Instant ended, Throwable error) {
    public Duration elapsed() {
      return Duration.between(started, ended);
    }
  }

  /**
   * How tasks are retried and bounded in time.
   *
   * @param attempts tries per task, at least 1
   * @param firstPause the pause after the first failure; it doubles after each further one
   * @param timeout how long one attempt may run
   * @param retryable which failures are worth another try (not a missing file, say)
   * @param cancel what stops the work of a timed-out task (given its name); the task's thread is also interrupted
   */
  public record Policy(int attempts, Duration firstPause, Duration timeout, Predicate<Throwable> retryable,
                       Consumer<String> cancel) {
    public Policy {
      if (attempts < 1) {
        throw new IllegalArgumentException("A task needs at least one attempt, not " + attempts);
      }
      requireNonNull(firstPause, "firstPause is null");
      requireNonNull(timeout, "timeout is null");
      requireNonNull(retryable, "retryable is null");
      requireNonNull(cancel, "cancel is null");
    }

    public static Policy once() {
      return new Policy(1, Duration.ZERO, Duration.ofDays(1), failure -> false, task -> { });
    }
  }

  /** A task that ran past its timeout. */
  public static final class TaskTimeoutException extends RuntimeException {
    public TaskTimeoutException(String task, Duration timeout) {
      super("Task " + task + " did not finish within " + timeout.toSeconds() + " s and was cancelled");
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

  /**
   * Runs every task but those already done, and returns the outcomes in the order tasks were added.
   * Never throws for a failed task: see {@link #firstFailure}.
   */
  public List<TaskRun> run(int parallelism, Policy policy, Set<String> doneBefore, Consumer<TaskRun> listener) {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "i94lake-task-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "i94lake-task-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    AtomicBoolean failed = new AtomicBoolean();
    Map<String, CompletableFuture<TaskRun>> runs = new LinkedHashMap<>();
    try {
      for (Task task : tasks.values()) {
        CompletableFuture<?>[] dependencies = task.dependsOn().stream().map(runs::get).toArray(CompletableFuture[]::new);
        runs.put(task.name(), CompletableFuture.allOf(dependencies).thenApplyAsync(ignored -> {
          TaskRun run = doneBefore.contains(task.name())
              ? new TaskRun(task.name(), State.DONE_BEFORE, 0, Instant.now(), Instant.now(), null)
              : execute(task, policy, watchdog, failed);
          listener.accept(run);
          return run;
        }, pool));
      }
      List<TaskRun> results = new ArrayList<>();
      runs.values().forEach(run -> results.add(run.join()));
      return results;
    } finally {
      pool.shutdownNow();
      watchdog.shutdownNow();
    }
  }

  /** The first task that failed for good, if any. */
  public static java.util.Optional<TaskRun> firstFailure(List<TaskRun> runs) {
    return runs.stream().filter(run -> run.state() == State.FAILED).findFirst();
  }

  private static TaskRun execute(Task task, Policy policy, ScheduledExecutorService watchdog, AtomicBoolean failed) {
    Instant started = Instant.now();
    Duration pause = policy.firstPause();
    for (int attempt = 1; ; attempt++) {
      if (failed.get()) {
        return new TaskRun(task.name(), State.SKIPPED, attempt - 1, started, Instant.now(), null);
      }
      Throwable error = attempt(task, policy, watchdog);
      if (error == null) {
        return new TaskRun(task.name(), State.SUCCEEDED, attempt, started, Instant.now(), null);
      }
      if (attempt >= policy.attempts() || !policy.retryable().test(error) || !sleep(pause)) {
        failed.set(true);
        return new TaskRun(task.name(), State.FAILED, attempt, started, Instant.now(), error);
      }
      pause = pause.multipliedBy(2);
    }
  }

  // one attempt; returns its failure, or null
  private static Throwable attempt(Task task, Policy policy, ScheduledExecutorService watchdog) {
    Thread worker = Thread.currentThread();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> alarm = watchdog.schedule(() -> {
      timedOut.set(true);
      policy.cancel().accept(task.name());
      worker.interrupt();
    }, policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      task.work().run();
      return timedOut.get() ? new TaskTimeoutException(task.name(), policy.timeout()) : null;
    } catch (Exception | Error e) {
      return timedOut.get() ? new TaskTimeoutException(task.name(), policy.timeout()) : e;
    } finally {
      alarm.cancel(false);
      Thread.interrupted();
    }
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
