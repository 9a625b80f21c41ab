package io.i94lake.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a run is asked to do.
 *
 * @param lake the lake folder or URI
 * @param raw the folder of raw files (dictionary, airports, demographics, temperatures, and {@code i94/})
 * @param i94 I-94 files or folders; empty means {@code <raw>/i94}
 * @param months the months of I-94 arrivals to process; {@link Months#ALL} for every month of the input
 * @param maxRejectedShare the share of a file's rows that may be rejected before the file counts as broken
 */
public record RunOptions(String lake, String raw, List<String> i94, Months months, double maxRejectedShare) {
  public RunOptions {
    requireNonNull(lake, "lake is null");
    requireNonNull(raw, "raw is null");
    i94 = List.copyOf(i94);
    requireNonNull(months, "months is null");
    if (maxRejectedShare < 0 || maxRejectedShare > 1) {
      throw new IllegalArgumentException("The share of rejected rows allowed must lie in 0..1, not " + maxRejectedShare);
    }
  }
}
