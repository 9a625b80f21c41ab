package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bad command line exits 2, picocli's code for a usage error, as README's table of exit codes says, with a
 * message naming the option and the value; other failures keep 1 and the categories 3 to 7.
 */
class UsageErrorTest {
  private static void assertUsageError(Cli cli, String message) {
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
    assertThat(cli.err()).contains(message).doesNotContain("\tat ");
  }

  @Test
  void aNegativeMaxRowsIsRefused() {
    assertUsageError(Cli.run("sql", "--lake", Fixtures.newFolder("no-lake").toString(), "--max-rows", "-1", "SELECT 1"),
        "--max-rows -1 is negative: give the most rows to show in table format, 0 or more");
  }

  @Test
  void unknownOptionsMissingOnesAndUnreadableValuesAreUsageErrors() {
    String lake = Fixtures.newFolder("no-lake").toString();
    assertUsageError(Cli.run("runs", "--lake", lake, "--no-such-option"), "Unknown option: '--no-such-option'");
    assertUsageError(Cli.run("rollback", "--lake", lake), "Missing required option: '--to=RUN_ID|TIME'");
    assertUsageError(Cli.run("sql", "--lake", lake, "--max-rows", "many", "SELECT 1"), "'many' is not an int");
    assertUsageError(Cli.run("sql", "--lake", lake, "--duckdb-memory-limit", "4XB", "SELECT 1"),
        "--duckdb-memory-limit 4XB is not a size; give a number with its unit, such as 4GB, 3.5GiB or 800MB");
    assertUsageError(Cli.run("sql", "--lake", lake, "--duckdb-threads", "-2", "SELECT 1"), "--duckdb-threads -2 is negative");
    assertUsageError(Cli.run("run", "--lake", lake, "--months", "April"), "Cannot read months 'April'");
    assertUsageError(Cli.run("schedule", "--lake", lake, "--cron", "0 7 * * *"), "Cannot read the cron expression '0 7 * * *'");
  }

  @Test
  void theReadmeGivesTheSameExitCodes() throws IOException {
    List<String> rows = Files.readAllLines(Fixtures.home().resolve("README.md")).stream()
        .filter(line -> line.matches("\\| [0-9] \\|.*")).toList();
    assertThat(rows).as("README's table of exit codes").anySatisfy(row -> assertThat(row).startsWith("| 2 |").contains("a bad command line"));
    assertThat(rows).noneSatisfy(row -> assertThat(row).startsWith("| 1 |").contains("bad command line"));
    assertThat(Files.readString(Fixtures.home().resolve("README.md"))).doesNotContain("1 for a bad command line");
  }
}
