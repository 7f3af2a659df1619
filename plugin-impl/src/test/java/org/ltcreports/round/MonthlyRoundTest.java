package org.ltcreports.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ltcreports.access.PracticeLocalities;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.audit.TestDatabases;
import org.ltcreports.audit.TestDatabases.TickingClock;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ArtifactFile;
import org.ltcreports.submission.ReturnPolicy;
import org.ltcreports.submission.Submissions;
import org.ltcreports.submission.SubmitRequest;
import org.ltcreports.submission.TestReturns;

/**
 * The round against a real SMTP server (GreenMail, in process) and one plugin database shared by
 * two nodes. November 2026 ends on Monday 30 November; the run day is the 3rd working day after it,
 * Thursday 3 December (1, 2, 3 December). October's return was due on 15 November, so on any
 * December day a return of October nobody submitted is overdue.
 */
class MonthlyRoundTest {
  @RegisterExtension static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

  static final YearMonth OCT = YearMonth.of(2026, 10);
  static final YearMonth NOV = YearMonth.of(2026, 11);
  static final List<Practice> PRACTICES =
      List.of(
          new Practice("K83001", "Riverside Surgery", "L01", "North"),
          new Practice("K83002", "Hill Practice", "L01", "North"));
  static final HostUser LEAD =
      new HostUser("lee", Set.of(Role.PRACTICE_LEAD), Set.of("K83001"), Set.of());
  static final HostUser MANAGER =
      new HostUser("mo", Set.of(Role.LOCALITY_MANAGER), Set.of(), Set.of("L01"));

  Jdbi jdbi;
  TickingClock clock;
  Submissions submissions;
  AtomicInteger generated;
  RoundSettings settings;

  @BeforeEach
  void setUp() {
    jdbi = TestDatabases.migratedH2();
    clock = new TickingClock(Instant.parse("2026-12-02T09:00:00Z"), Duration.ZERO);
    submissions =
        new Submissions(
            jdbi,
            clock,
            ReturnPolicy.DEFAULT,
            PracticeLocalities.of(Map.of("K83001", "L01", "K83002", "L01")));
    generated = new AtomicInteger();
    Properties p = new Properties();
    p.setProperty("round.enabled", "true");
    p.setProperty("round.working-day", "3");
    p.setProperty("round.link-base", "https://gp.example.nhs.uk/ltc-reports/");
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", String.valueOf(ServerSetupTest.SMTP.getPort()));
    p.setProperty("mail.smtp.tls", "none");
    p.setProperty("mail.from", "ltc-reports@example.nhs.uk");
    p.setProperty("notify.practice-lead.K83001", "lead1@example.nhs.uk");
    p.setProperty("notify.practice-lead.K83002", "lead2@example.nhs.uk");
    p.setProperty("notify.practice-user", "staff@example.nhs.uk");
    p.setProperty("notify.locality-manager.L01", "manager@example.nhs.uk");
    settings = RoundSettings.from(p);
  }

  MonthlyRound node(String name, MonthlyRound.Generation generation) {
    return new MonthlyRound(
        settings,
        new RoundClaims(jdbi, Duration.ofMinutes(30)),
        submissions,
        () -> PRACTICES,
        WorkingDays.englandAndWales(),
        clock,
        new SmtpMailer(settings),
        new AuditLog(jdbi, clock),
        generation,
        name);
  }

  MonthlyRound.Generation counting() {
    return month -> {
      generated.incrementAndGet();
      return "generated " + month;
    };
  }

  @Test
  void runsOnTheConfiguredDayOnceAcrossTwoNodes() throws Exception {
    MonthlyRound a = node("node-a", counting());
    MonthlyRound b = node("node-b", counting());
    assertThat(a.runDay(NOV)).isEqualTo(java.time.LocalDate.of(2026, 12, 3));

    // Wednesday 2 December: not yet the run day; October's unsent returns are overdue
    a.tick();
    b.tick();
    assertThat(generated).hasValue(0);
    assertThat(subjects())
        .containsExactlyInAnyOrder(
            "Return overdue: K83001 Riverside Surgery, October 2026 -> lead1@example.nhs.uk,"
                + " manager@example.nhs.uk",
            "Return overdue: K83002 Hill Practice, October 2026 -> lead2@example.nhs.uk,"
                + " manager@example.nhs.uk");

    // Thursday 3 December, 07:00: both nodes tick; the month runs once, feedback goes once
    clock.set(Instant.parse("2026-12-03T07:00:00Z"));
    a.tick();
    b.tick();
    a.tick();
    assertThat(generated).hasValue(1);
    assertThat(subjects())
        .hasSize(4)
        .contains(
            "Feedback ready: K83001 Riverside Surgery, November 2026 -> lead1@example.nhs.uk,"
                + " staff@example.nhs.uk, manager@example.nhs.uk",
            "Feedback ready: K83002 Hill Practice, November 2026 -> lead2@example.nhs.uk,"
                + " staff@example.nhs.uk, manager@example.nhs.uk");
    assertThat(new RoundClaims(jdbi, Duration.ofMinutes(30)).attempts(NOV)).isEqualTo(1);

    // each email is an audit event
    assertThat(new AuditLog(jdbi, clock).query(AuditQuery.all().action(AuditAction.NOTIFY)))
        .hasSize(4);
    assertNoPatientData();
  }

  @Test
  void aClaimIsWonByExactlyOneOfManyConcurrentNodes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String node = "node-" + i;
        tries.add(
            () ->
                new RoundClaims(jdbi, Duration.ofMinutes(30))
                    .claimRun(NOV, node, Instant.parse("2026-12-03T07:00:00Z")));
      }
      int won = 0;
      for (Future<Boolean> f : pool.invokeAll(tries)) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunCutShortByARestartIsFinishedOnceItsLeaseHasPassed() throws Exception {
    clock.set(Instant.parse("2026-12-03T07:00:00Z"));
    MonthlyRound dying =
        node(
            "node-a",
            month -> {
              generated.incrementAndGet();
              throw new IllegalStateException("node-a stopped mid-run (restart)");
            });
    assertThatThrownBy(dying::tick).hasMessageContaining("stopped mid-run");
    assertThat(subjects()).noneMatch(s -> s.startsWith("Feedback ready"));

    // another node, 10 minutes later: the claim is still live, it leaves it alone
    clock.set(Instant.parse("2026-12-03T07:10:00Z"));
    node("node-b", counting()).tick();
    assertThat(generated).hasValue(1);

    // node-a restarted; 31 minutes after the first claim the lease has passed: it finishes the run
    clock.set(Instant.parse("2026-12-03T07:31:00Z"));
    MonthlyRound restarted = node("node-a", counting());
    restarted.tick();
    restarted.tick();
    node("node-b", counting()).tick();
    assertThat(generated).hasValue(2); // the cut-short attempt and the one that finished
    assertThat(new RoundClaims(jdbi, Duration.ofMinutes(30)).attempts(NOV)).isEqualTo(2);
    assertThat(subjects()).filteredOn(s -> s.startsWith("Feedback ready")).hasSize(2);
  }

  @Test
  void sentBackAndAcknowledgedAreToldOncePerVersion() throws Exception {
    clock.set(Instant.parse("2026-12-04T09:00:00Z"));
    MonthlyRound a = node("node-a", counting());
    submissions.submit(LEAD, request());
    submissions.sendBack(MANAGER, "K83001", NOV, "Caseload looks low for NHS number 9434765919");
    a.tick();
    a.tick();
    assertThat(subjects())
        .filteredOn(s -> s.startsWith("Return sent back"))
        .containsExactly(
            "Return sent back: K83001 Riverside Surgery, November 2026 -> lead1@example.nhs.uk");
    submissions.submit(LEAD, request("Rechecked the caseload of NHS number 9434765919"));
    submissions.acknowledge(MANAGER, "K83001", NOV);
    a.tick();
    a.tick();
    assertThat(subjects())
        .filteredOn(s -> s.startsWith("Return acknowledged"))
        .containsExactly(
            "Return acknowledged: K83001 Riverside Surgery, November 2026 ->"
                + " lead1@example.nhs.uk");
    // the send-back reason and the reply (free text) are not copied into the email
    assertNoPatientData();
  }

  private SubmitRequest request() {
    return request(null);
  }

  /** With the practice's reply to a send-back (null for a first submission). */
  private SubmitRequest request(String reply) {
    var r = TestReturns.returnFor("K83001", NOV, 120, Audience.COMMISSIONER);
    return new SubmitRequest(
        "K83001",
        NOV,
        r,
        List.of(new ArtifactFile(Format.JSON, "K83001-2026-11-return.json", new byte[] {1})),
        List.of(),
        Set.of(),
        "run-1",
        reply);
  }

  /** "Subject -> to, to" of every message received, in arrival order. */
  private List<String> subjects() throws Exception {
    Map<String, List<String>> byMessage = new TreeMap<>();
    List<String> out = new ArrayList<>();
    // GreenMail keeps one copy per recipient: group them back into one message each
    for (MimeMessage m : mail.getReceivedMessages()) {
      String key = m.getMessageID();
      if (!byMessage.containsKey(key)) {
        List<String> to = new ArrayList<>();
        for (Address x : m.getRecipients(Message.RecipientType.TO)) {
          to.add(x.toString());
        }
        byMessage.put(key, to);
        out.add(m.getSubject() + " -> " + String.join(", ", to));
      }
    }
    return out;
  }

  private void assertNoPatientData() throws Exception {
    for (MimeMessage m : mail.getReceivedMessages()) {
      String text = m.getSubject() + "\n" + GreenMailUtil.getBody(m);
      assertThat(text).doesNotContainPattern("\\b\\d{10}\\b").doesNotContain("NHS number");
      assertThat(text).contains("https://gp.example.nhs.uk/ltc-reports/practices/");
      assertThat(text).contains("holds no patient data");
    }
    assertThat(Arrays.asList(mail.getReceivedMessages())).isNotEmpty();
  }
}
