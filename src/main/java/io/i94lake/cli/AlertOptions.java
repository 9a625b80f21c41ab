package io.i94lake.cli;

import io.i94lake.schedule.MailSettings;
import picocli.CommandLine.Option;

/** Where alerts about failed runs go (SMTP). Without {@code --smtp-host} no alert is sent. */
public final class AlertOptions {
  @Option(names = "--smtp-host", paramLabel = "HOST",
      description = "SMTP server for alerts about failed runs (default: none, no alerts).")
  String host;

  @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "0",
      description = "Its port (default: 25, 587 or 465 after --smtp-tls).")
  int port;

  @Option(names = "--smtp-tls", paramLabel = "MODE", defaultValue = "starttls",
      description = "none, starttls (required) or ssl (default: ${DEFAULT-VALUE}).")
  String tls;

  @Option(names = "--smtp-user", paramLabel = "USER", description = "Login at the SMTP server (default: none).")
  String user;

  @Option(names = "--smtp-password", paramLabel = "PASSWORD",
      description = "Its password; better given as I94LAKE_SMTP_PASSWORD or in the properties file.")
  String password;

  @Option(names = "--alert-from", paramLabel = "ADDRESS", description = "Sender of alerts (default: i94lake@<host name>).")
  String from;

  @Option(names = "--alert-to", paramLabel = "ADDRESSES",
      description = "The operators who get alerts, comma-separated (required with --smtp-host).")
  String to;

  public MailSettings settings() {
    return MailSettings.of(host, port, tls, user, password, from, to);
  }
}
