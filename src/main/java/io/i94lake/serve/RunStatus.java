package io.i94lake.serve;

import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.RunHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.functions;

/** The last runs of the history with their checks, read at one snapshot of the {@code runs} table. */
record RunStatus(long runsSnapshot, List<Map<String, Object>> runs) {
  static final int RUNS_SHOWN = 20;

  static RunStatus read(SparkLake lake, long runsSnapshot) {
    if (runsSnapshot < 0) {
      return new RunStatus(runsSnapshot, List.of());
    }
    List<Map<String, Object>> runs = Places.rows(lake.read(RunHistory.RUNS).orderBy(functions.col("started_at").desc())
        .limit(RUNS_SHOWN).drop("raw", "i94", "max_rejected_share", "resumed_from"));
    List<String> runIds = runs.stream().map(run -> (String) run.get("run_id")).toList();
    Map<String, List<Map<String, Object>>> checks = lake.lake().hasTable(RunHistory.CHECKS)
        ? Places.rows(lake.read(RunHistory.CHECKS).filter(functions.col("run_id").isin(runIds.toArray()))
            .orderBy("run_id", "table_name", "check_name")).stream()
            .collect(Collectors.groupingBy(check -> (String) check.remove("run_id"), LinkedHashMap::new, Collectors.toList()))
        : Map.of();
    for (Map<String, Object> run : runs) {
      List<Map<String, Object>> runChecks = checks.getOrDefault(run.get("run_id"), List.of());
      run.put("checks_passed", runChecks.stream().filter(check -> Boolean.TRUE.equals(check.get("passed"))).count());
      run.put("checks", runChecks);
    }
    return new RunStatus(runsSnapshot, runs);
  }
}
