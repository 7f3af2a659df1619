package org.ltcreports.round;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.ltcreports.api.spi.Role;

/**
 * The monthly round's configuration (README "Configuration"):
 *
 * <ul>
 *   <li>{@code round.enabled} (default false): run the round inside the plugin;
 *   <li>{@code round.working-day} (default 3): the run day is this working day after month end;
 *   <li>{@code round.check-minutes} (default 15): how often a node looks for work;
 *   <li>{@code round.out-dir}: where the month's feedback and draft returns are written;
 *   <li>{@code round.link-base}: the address people open, e.g. {@code
 *       https://gp.example.nhs.uk/ltc-reports} (links in emails start with it);
 *   <li>{@code mail.smtp.host}, {@code mail.smtp.port} (25), {@code mail.smtp.tls} (none, starttls,
 *       ssl; default starttls), {@code mail.smtp.user}, {@code mail.smtp.password}, {@code
 *       mail.from};
 *   <li>{@code notify.ROLE} and {@code notify.ROLE.CODE}: comma-separated addresses for a role
 *       (practice-lead, practice-user, locality-manager, commissioner), for every practice or
 *       locality, or for one ({@code notify.practice-lead.K83001}).
 * </ul>
 */
public record RoundSettings(
    boolean enabled,
    int workingDay,
    int checkMinutes,
    String outDir,
    String linkBase,
    String smtpHost,
    int smtpPort,
    String smtpTls,
    String smtpUser,
    String smtpPassword,
    String from,
    Properties recipients) {

  /** Reads the settings; every problem is named at once. */
  public static RoundSettings from(Properties p) {
    List<String> problems = new ArrayList<>();
    boolean enabled = Boolean.parseBoolean(p.getProperty("round.enabled", "false").trim());
    int day = number(p, "round.working-day", 3, 1, 20, problems);
    int minutes = number(p, "round.check-minutes", 15, 1, 1440, problems);
    int port = number(p, "mail.smtp.port", 25, 1, 65535, problems);
    String tls = p.getProperty("mail.smtp.tls", "starttls").trim().toLowerCase(Locale.ROOT);
    if (!List.of("none", "starttls", "ssl").contains(tls)) {
      problems.add("mail.smtp.tls must be none, starttls or ssl, got '" + tls + "'");
    }
    String host = blankToNull(p.getProperty("mail.smtp.host"));
    String from = blankToNull(p.getProperty("mail.from"));
    String link = blankToNull(p.getProperty("round.link-base"));
    if (enabled) {
      if (host == null) {
        problems.add("round.enabled needs mail.smtp.host");
      }
      if (from == null) {
        problems.add("round.enabled needs mail.from");
      }
      if (link == null) {
        problems.add("round.enabled needs round.link-base (the address people open)");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Properties recipients = new Properties();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith("notify.")) {
        recipients.setProperty(k, p.getProperty(k));
      }
    }
    return new RoundSettings(
        enabled,
        day,
        minutes,
        blankToNull(p.getProperty("round.out-dir")),
        link == null ? "" : link.replaceAll("/+$", ""),
        host,
        port,
        tls,
        blankToNull(p.getProperty("mail.smtp.user")),
        p.getProperty("mail.smtp.password", ""),
        from,
        recipients);
  }

  /** The addresses for a role: those for every practice/locality, then those for this one. */
  public List<String> recipients(Role role, String code) {
    String key = "notify." + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    List<String> out = new ArrayList<>();
    for (String k : List.of(key, key + "." + code)) {
      String v = recipients.getProperty(k);
      if (v != null) {
        Arrays.stream(v.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty() && !out.contains(s))
            .forEach(out::add);
      }
    }
    return out;
  }

  private static int number(
      Properties p, String key, int dflt, int min, int max, List<String> problems) {
    String raw = p.getProperty(key);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n < min || n > max) {
        problems.add(key + " must be from " + min + " to " + max + ", got '" + raw + "'");
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(key + " must be a whole number, got '" + raw + "'");
      return dflt;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
