package io.i94lake.schedule;

import io.i94lake.core.Messages;
import io.i94lake.lake.Lake;
import io.i94lake.lake.PublishedRun;
import io.i94lake.pipeline.RunSummary;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends alerts to the operators over SMTP. Sending never fails the caller: a run's own failure is what matters, so
 * a mail that cannot be sent is logged and the caller goes on. Without an SMTP host nothing is sent.
 */
public final class Alerts {
  private static final String TIMEOUT_MILLIS = "10000";

  private final MailSettings settings;
  private final Consumer<String> log;

  public Alerts(MailSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Tells the operators that a run failed, with what readers of its lake see now. */
  public void runFailed(RunSummary run, Supplier<Lake> lake) {
    if (enabled()) {
      composeAndSend(() -> AlertMessage.failedRun(run, readersSee(lake)), "run " + run.runId());
    }
  }

  /** Tells the operators that a run could not start. */
  public void runRefused(String trigger, String lakeLocation, Throwable error, Supplier<Lake> lake) {
    if (enabled()) {
      composeAndSend(() -> AlertMessage.refusedRun(trigger, lakeLocation, error, readersSee(lake)),
          "the " + trigger + " run that did not start");
    }
  }

  /** Tells the operators that a run published to the lake but its copy to the warehouse failed. */
  public void warehouseCopyFailed(RunSummary run, Throwable error) {
    if (enabled()) {
      composeAndSend(() -> AlertMessage.failedWarehouseCopy(run, error), "the warehouse copy of run " + run.runId());
    }
  }

  private void composeAndSend(Supplier<AlertMessage> message, String about) {
    try {
      send(message.get(), about);
    } catch (RuntimeException e) {
      log.accept("Cannot compose the alert about " + about + ": " + Messages.firstLine(e));
    }
  }

  /**
   * Sends one message; returns whether the server took it. A failure is logged, never thrown.
   *
   * @param about what the alert is about, for the log line
   */
  public boolean send(AlertMessage message, String about) {
    if (!enabled()) {
      return false;
    }
    try {
      MimeMessage mail = new MimeMessage(session());
      mail.setFrom(new InternetAddress(settings.from()));
      for (String recipient : settings.recipients()) {
        mail.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
      }
      mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mail.setText(message.body(), StandardCharsets.UTF_8.name());
      mail.setSentDate(new Date());
      if (settings.user() == null) {
        Transport.send(mail);
      } else {
        Transport.send(mail, settings.user(), settings.password() == null ? "" : settings.password());
      }
      log.accept("sent an alert about " + about + " to " + String.join(", ", settings.recipients()));
      return true;
    } catch (MessagingException | RuntimeException e) {
      log.accept("Cannot send the alert about " + about + " through " + settings.host() + ":" + settings.portOrUsual() + ": "
          + Messages.firstLine(e) + (e.getCause() == null ? "" : " (" + Messages.firstLine(e.getCause()) + ")"));
      return false;
    }
  }

  private Session session() {
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", settings.host());
    properties.setProperty("mail.smtp.port", String.valueOf(settings.portOrUsual()));
    properties.setProperty("mail.smtp.auth", String.valueOf(settings.user() != null));
    properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    switch (settings.tls()) {
      case STARTTLS -> {
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        properties.setProperty("mail.smtp.ssl.enable", "true");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> { }
    }
    return Session.getInstance(properties);
  }

  // what readers see; an alert still goes out when the history cannot be read
  private Optional<PublishedRun> readersSee(Supplier<Lake> lake) {
    try {
      return lake.get().published();
    } catch (RuntimeException e) {
      log.accept("Cannot read the last published run for the alert: " + Messages.firstLine(e));
      return Optional.empty();
    }
  }
}
