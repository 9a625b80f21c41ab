package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.i94lake.core.TableCatalog;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.Pipeline;
import io.i94lake.pipeline.RunSummary;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Operators get an e-mail (over a real SMTP server on loopback) when a run fails, naming what failed and what readers
 * still see; a mail server that cannot be reached changes nothing about the run's own failure.
 */
class AlertsTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
      .dynamicPort()).withPerMethodLifecycle(false);

  private static Path lakeFolder;
  private static SparkLake lake;
  private static RunSummary lastGood;

  @BeforeAll
  static void publishTheSample() {
    lakeFolder = Fixtures.newFolder("alerts-lake");
    lastGood = Fixtures.run(Fixtures.sampleRaw(), lakeFolder);
    lake = SparkLake.open(Fixtures.spark(), lakeFolder.toString());
  }

  @BeforeEach
  void emptyTheMailboxes() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
  }

  /** The settings an operator would export, pointing at the test's mail server. */
  private static Map<String, String> smtpSettings(int port) {
    Map<String, String> environment = new HashMap<>();
    environment.put("I94LAKE_SMTP_HOST", "127.0.0.1");
    environment.put("I94LAKE_SMTP_PORT", String.valueOf(port));
    environment.put("I94LAKE_SMTP_TLS", "none");
    environment.put("I94LAKE_ALERT_FROM", "i94lake@example.org");
    environment.put("I94LAKE_ALERT_TO", "ops@example.org, oncall@example.org");
    return environment;
  }

  private static Map<String, Long> mainSnapshots() {
    Map<String, Long> snapshots = new TreeMap<>();
    TableCatalog.publishedNames().stream().filter(lake.lake()::hasTable)
        .forEach(table -> snapshots.put(table, lake.lake().icebergTable(table).currentSnapshot().snapshotId()));
    return snapshots;
  }

  /** The alert: one copy in each operator's mailbox, addressed to both. */
  private static MimeMessage theAlert() throws Exception {
    assertThat(MAIL.waitForIncomingEmail(10_000, 2)).as("one e-mail per operator").isTrue();
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).as("e-mails received").hasSize(2);
    assertThat(Arrays.stream(received[0].getAllRecipients()).map(Address::toString))
        .containsExactly("ops@example.org", "oncall@example.org");
    assertThat(received[1].getSubject()).isEqualTo(received[0].getSubject());
    return received[0];
  }

  @Test
  void aFailedCheckKeepsReadersOnTheLastGoodDataAndTellsTheOperators() throws Exception {
    Map<String, Long> before = mainSnapshots();

    Cli cli = Cli.run(smtpSettings(MAIL.getSmtp().getPort()), "run", "--lake", lakeFolder.toString(),
        "--raw", Fixtures.sampleWithUnknownPorts("alerts-unknown-ports").toString());

    assertThat(cli.exitCode()).as("exit code of CHECK_FAILED; " + cli.err()).isEqualTo(5);
    assertThat(cli.err()).contains("CHECK_FAILED", "port_code found in port.port_code 0 (>= 0.98)");
    assertThat(mainSnapshots()).as("main of every table").isEqualTo(before);
    assertThat(lake.read("immigration").filter("port_code = 'ZZ9'").count()).as("dirty rows readers see").isZero();
    assertThat(lake.read("immigration").count()).isEqualTo(1000);

    MimeMessage alert = theAlert();
    String failedRun = cli.err().replaceAll("(?s).*Cannot publish run (\\S+):.*", "$1");
    assertThat(alert.getSubject()).isEqualTo("[i94lake] run " + failedRun + " failed: CHECK_FAILED immigration "
        + "port_code found in port.port_code 0 < 0.98");
    assertThat(alert.getFrom()[0].toString()).isEqualTo("i94lake@example.org");
    String body = GreenMailUtil.getBody(alert);
    assertThat(body).contains("port_code found in port.port_code: observed 0, required >= 0.98",
        "What readers see now: run " + lastGood.runId(),
        "immigration                " + lastGood.published().get("immigration"),
        "i94lake run --resume " + failedRun);
    assertThat(cli.out()).contains("sent an alert about run " + failedRun + " to ops@example.org, oncall@example.org");
  }

  @Test
  void aRunMissingASourceIsAlertedAndAnUnreachableMailServerHidesNothing() throws Exception {
    Path raw = Fixtures.copyOfSample("alerts-no-airports");
    Files.delete(raw.resolve("airport-codes_csv.csv"));

    Cli alerted = Cli.run(smtpSettings(MAIL.getSmtp().getPort()), "run", "--lake", lakeFolder.toString(), "--raw", raw.toString());

    assertThat(alerted.exitCode()).as("exit code of SOURCE_MISSING; " + alerted.err()).isEqualTo(3);
    assertThat(theAlert().getSubject()).contains("failed: SOURCE_MISSING Cannot find airport codes");

    int closedPort = closedPort();
    Cli unsent = Cli.run(smtpSettings(closedPort), "run", "--lake", lakeFolder.toString(), "--raw", raw.toString());

    assertThat(unsent.exitCode()).as("the run's own exit code").isEqualTo(3);
    assertThat(unsent.err()).contains("SOURCE_MISSING", "Cannot find airport codes");
    assertThat(unsent.out()).contains("Cannot send the alert about run ", "through 127.0.0.1:" + closedPort);
    assertThat(mainSnapshots()).containsAllEntriesOf(lastGood.published());
  }

  @Test
  void aScheduledRunWhoseWarehouseCopyFailsStaysPublishedAndTellsTheOperators() throws Exception {
    Path scheduledLake = Fixtures.newFolder("alerts-scheduled-lake");
    String unreachableWarehouse = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/i94lake";

    Cli cli = Cli.run(smtpSettings(MAIL.getSmtp().getPort()), "schedule", "--cron", "*/2 * * * * ?", "--zone", "UTC",
        "--max-runs", "1", "--stop-after", "30m", "--lake", scheduledLake.toString(),
        "--publish-jdbc", unreachableWarehouse, "--publish-user", "i94lake", "--publish-password", "i94lake");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("1 run, 1 published");
    assertThat(SparkLake.open(Fixtures.spark(), scheduledLake.toString()).read("immigration").count()).isEqualTo(1000);
    MimeMessage alert = theAlert();
    assertThat(alert.getSubject()).startsWith("[i94lake] run ").contains(" published, but its warehouse copy failed: ");
    assertThat(GreenMailUtil.getBody(alert)).contains("copying it to the warehouse failed, so BI tools",
        "i94lake publish --jdbc URL");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
