package io.i94lake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.core.FailureCategory;
import io.i94lake.core.PipelineException;
import io.i94lake.lake.PublishedRun;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.pipeline.RunState;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.pipeline.TaskRecord;
import io.i94lake.pipeline.Trigger;
import io.i94lake.quality.CheckResult;
import io.i94lake.quality.Level;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an alert says, composed without a mail server; and a mail server that cannot be reached fails nobody. */
class AlertMessageTest {
  private static final Instant STARTED = Instant.parse("2026-11-27T12:00:00Z");
  private static final PublishedRun LAST_GOOD = new PublishedRun("20261126T120000Z-aaaaaa",
      Instant.parse("2026-11-26T12:00:41Z"), Map.of("immigration", 111L, "us_state", 222L), 333L);

  private static RunSummary failed(List<CheckResult> checks, List<TaskRecord> tasks, PipelineException failure) {
    return new RunSummary("20261127T120000Z-bbbbbb", Trigger.SCHEDULE, RunState.FAILED,
        RunOptions.of("lake", "data/raw").withTrigger(Trigger.SCHEDULE), List.of(YearMonth.of(2016, 4)), List.of(), List.of(),
        tasks, checks, failure, Map.of(), "audit_20261127T120000Z_bbbbbb", null, STARTED, Duration.ofSeconds(42));
  }

  @Test
  void aFailedCheckNamesTheCheckItsObservedValueAndWhatReadersStillSee() {
    CheckResult ports = new CheckResult("immigration", "port_code found in port.port_code", Level.ERROR, false, 0.41,
        ">= 0.98", "port_code found in port.port_code is 0.41, but must be >= 0.98");
    CheckResult states = new CheckResult("immigration", "destination_state_code found in us_state.state_code", Level.ERROR,
        false, 0.5, ">= 0.98", "");
    CheckResult departures = new CheckResult("immigration", "departure on or after arrival", Level.WARNING, false, 0.99,
        ">= 0.999", "");
    CheckResult passed = new CheckResult("us_state", "state_code duplicates", Level.ERROR, true, 0.0, "<= 0", "");
    PipelineException failure = new PipelineException(FailureCategory.CHECK_FAILED,
        "Cannot publish run 20261127T120000Z-bbbbbb: 2 of 4 checks failed (...)");

    AlertMessage alert = AlertMessage.failedRun(failed(List.of(ports, states, departures, passed),
        List.of(new TaskRecord("checks", "FAILED", 1, STARTED, STARTED, 0, 0, 0, failure.getMessage())), failure),
        Optional.of(LAST_GOOD));

    assertThat(alert.subject()).isEqualTo("[i94lake] run 20261127T120000Z-bbbbbb failed: CHECK_FAILED immigration "
        + "port_code found in port.port_code 0.41 < 0.98 (and 1 more)");
    assertThat(alert.body()).contains(
        "Run 20261127T120000Z-bbbbbb (trigger schedule, months 2016-04, raw data/raw) failed after 42.0 s: CHECK_FAILED.",
        "port_code found in port.port_code: observed 0.41, required >= 0.98",
        "destination_state_code found in us_state.state_code: observed 0.5, required >= 0.98",
        "Warnings (reported only):", "departure on or after arrival: observed 0.99, required >= 0.999",
        "What readers see now: run 20261126T120000Z-aaaaaa, published at 2026-11-26T12:00:41Z",
        "immigration                111", "us_state                   222",
        "i94lake run --resume 20261127T120000Z-bbbbbb");
    assertThat(alert.body()).doesNotContain("state_code duplicates");
  }

  @Test
  void aFailedTaskNamesTheTaskAndTheLastLinesOfItsError() {
    IllegalStateException cause = new IllegalStateException("Cannot write us_weather\nfield measured_on: boolean -> date");
    PipelineException failure = new PipelineException(FailureCategory.WRITE_FAILED,
        "Task us_weather failed after 3 attempts: Cannot write us_weather", cause);

    AlertMessage alert = AlertMessage.failedRun(failed(List.of(),
        List.of(new TaskRecord("us_weather", "FAILED", 3, STARTED, STARTED, 0, 0, 0, "Cannot write us_weather"),
            new TaskRecord("publish", "SKIPPED", 0, STARTED, STARTED, 0, 0, 0, null)), failure), Optional.empty());

    assertThat(alert.subject()).isEqualTo("[i94lake] run 20261127T120000Z-bbbbbb failed: WRITE_FAILED task us_weather: "
        + "Cannot write us_weather");
    assertThat(alert.body()).contains("Failed tasks:\n  us_weather after 3 attempts: Cannot write us_weather",
        "Last lines of the error:\n  Task us_weather failed after 3 attempts: Cannot write us_weather\n"
            + "  caused by java.lang.IllegalStateException: Cannot write us_weather\n  field measured_on: boolean -> date",
        "What readers see now: nothing, no run of this lake has published yet.");
  }

  @Test
  void onlyTheLastLinesOfALongErrorAreKept() {
    List<String> lines = new ArrayList<>();
    for (int line = 1; line <= 30; line++) {
      lines.add("line " + line);
    }
    List<String> kept = AlertMessage.errorLines(new RuntimeException(String.join("\n", lines)), AlertMessage.ERROR_LINES);

    assertThat(kept).hasSize(20).startsWith("line 11").endsWith("line 30");
  }

  @Test
  void everyRuleIsTurnedIntoWhatWasBroken() {
    assertThat(AlertMessage.broken(">= 0.98")).isEqualTo("< 0.98");
    assertThat(AlertMessage.broken("<= 0")).isEqualTo("> 0");
    assertThat(AlertMessage.broken("= 1")).isEqualTo("!= 1");
    assertThat(AlertMessage.broken("between 0 and 120")).isEqualTo("not between 0 and 120");
  }

  @Test
  void aMailServerThatCannotBeReachedIsLoggedNotThrown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    List<String> log = new ArrayList<>();
    Alerts alerts = new Alerts(MailSettings.of("127.0.0.1", closedPort, "none", null, null, null, "ops@example.org"), log::add);

    boolean sent = alerts.send(new AlertMessage("[i94lake] test", "body"), "a test");

    assertThat(sent).isFalse();
    assertThat(log).singleElement().asString().startsWith("Cannot send the alert about a test through 127.0.0.1:" + closedPort);
  }

  @Test
  void withoutAHostNothingIsSentAndWithAHostRecipientsAreRequired() {
    assertThat(MailSettings.of(null, 0, "starttls", null, null, null, null).enabled()).isFalse();
    assertThat(MailSettings.of("smtp.example.org", 0, "starttls", null, null, null, "a@example.org").portOrUsual()).isEqualTo(587);
    assertThat(MailSettings.of("smtp.example.org", 0, "ssl", null, null, null, "a@example.org").portOrUsual()).isEqualTo(465);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailSettings.of("smtp.example.org", 0, "none", null, null, null, " "))
        .hasMessageContaining("no recipient").hasMessageContaining("--alert-to");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailSettings.of("smtp.example.org", 0, "tls", null, null, null, "a@b.org"))
        .hasMessageContaining("'tls' is not a TLS mode: expected none, starttls or ssl");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailSettings.of("smtp.example.org", 0, "none", null, null, null, "ops, a@b.org"))
        .hasMessageContaining("Cannot send alerts to or from 'ops'");
  }
}
