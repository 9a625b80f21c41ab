package io.i94lake.pipeline;

import io.i94lake.core.PipelineException;
import io.i94lake.core.TableCatalog;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.PublishedRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts a lake right after a writer died, before any command reads or writes it: the run whose lock is taken over is
 * recorded as failed, {@code main} of the tables a half-finished publish left behind is moved to the published-run
 * pointer, and a lake made before the pointer existed gets one, from its tables' {@code main}.
 */
public final class LakeRecovery {
  private LakeRecovery() {}

  /** Takes the lake's lock for a command that writes (run, rollback, maintain), then heals the lake. */
  public static LakeLock lockForWriting(Lake lake, String runId, Duration wait, Consumer<String> say) {
    LakeLock lock = LakeLock.acquire(lake, runId, wait);
    try {
      lock.abandoned().ifPresent(dead -> recordAbandoned(lake, dead, say));
      heal(lake, say);
      return lock;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * For a command that reads: heals the lake when its writer died (its lock is left behind), or when, with no run
   * writing, the lake has tables but no pointer yet. Readers read the pointer's snapshots either way; this keeps the
   * history right. A {@code main} left behind by a publish that failed without dying is put right by the next writer.
   */
  public static void beforeReading(Lake lake, Consumer<String> say) {
    Optional<LakeLock.Holder> holder = LakeLock.holder(lake);
    boolean writerDied = holder.map(LakeLock.Holder::isAbandoned).orElse(false);
    boolean needsPointer = holder.isEmpty() && lake.published().isEmpty()
        && !lake.mainSnapshots(TableCatalog.publishedNames()).isEmpty();
    if (writerDied || needsPointer) {
      try (LakeLock healed = lockForWriting(lake, RunId.next(Instant.now()), Duration.ZERO, say)) {
        // the lake is healed once the lock is held
      } catch (PipelineException busy) {
        // a run took the lock meanwhile: it heals the lake itself
      }
    }
  }

  private static void recordAbandoned(Lake lake, LakeLock.Holder dead, Consumer<String> say) {
    RunHistory history = new RunHistory(lake);
    if (dead.runId().equals("unreadable") || dead.pid() < 0) {
      say.accept("took over " + dead + ": no run named in it");
      return;
    }
    PublishedRun published = lake.published().filter(run -> run.runId().equals(dead.runId())).orElse(null);
    if (history.run(dead.runId()).isEmpty()) {
      history.recordAbandoned(dead, published);
    }
    say.accept("took over the lock of " + dead + ": its process ended before the run finished; recorded it as "
        + (published == null ? "failed" : "published (it died after its publish committed)"));
  }

  private static void heal(Lake lake, Consumer<String> say) {
    Map<String, Long> repaired = lake.repairMains();
    if (!repaired.isEmpty()) {
      say.accept("moved main of " + String.join(", ", repaired.keySet()) + " to the published run "
          + lake.published().map(PublishedRun::runId).orElse("") + " (a publish had stopped half way)");
    }
    if (lake.published().isEmpty()) {
      Map<String, Long> mains = lake.mainSnapshots(TableCatalog.publishedNames());
      if (!mains.isEmpty()) {
        String runId = new RunHistory(lake).lastPublished().map(RunRecord::runId).orElse("before-pointer");
        lake.publish(runId, mains, null);
        say.accept("recorded the published-run pointer of this lake (made by an older i94lake) from main of its "
            + mains.size() + " tables");
      }
    }
  }
}
