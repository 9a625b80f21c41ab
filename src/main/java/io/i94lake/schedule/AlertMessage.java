package io.i94lake.schedule;

import static java.util.Objects.requireNonNull;

import io.i94lake.core.Messages;
import io.i94lake.core.PipelineException;
import io.i94lake.lake.PublishedRun;
import io.i94lake.pipeline.Months;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.TaskRecord;
import io.i94lake.quality.CheckResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The e-mail operators get when a run fails: the subject names the run and what failed first, the body every failed
 * check (observed value and threshold) and task, the last lines of the error, and what readers see now.
 */
public record AlertMessage(String subject, String body) {
  static final String SUBJECT_PREFIX = "[i94lake] ";
  static final int ERROR_LINES = 20;
  private static final int SUBJECT_LENGTH = 200;

  public AlertMessage {
    requireNonNull(subject, "subject is null");
    requireNonNull(body, "body is null");
  }

  /** The alert for a run that ended without publishing. */
  public static AlertMessage failedRun(RunSummary run, Optional<PublishedRun> readersSee) {
    if (run.succeeded()) {
      throw new IllegalArgumentException("Run " + run.runId() + " succeeded: there is nothing to alert about");
    }
    PipelineException failure = run.failure();
    List<CheckResult> blocking = run.failedChecks().stream().filter(CheckResult::blocks).toList();
    List<TaskRecord> failedTasks = run.tasks().stream().filter(task -> task.state().equals("FAILED")).toList();
    String what = !blocking.isEmpty() ? violation(blocking.get(0)) + more(blocking.size())
        : !failedTasks.isEmpty() ? "task " + failedTasks.get(0).task() + ": " + failedTasks.get(0).error() + more(failedTasks.size())
        : Messages.firstLine(failure);
    String subject = SUBJECT_PREFIX + "run " + run.runId() + " failed: " + failure.category() + " " + what;

    StringBuilder body = new StringBuilder();
    body.append(String.format("Run %s (trigger %s, months %s, raw %s) failed after %.1f s: %s.%n%n", run.runId(),
        run.trigger().label(), run.months().isEmpty() ? "none" : new Months(run.months()), run.options().raw(),
        run.elapsed().toMillis() / 1000.0, failure.category()));
    body.append(failure.getMessage()).append("\n\n");
    if (!blocking.isEmpty()) {
      body.append("Failed checks (error level, they block publishing):\n");
      blocking.forEach(check -> body.append("  ").append(describe(check)).append('\n'));
      body.append('\n');
    }
    List<CheckResult> warnings = run.failedChecks().stream().filter(check -> !check.blocks()).toList();
    if (!warnings.isEmpty()) {
      body.append("Warnings (reported only):\n");
      warnings.forEach(check -> body.append("  ").append(describe(check)).append('\n'));
      body.append('\n');
    }
    if (!failedTasks.isEmpty()) {
      body.append("Failed tasks:\n");
      failedTasks.forEach(task -> body.append(String.format("  %s after %d attempt%s: %s%n", task.task(), task.attempts(),
          task.attempts() == 1 ? "" : "s", task.error())));
      body.append('\n');
    }
    body.append("Last lines of the error:\n");
    errorLines(failure, ERROR_LINES).forEach(line -> body.append("  ").append(line).append('\n'));
    body.append('\n');
    appendReadersSee(body, readersSee);
    if (run.auditBranch() == null) {
      body.append(String.format("Nothing of run %s was written or published.%n", run.runId()));
    } else {
      body.append(String.format("Nothing of run %s was published. Its branch %s is kept: read it with%n"
          + "  i94lake sql \"SELECT * FROM lake.i94.immigration VERSION AS OF '%s'\"%n"
          + "and, once the cause is fixed, run again only what did not succeed with%n  i94lake run --resume %s%n",
          run.runId(), run.auditBranch(), run.auditBranch(), run.runId()));
    }
    return new AlertMessage(shorten(subject), body.toString());
  }

  /** The alert for a run that could not even start (another run holds the lake, say). */
  public static AlertMessage refusedRun(String trigger, String lake, Throwable error, Optional<PublishedRun> readersSee) {
    String category = error instanceof PipelineException pipeline ? pipeline.category().name() : error.getClass().getSimpleName();
    String subject = SUBJECT_PREFIX + "a " + trigger + " run of lake " + lake + " did not start: " + category + " "
        + Messages.firstLine(error);
    StringBuilder body = new StringBuilder();
    body.append(String.format("A %s run of the lake at %s did not start: %s.%n%n", trigger, lake, category));
    body.append("Last lines of the error:\n");
    errorLines(error, ERROR_LINES).forEach(line -> body.append("  ").append(line).append('\n'));
    body.append('\n');
    appendReadersSee(body, readersSee);
    return new AlertMessage(shorten(subject), body.toString());
  }

  /** The alert for a run that published to the lake but whose copy to the warehouse failed. */
  public static AlertMessage failedWarehouseCopy(RunSummary run, Throwable error) {
    String subject = SUBJECT_PREFIX + "run " + run.runId() + " published, but its warehouse copy failed: " + Messages.firstLine(error);
    StringBuilder body = new StringBuilder();
    body.append(String.format("Run %s (trigger %s) published to the lake; copying it to the warehouse failed, so BI tools%n"
        + "still see the previous copy.%n%n", run.runId(), run.trigger().label()));
    body.append("Last lines of the error:\n");
    errorLines(error, ERROR_LINES).forEach(line -> body.append("  ").append(line).append('\n'));
    body.append("\nOnce the cause is fixed, copy again with\n  i94lake publish --jdbc URL\n");
    return new AlertMessage(shorten(subject), body.toString());
  }

  /** "immigration port_code found in port.port_code 0.41 < 0.98": the check, its observed value and the rule it broke. */
  static String violation(CheckResult check) {
    String observed = check.observed() == null ? "not measured" : CheckResult.format(check.observed());
    return check.table() + " " + check.constraint() + " " + observed + " " + broken(check.threshold());
  }

  /** The opposite of a rule as {@code Rule} writes it: {@code >= 0.98} becomes {@code < 0.98}. */
  static String broken(String threshold) {
    if (threshold.startsWith(">= ")) {
      return "< " + threshold.substring(3);
    }
    if (threshold.startsWith("<= ")) {
      return "> " + threshold.substring(3);
    }
    if (threshold.startsWith("= ")) {
      return "!= " + threshold.substring(2);
    }
    return "not " + threshold;
  }

  /** The failure's message and those of its causes, at most {@code max} lines, the last ones. */
  static List<String> errorLines(Throwable error, int max) {
    List<String> lines = new ArrayList<>();
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      String prefix = cause == error ? "" : "caused by " + cause.getClass().getName() + ": ";
      List<String> messageLines = message.lines().toList();
      if (messageLines.isEmpty()) {
        lines.add(prefix.isEmpty() ? cause.getClass().getName() : prefix.strip());
      } else {
        lines.add(prefix + messageLines.get(0));
        lines.addAll(messageLines.subList(1, messageLines.size()));
      }
    }
    Deque<String> last = new ArrayDeque<>();
    for (String line : lines) {
      last.addLast(line);
      if (last.size() > max) {
        last.removeFirst();
      }
    }
    return List.copyOf(last);
  }

  private static void appendReadersSee(StringBuilder body, Optional<PublishedRun> readersSee) {
    if (readersSee.isEmpty()) {
      body.append("What readers see now: nothing, no run of this lake has published yet.\n\n");
      return;
    }
    PublishedRun published = readersSee.get();
    body.append(String.format("What readers see now: run %s, published at %s, unchanged by this failure.%n",
        published.runId(), published.publishedAt()));
    body.append("Its snapshots (the published snapshot of each table):\n");
    published.snapshots().forEach((table, snapshot) -> body.append(String.format("  %-26s %d%n", table, snapshot)));
    body.append('\n');
  }

  private static String describe(CheckResult check) {
    return String.format("%-7s %-24s %s: observed %s, required %s", check.level(), check.table(), check.constraint(),
        check.observed() == null ? "nothing (not measured)" : CheckResult.format(check.observed()), check.threshold());
  }

  private static String more(int count) {
    return count > 1 ? " (and " + (count - 1) + " more)" : "";
  }

  private static String shorten(String subject) {
    String oneLine = subject.replaceAll("\\s+", " ");
    return oneLine.length() <= SUBJECT_LENGTH ? oneLine : oneLine.substring(0, SUBJECT_LENGTH - 1) + "…";
  }
}
