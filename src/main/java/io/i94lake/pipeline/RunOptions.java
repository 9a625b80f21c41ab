package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import io.i94lake.core.LakeTable;
import io.i94lake.core.TableCatalog;
import io.i94lake.quality.LakeChecks;
import java.time.Duration;
import java.util.List;

/**
 * What a run is asked to do.
 *
 * @param lake the lake folder or URI
 * @param raw the folder of raw files (dictionary, airports, demographics, temperatures, and {@code i94/})
 * @param i94 I-94 files or folders; empty means {@code <raw>/i94}
 * @param months the months of I-94 arrivals to process; {@link Months#ALL} for every month of the input
 * @param maxRejectedShare the share of a file's rows that may be rejected before the file counts as broken
 * @param trigger what started the run
 * @param checks the thresholds of the checks that gate publishing
 * @param retries how tasks are retried and bounded in time
 * @param lockWait how long to wait for another run writing the same lake; zero to refuse at once
 * @param tables the tables to write, check and publish (in the catalog's order); the others stay as published
 */
public record RunOptions(String lake, String raw, List<String> i94, Months months, double maxRejectedShare,
                         Trigger trigger, LakeChecks checks, Retries retries, Duration lockWait, List<String> tables) {
  /**
   * @param attempts tries per task
   * @param firstPause the pause before the second try; doubled before each further one
   * @param timeout how long one try of a task may run
   */
  public record Retries(int attempts, Duration firstPause, Duration timeout) {
    public static final Retries DEFAULTS = new Retries(3, Duration.ofSeconds(5), Duration.ofHours(2));

    public Retries {
      if (attempts < 1) {
        throw new IllegalArgumentException("A task needs at least one attempt, not " + attempts);
      }
    }
  }

  public RunOptions {
    requireNonNull(lake, "lake is null");
    requireNonNull(raw, "raw is null");
    i94 = List.copyOf(i94);
    requireNonNull(months, "months is null");
    if (maxRejectedShare < 0 || maxRejectedShare > 1) {
      throw new IllegalArgumentException("The share of rejected rows allowed must lie in 0..1, not " + maxRejectedShare);
    }
    requireNonNull(trigger, "trigger is null");
    requireNonNull(checks, "checks is null");
    requireNonNull(retries, "retries is null");
    requireNonNull(lockWait, "lockWait is null");
    tables = TableCatalog.published(tables).stream().map(LakeTable::name).toList();
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("A run needs at least one table to write; its tables: "
          + String.join(", ", TableCatalog.publishedNames()));
    }
  }

  /** A manual run of every month of {@code <raw>/i94} with default thresholds. */
  public static RunOptions of(String lake, String raw) {
    return new RunOptions(lake, raw, List.of(), Months.ALL, 0.05, Trigger.MANUAL, LakeChecks.DEFAULTS, Retries.DEFAULTS,
        Duration.ZERO, TableCatalog.publishedNames());
  }

  public RunOptions withI94(List<String> locations) {
    return new RunOptions(lake, raw, locations, months, maxRejectedShare, trigger, checks, retries, lockWait, tables);
  }

  public RunOptions withMonths(Months selected) {
    return new RunOptions(lake, raw, i94, selected, maxRejectedShare, trigger, checks, retries, lockWait, tables);
  }

  public RunOptions withMaxRejectedShare(double share) {
    return new RunOptions(lake, raw, i94, months, share, trigger, checks, retries, lockWait, tables);
  }

  public RunOptions withTrigger(Trigger cause) {
    return new RunOptions(lake, raw, i94, months, maxRejectedShare, cause, checks, retries, lockWait, tables);
  }

  public RunOptions withChecks(LakeChecks thresholds) {
    return new RunOptions(lake, raw, i94, months, maxRejectedShare, trigger, thresholds, retries, lockWait, tables);
  }

  public RunOptions withRetries(Retries policy) {
    return new RunOptions(lake, raw, i94, months, maxRejectedShare, trigger, checks, policy, lockWait, tables);
  }

  public RunOptions withLockWait(Duration wait) {
    return new RunOptions(lake, raw, i94, months, maxRejectedShare, trigger, checks, retries, wait, tables);
  }

  /** Writes, checks and publishes only these tables (names of {@link TableCatalog#published()}). */
  public RunOptions withTables(List<String> names) {
    return new RunOptions(lake, raw, i94, months, maxRejectedShare, trigger, checks, retries, lockWait, names);
  }
}
