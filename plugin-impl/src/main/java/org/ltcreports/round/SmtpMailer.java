package org.ltcreports.round;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * SMTP through Jakarta Mail (Eclipse Angus): host, port, TLS (none, STARTTLS required, or SSL on
 * connect) and optional credentials from {@link RoundSettings}. Timeouts are short (10 s) so a dead
 * mail server delays the round, never hangs it.
 */
public final class SmtpMailer implements Mailer {
  private final RoundSettings settings;
  private final Session session;

  public SmtpMailer(RoundSettings settings) {
    this.settings = settings;
    if (settings.smtpHost() == null) {
      // the round is off (RoundSettings requires a host when it is on): nothing to connect to
      this.session = null;
      return;
    }
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.smtpHost());
    p.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    switch (settings.smtpTls()) {
      case "starttls" -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      case "ssl" -> p.put("mail.smtp.ssl.enable", "true");
      default -> {
        // "none": plain SMTP, for a relay on the same machine or network
      }
    }
    Authenticator auth = null;
    if (settings.smtpUser() != null) {
      p.put("mail.smtp.auth", "true");
      String user = settings.smtpUser();
      String password = settings.smtpPassword();
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    this.session = Session.getInstance(p, auth);
  }

  @Override
  public void send(Notice notice) {
    if (session == null) {
      throw new MailFailure(
          "mail.smtp.host is not set: cannot send '" + notice.subject() + "'", null);
    }
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(settings.from()));
      for (String to : notice.to()) {
        m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      }
      m.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
      m.setText(notice.body(), StandardCharsets.UTF_8.name());
      Transport.send(m);
    } catch (MessagingException e) {
      throw new MailFailure(
          "could not send '" + notice.subject() + "' through " + settings.smtpHost(), e);
    }
  }
}
