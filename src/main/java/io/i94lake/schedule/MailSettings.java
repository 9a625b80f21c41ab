package io.i94lake.schedule;

import static java.util.Objects.requireNonNull;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where alerts go: an SMTP server and the operators' addresses. Without a host, no alert is sent.
 *
 * @param host the SMTP server; null or blank when alerts are off
 * @param port its port; 0 for the usual port of the TLS mode (25, 587 or 465)
 * @param user the login, null when the server takes mail without one
 * @param recipients the operators' addresses, at least one when a host is given
 */
public record MailSettings(String host, int port, Tls tls, String user, String password, String from, List<String> recipients) {
  /** How the connection to the SMTP server is protected. */
  public enum Tls {
    /** plain SMTP, for a relay on the same host */
    NONE(25),
    /** plain SMTP upgraded to TLS before anything is sent; refused when the server cannot */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS) */
    SSL(465);

    private final int usualPort;

    Tls(int usualPort) {
      this.usualPort = usualPort;
    }

    public static Tls parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + text + "' is not a TLS mode: expected none, starttls or ssl");
      }
    }
  }

  /** No SMTP server: alerts are off. */
  public static final MailSettings OFF = new MailSettings(null, 0, Tls.STARTTLS, null, null, null, List.of());

  public MailSettings {
    requireNonNull(tls, "tls is null");
    recipients = List.copyOf(recipients);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("The SMTP port must lie in 1..65535, not " + port);
    }
    if (host != null && !host.isBlank()) {
      if (recipients.isEmpty()) {
        throw new IllegalArgumentException("Cannot send alerts through " + host + ": no recipient; name the operators with "
            + "--alert-to (I94LAKE_ALERT_TO), comma-separated");
      }
      recipients.forEach(MailSettings::requireAddress);
      requireAddress(from);
    }
  }

  /** Settings from their text forms; {@code recipients} is comma-separated, {@code from} defaults to i94lake@this host. */
  public static MailSettings of(String host, int port, String tls, String user, String password, String from, String recipients) {
    List<String> addresses = recipients == null ? List.of()
        : Arrays.stream(recipients.split(",")).map(String::strip).filter(address -> !address.isEmpty()).toList();
    return new MailSettings(host == null || host.isBlank() ? null : host.strip(), port, Tls.parse(tls),
        user == null || user.isBlank() ? null : user, password, from == null || from.isBlank() ? defaultFrom() : from.strip(),
        addresses);
  }

  public boolean enabled() {
    return host != null && !host.isBlank();
  }

  /** The port to connect to: the one given, else the usual one of the TLS mode. */
  public int portOrUsual() {
    return port == 0 ? tls.usualPort : port;
  }

  @Override
  public String toString() {
    return enabled() ? "SMTP " + host + ":" + portOrUsual() + " (" + tls.name().toLowerCase(Locale.ROOT) + ") to "
        + String.join(", ", recipients) : "no SMTP host: alerts off";
  }

  private static void requireAddress(String address) {
    try {
      new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Cannot send alerts to or from '" + address + "': not an e-mail address ("
          + e.getMessage() + ")");
    }
  }

  private static String defaultFrom() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return "i94lake@" + (host.contains(".") ? host : host + ".localdomain");
  }
}
