package org.ltcreports.round;

/** Sends one plain-text email (SMTP in production, {@link SmtpMailer}). */
public interface Mailer {
  /**
   * @throws MailFailure when the message could not be handed to the mail server
   */
  void send(Notice notice);

  /** The mail server refused or could not be reached. */
  final class MailFailure extends RuntimeException {
    public MailFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
