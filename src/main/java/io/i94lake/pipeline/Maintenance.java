package io.i94lake.pipeline;

import io.i94lake.core.TableCatalog;
import io.i94lake.lake.Compaction;
import io.i94lake.lake.Lake;
import io.i94lake.lake.LakeLock;
import io.i94lake.lake.PublishedPointer;
import io.i94lake.lake.PublishedRun;
import io.i94lake.lake.TableUpkeep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.iceberg.io.FileInfo;

/**
 * Keeps a lake from growing without end, under its lock: drops the audit branches of published runs and of failed
 * runs past their resume window, compacts tables whose partitions hold many small files (published again, same
 * rows), expires every snapshot the last published runs do not use (so rollback and time travel to them keep
 * working), and removes the files no snapshot references that are older than a safety age (left by killed runs).
 */
public final class Maintenance {
  /**
   * @param keepRuns how many of the last published runs stay readable (rollback, time travel)
   * @param orphanAge files no snapshot references are removed once this old (younger ones may be a run's, in flight)
   * @param resumeWindow a failed run's audit branch is kept this long, for {@code run --resume}
   */
  public record Settings(int keepRuns, Duration orphanAge, Duration resumeWindow, boolean dryRun) {
    public Settings {
      if (keepRuns < 1) {
        throw new IllegalArgumentException("Cannot keep " + keepRuns + " published runs: keep at least 1 (the one readers see)");
      }
      if (orphanAge.isNegative() || resumeWindow.isNegative()) {
        throw new IllegalArgumentException("Cannot maintain with a negative age: orphan age " + orphanAge + ", resume window " + resumeWindow);
      }
    }

    public static final Settings DEFAULTS = new Settings(10, Duration.ofDays(1), Duration.ofDays(7), false);
  }

  /** What maintenance did, or would do. */
  public record Outcome(int branchesDropped, int tablesCompacted, int snapshotsExpired, int filesRemoved, long bytesRemoved,
                        List<PublishedRun> runsKept) {}

  private final Lake lake;
  private final Compaction compaction;
  private final Consumer<String> say;

  public Maintenance(Lake lake, Compaction compaction, Consumer<String> say) {
    this.lake = lake;
    this.compaction = compaction;
    this.say = say;
  }

  public Outcome run(Settings settings) {
    Instant started = Instant.now();
    String runId = RunId.next(started);
    try (LakeLock lock = LakeRecovery.lockForWriting(lake, runId, Duration.ZERO, say)) {
      List<String> tables = lake.tableNames().stream().sorted().toList();
      List<String> dataTables = TableCatalog.publishedNames().stream().filter(tables::contains).toList();
      tables.forEach(table -> new TableUpkeep(lake, table).keepFewMetadataFiles(settings.dryRun()));
      int branches = dropBranches(dataTables, settings);
      List<PublishedRun> kept = new ArrayList<>(lake.pointer().history().stream().limit(settings.keepRuns()).toList());
      int compacted = compact(dataTables, runId, settings.dryRun());
      if (compacted > 0) {
        // the same rows as the run published last, in fewer files: kept beside the runs
        kept.add(0, lake.published().orElseThrow());
      }
      int expired = 0;
      for (String table : tables) {
        expired += new TableUpkeep(lake, table).expireSnapshotsBut(keptSnapshots(table, kept), settings.dryRun());
      }
      say.accept(String.format("%s %d snapshots; kept those of the last %d published runs (%s)",
          settings.dryRun() ? "would expire" : "expired", expired,
          kept.size(), kept.isEmpty() ? "none yet" : "oldest kept: " + kept.get(kept.size() - 1).runId()
              + ", published " + kept.get(kept.size() - 1).publishedAt()));
      int files = 0;
      long bytes = 0;
      Instant before = started.minus(settings.orphanAge());
      for (String table : tables) {
        TableUpkeep upkeep = new TableUpkeep(lake, table);
        List<FileInfo> orphans = upkeep.orphanFiles(before);
        if (!settings.dryRun()) {
          upkeep.delete(orphans);
        }
        files += orphans.size();
        bytes += orphans.stream().mapToLong(FileInfo::size).sum();
      }
      say.accept(String.format("%s %d files no snapshot references (%.1f MB), older than %s",
          settings.dryRun() ? "would remove" : "removed", files, bytes / 1e6, settings.orphanAge()));
      Outcome outcome = new Outcome(branches, compacted, expired, files, bytes, kept);
      if (!settings.dryRun()) {
        record(runId, started, outcome);
      }
      return outcome;
    }
  }

  // the branches of published runs, and of failed runs past their resume window
  private int dropBranches(List<String> tables, Settings settings) {
    Set<String> resumable = new HashSet<>();
    Instant windowStart = Instant.now().minus(settings.resumeWindow());
    for (RunRecord run : new RunHistory(lake).runs()) {
      if (run.state().equals(RunState.FAILED.name()) && run.auditBranch() != null && run.endedAt().isAfter(windowStart)) {
        resumable.add(run.auditBranch());
      }
    }
    int dropped = 0;
    for (String table : tables) {
      TableUpkeep upkeep = new TableUpkeep(lake, table);
      Set<String> branches = new HashSet<>(upkeep.branches());
      branches.removeAll(resumable);
      upkeep.dropBranches(branches, settings.dryRun());
      dropped += branches.size();
    }
    say.accept(String.format("%s %d audit branches; kept %d of failed runs younger than %s (for run --resume)",
        settings.dryRun() ? "would drop" : "dropped", dropped, resumable.size(), settings.resumeWindow()));
    return dropped;
  }

  // compacted tables are published again: same rows, fewer files
  private int compact(List<String> tables, String runId, boolean dryRun) {
    Map<String, Long> compacted = new TreeMap<>();
    for (String table : tables) {
      TableUpkeep upkeep = new TableUpkeep(lake, table);
      Map<String, Integer> crowded = upkeep.crowdedPartitions();
      if (!crowded.isEmpty()) {
        say.accept(String.format("%s %s: %s", dryRun ? "would compact" : "compacted", table, crowded.entrySet().stream()
            .map(partition -> (partition.getKey().isEmpty() ? "" : partition.getKey() + " ") + partition.getValue() + " files")
            .collect(Collectors.joining(", "))));
        if (!dryRun) {
          compacted.put(table, compaction.compact(lake.icebergTable(table)));
        }
      }
    }
    if (!compacted.isEmpty()) {
      Map<String, Long> snapshots = new TreeMap<>(lake.published().map(PublishedRun::snapshots).orElse(Map.of()));
      snapshots.putAll(compacted);
      lake.publish(runId, snapshots, null);
    }
    return compacted.size();
  }

  private static Set<Long> keptSnapshots(String table, List<PublishedRun> kept) {
    if (table.equals(PublishedPointer.TABLE)) {
      return kept.stream().map(PublishedRun::pointerSnapshot).collect(Collectors.toSet());
    }
    return kept.stream().map(run -> run.snapshots().get(table)).filter(Objects::nonNull).collect(Collectors.toSet());
  }

  private void record(String runId, Instant started, Outcome outcome) {
    RunOptions options = RunOptions.of(lake.warehouse(), "").withTrigger(Trigger.MAINTAIN);
    Map<String, Long> published = outcome.tablesCompacted() == 0 ? Map.of()
        : lake.published().filter(run -> run.runId().equals(runId)).map(PublishedRun::snapshots).orElse(Map.of());
    new RunHistory(lake).record(new RunSummary(runId, Trigger.MAINTAIN, RunState.SUCCEEDED, options, List.of(), List.of(),
        List.of(), List.of(), List.of(), null, published, null, null, started, Duration.between(started, Instant.now())),
        String.format("maintain: dropped %d branches, compacted %d tables, expired %d snapshots, removed %d files (%.1f MB)",
            outcome.branchesDropped(), outcome.tablesCompacted(), outcome.snapshotsExpired(), outcome.filesRemoved(),
            outcome.bytesRemoved() / 1e6));
  }
}
