package org.ltcreports.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEvent;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditOutcome;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.round.Notice.Kind;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.Submission;
import org.ltcreports.submission.Submissions;
import org.ltcreports.words.PeopleTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly round, so that nobody has to log in to learn that something is due (governance.md
 * "The monthly round"). Each {@link #tick} (every few minutes, on every node):
 *
 * <ol>
 *   <li>on or after the run day — the {@code round.working-day}-th working day after the end of the
 *       month just ended — the month's feedback reports and draft returns are generated, once: the
 *       node that claims the month in {@code ltc_round_run} runs it; a claim left unfinished by a
 *       node that stopped is taken over after the lease;
 *   <li>once the run has finished, "feedback ready" goes to each practice;
 *   <li>for the month just ended and the one before, each return's status ({@link ReturnStatus})
 *       decides the other emails: Due → "return due", Overdue → "return overdue", Sent back →
 *       "return sent back" (once per version), Acknowledged → "return acknowledged".
 * </ol>
 *
 * Every email is claimed in {@code ltc_notification} before it is sent (one node sends it), holds
 * no patient data (practice, month, what happened and a link), and is an audit event ({@code
 * NOTIFY}, by {@value #SYSTEM_USER}). A failed send is audited as FAILURE and tried again once its
 * claim's lease has passed.
 */
public final class MonthlyRound {
  public static final String SYSTEM_USER = "system:monthly-round";
  private static final Logger LOG = LoggerFactory.getLogger(MonthlyRound.class);

  /** Writes the month's feedback and draft returns; returns one line saying what was written. */
  public interface Generation {
    String generate(YearMonth month);
  }

  private final RoundSettings settings;
  private final RoundClaims claims;
  private final Submissions submissions;
  private final Supplier<List<Practice>> practices;
  private final WorkingDays calendar;
  private final Clock clock;
  private final Mailer mailer;
  private final AuditLog audit;
  private final Generation generation;
  private final String node;

  public MonthlyRound(
      RoundSettings settings,
      RoundClaims claims,
      Submissions submissions,
      Supplier<List<Practice>> practices,
      WorkingDays calendar,
      Clock clock,
      Mailer mailer,
      AuditLog audit,
      Generation generation,
      String node) {
    this.settings = settings;
    this.claims = claims;
    this.submissions = submissions;
    this.practices = practices;
    this.calendar = calendar;
    this.clock = clock;
    this.mailer = mailer;
    this.audit = audit;
    this.generation = generation;
    this.node = node;
  }

  /** The run day of a month: the configured working day after its last day. */
  public LocalDate runDay(YearMonth month) {
    return calendar.plusWorkingDays(month.atEndOfMonth(), settings.workingDay());
  }

  /** Does whatever is due now; safe to call on every node, as often as wanted. */
  public void tick() {
    LocalDate today = submissions.today();
    YearMonth month = YearMonth.from(today).minusMonths(1);
    if (!today.isBefore(runDay(month)) && !claims.runFinished(month)) {
      if (claims.claimRun(month, node, now())) {
        LOG.info("monthly round: {} generating {}", node, month);
        String outcome = generation.generate(month);
        claims.finishRun(month, node, now(), outcome);
      }
    }
    List<Notice> notices = new ArrayList<>();
    List<Practice> all = practices.get();
    if (claims.runFinished(month)) {
      for (Practice p : all) {
        notices.add(feedbackReady(p, month));
      }
    }
    for (YearMonth m : List.of(month.minusMonths(1), month)) {
      Map<String, List<Submission>> versions = submissions.versionsForMonth(m);
      for (Practice p : all) {
        List<Submission> v = versions.getOrDefault(p.practiceCode(), List.of());
        returnNotice(p, m, submissions.status(m, v), v).ifPresent(notices::add);
      }
    }
    for (Notice n : notices) {
      send(n);
    }
  }

  private void send(Notice n) {
    if (!claims.claimNotice(n.key(), node, now())) {
      return;
    }
    Practice p = practice(n.key().practiceCode());
    AuditEvent.Builder event =
        AuditEvent.builder(SYSTEM_USER, AuditAction.NOTIFY)
            .practice(n.key().practiceCode())
            .locality(p == null ? null : p.localityCode())
            .month(n.key().month())
            .parameter("kind", n.key().kind().name().toLowerCase(java.util.Locale.ROOT))
            .parameter("version", n.key().version())
            .parameter("recipients", n.to().size());
    if (n.to().isEmpty()) {
      // nobody configured for this role: recorded, so the gap is visible in the audit log
      claims.noticeSent(n.key(), now(), "");
      audit.record(event.parameter("note", "no recipients configured").build());
      return;
    }
    try {
      mailer.send(n);
      claims.noticeSent(n.key(), now(), String.join(", ", n.to()));
      audit.record(event.build());
    } catch (Mailer.MailFailure e) {
      LOG.warn("monthly round: {}", e.getMessage(), e);
      audit.record(event.outcome(AuditOutcome.FAILURE).parameter("error", e.getMessage()).build());
    }
  }

  private Notice feedbackReady(Practice p, YearMonth month) {
    String code = p.practiceCode();
    List<String> to = new ArrayList<>(settings.recipients(Role.PRACTICE_LEAD, code));
    addAll(to, settings.recipients(Role.PRACTICE_USER, code));
    addAll(to, settings.recipients(Role.LOCALITY_MANAGER, p.localityCode()));
    return new Notice(
        new Notice.Key(Kind.FEEDBACK_READY, code, month, 0),
        to,
        "Feedback ready: " + name(p) + ", " + PeopleTime.month(month),
        body(
            "The emergency admission feedback report of "
                + name(p)
                + " for "
                + PeopleTime.month(month)
                + " is ready, with the draft of its case management return (due "
                + PeopleTime.date(submissions.dueDate(month))
                + ").",
            "Feedback report: " + link("/practices/" + code + "/feedback?month=" + month),
            "Return: " + link("/practices/" + code + "/returns/" + month)));
  }

  private java.util.Optional<Notice> returnNotice(
      Practice p, YearMonth m, ReturnStatus status, List<Submission> versions) {
    String code = p.practiceCode();
    String due = PeopleTime.date(submissions.dueDate(m));
    String what = "The case management return of " + name(p) + " for " + PeopleTime.month(m);
    String open = "Open it: " + link("/practices/" + code + "/returns/" + m);
    int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    List<String> lead = settings.recipients(Role.PRACTICE_LEAD, code);
    Notice n =
        switch (status) {
          case DUE ->
              new Notice(
                  new Notice.Key(Kind.RETURN_DUE, code, m, 0),
                  lead,
                  "Return due " + due + ": " + name(p) + ", " + PeopleTime.month(m),
                  body(what + " is due on " + due + " and has not been submitted yet.", open));
          case OVERDUE -> {
            List<String> to = new ArrayList<>(lead);
            addAll(to, settings.recipients(Role.LOCALITY_MANAGER, p.localityCode()));
            yield new Notice(
                new Notice.Key(Kind.RETURN_OVERDUE, code, m, 0),
                to,
                "Return overdue: " + name(p) + ", " + PeopleTime.month(m),
                body(what + " was due on " + due + " and has not been submitted.", open));
          }
          case RETURNED ->
              new Notice(
                  new Notice.Key(Kind.RETURN_SENT_BACK, code, m, latest),
                  lead,
                  "Return sent back: " + name(p) + ", " + PeopleTime.month(m),
                  body(
                      what
                          + " (version "
                          + latest
                          + ") was sent back. The reason is on the return's page; answer it"
                          + " and resubmit.",
                      open));
          case ACKNOWLEDGED ->
              new Notice(
                  new Notice.Key(Kind.RETURN_ACKNOWLEDGED, code, m, latest),
                  lead,
                  "Return acknowledged: " + name(p) + ", " + PeopleTime.month(m),
                  body(what + " (version " + latest + ") was acknowledged.", open));
          default -> null;
        };
    return java.util.Optional.ofNullable(n);
  }

  private static String name(Practice p) {
    return p.practiceCode() + " " + p.practiceName();
  }

  private String link(String path) {
    return settings.linkBase() + path;
  }

  private static String body(String... lines) {
    return String.join("\n\n", lines)
        + "\n\nThis email holds no patient data: sign in to see the figures."
        + "\n-- LTC Reports (sent automatically; replies are not read)\n";
  }

  private Practice practice(String code) {
    return practices.get().stream()
        .filter(p -> p.practiceCode().equals(code))
        .findFirst()
        .orElse(null);
  }

  private static void addAll(List<String> to, List<String> more) {
    more.stream().filter(a -> !to.contains(a)).forEach(to::add);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
