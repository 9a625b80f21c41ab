package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import io.i94lake.source.SourceCount;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

/**
 * What a run read and wrote.
 *
 * @param months the months of I-94 arrivals found in the input (and asked for)
 */
public record RunSummary(String runId, List<YearMonth> months, List<SourceCount> sources, List<TableResult> tables,
                         Duration elapsed) {
  public RunSummary {
    requireNonNull(runId, "runId is null");
    months = List.copyOf(months);
    sources = List.copyOf(sources);
    tables = List.copyOf(tables);
    requireNonNull(elapsed, "elapsed is null");
  }

  public TableResult table(String name) {
    return tables.stream().filter(table -> table.write().table().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The run wrote no table " + name));
  }

  public SourceCount source(String name) {
    return sources.stream().filter(source -> source.source().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The run read no source " + name));
  }
}
