package io.i94lake.pipeline;

import io.i94lake.lake.Lake;
import io.i94lake.quality.CheckResult;
import io.i94lake.quality.CheckRunner;
import io.i94lake.quality.LakeChecks;
import java.util.List;

/** The checks of the published lake, as {@code i94lake check} runs them. */
public final class PublishedChecks {
  private PublishedChecks() {}

  public static List<CheckResult> run(Lake lake, LakeChecks thresholds) {
    List<String> tables = Pipeline.TABLE_ORDER.stream().filter(lake::hasTable).toList();
    return new CheckRunner(LakeTables.published(lake)).run(thresholds.forPublished(tables));
  }
}
