package org.ltcreports.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ltcreports.access.AccessDenied;
import org.ltcreports.access.PracticeLocalities;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.TestDatabases;
import org.ltcreports.audit.TestDatabases.TickingClock;
import org.ltcreports.submission.FigureDiff.Change;
import org.ltcreports.submission.FigureDiff.Kind;

class SubmissionsTest {
  private static final YearMonth OCT = YearMonth.of(2026, 10);
  private static final HostUser LEAD =
      new HostUser("lee", Set.of(Role.PRACTICE_LEAD), Set.of("K83001"), Set.of());
  private static final HostUser USER =
      new HostUser("pat", Set.of(Role.PRACTICE_USER), Set.of("K83001"), Set.of());
  private static final HostUser OTHER_LEAD =
      new HostUser("olu", Set.of(Role.PRACTICE_LEAD), Set.of("K83002"), Set.of());
  private static final HostUser COMMISSIONER =
      new HostUser("cam", Set.of(Role.COMMISSIONER), Set.of(), Set.of("L01"));
  private static final HostUser MANAGER =
      new HostUser("mo", Set.of(Role.LOCALITY_MANAGER), Set.of(), Set.of("L01"));

  private Jdbi jdbi;
  private TickingClock clock;
  private Submissions submissions;

  @BeforeEach
  void setUp() {
    jdbi = TestDatabases.migratedH2();
    clock = new TickingClock(Instant.parse("2026-11-05T10:00:00Z"), Duration.ofMinutes(1));
    submissions =
        new Submissions(
            jdbi,
            clock,
            ReturnPolicy.DEFAULT,
            PracticeLocalities.of(Map.of("K83001", "L01", "K83002", "L01")));
  }

  private static SubmitRequest request(long registerSize, List<String> warnings) {
    Report r = TestReturns.returnFor("K83001", OCT, registerSize, Audience.COMMISSIONER);
    return new SubmitRequest(
        "K83001",
        OCT,
        r,
        List.of(
            new ArtifactFile(
                Format.XLSX, "K83001-2026-10-return.xlsx", bytes("xlsx", registerSize)),
            new ArtifactFile(
                Format.JSON, "K83001-2026-10-return.json", bytes("json", registerSize))),
        warnings,
        Set.copyOf(warnings),
        "run-1");
  }

  private static byte[] bytes(String format, long registerSize) {
    return ("return " + format + " register_size=" + registerSize).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void submitStoresTheExactBytesAndTheDueDate() {
    Submission s = submissions.submit(LEAD, request(120, List.of("register below target")));

    assertThat(s.version()).isEqualTo(1);
    assertThat(s.state()).isEqualTo(ReturnState.SUBMITTED);
    assertThat(s.submittedBy()).isEqualTo("lee");
    assertThat(s.submittedAt()).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
    assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 11, 15));
    assertThat(s.onTime()).isTrue();
    assertThat(s.warningsAcknowledged()).containsExactly("register below target");
    assertThat(s.runId()).isEqualTo("run-1");
    assertThat(s.policyVersion()).isEqualTo("sdc-2026.1");
    assertThat(s.artifacts())
        .extracting(StoredArtifact::format, StoredArtifact::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Format.JSON, Submissions.sha256(bytes("json", 120))),
            org.assertj.core.groups.Tuple.tuple(
                Format.XLSX, Submissions.sha256(bytes("xlsx", 120))));
    assertThat(submissions.artifact("K83001", OCT, 1, Format.XLSX)).contains(bytes("xlsx", 120));
    assertThat(submissions.state("K83001", OCT)).isEqualTo(ReturnState.SUBMITTED);
    assertThat(submissions.state("K83001", OCT.plusMonths(1))).isEqualTo(ReturnState.DRAFT);
  }

  @Test
  void aLateSubmissionIsMarkedLate() {
    clock.set(Instant.parse("2026-11-16T09:00:00Z"));
    assertThat(submissions.submit(LEAD, request(120, List.of())).onTime()).isFalse();
  }

  @Test
  void submittingTwiceIsRefused() {
    submissions.submit(LEAD, request(120, List.of()));
    assertThatThrownBy(() -> submissions.submit(LEAD, request(121, List.of())))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage(
            "cannot submit this return: it has already been submitted and is awaiting"
                + " acknowledgement; it cannot be submitted twice");
    assertThat(submissions.versions("K83001", OCT)).hasSize(1);
  }

  @Test
  void onlyTheLeadOfThePracticeSubmits() {
    assertThatThrownBy(() -> submissions.submit(USER, request(120, List.of())))
        .isInstanceOf(AccessDenied.class)
        .hasMessage("Practice staff cannot submit returns; ask the practice lead");
    assertThatThrownBy(() -> submissions.submit(OTHER_LEAD, request(120, List.of())))
        .isInstanceOf(AccessDenied.class)
        .hasMessage("olu does not act for practice K83001");
  }

  @Test
  void unacknowledgedWarningsBlockSubmission() {
    SubmitRequest r = request(120, List.of("register below target"));
    SubmitRequest unticked =
        new SubmitRequest(
            r.practiceCode(), r.month(), r.report(), r.files(), r.warnings(), Set.of(), null);
    assertThatThrownBy(() -> submissions.submit(LEAD, unticked))
        .isInstanceOf(IllegalTransition.class)
        .hasMessageContaining("not acknowledged: register below target");
    assertThat(submissions.state("K83001", OCT)).isEqualTo(ReturnState.DRAFT);
  }

  @Test
  void aPracticeCopyIsNeverSubmitted() {
    SubmitRequest r = request(120, List.of());
    Report practiceCopy = TestReturns.returnFor("K83001", OCT, 120, Audience.PRACTICE);
    SubmitRequest wrong =
        new SubmitRequest("K83001", OCT, practiceCopy, r.files(), List.of(), Set.of(), null);
    assertThatThrownBy(() -> submissions.submit(LEAD, wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a return is sent as its COMMISSIONER copy");
  }

  @Test
  void acknowledgingADraftIsRefused() {
    assertThatThrownBy(() -> submissions.acknowledge(COMMISSIONER, "K83001", OCT))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage("cannot acknowledge this return: it is a draft that has not been submitted");
  }

  @Test
  void theFullLifecycleWithAReturnAndAResubmission() {
    submissions.submit(LEAD, request(120, List.of()));

    Submission returned =
        submissions.sendBack(MANAGER, "K83001", OCT, "  register size looks too low  ");
    assertThat(returned.state()).isEqualTo(ReturnState.RETURNED);
    assertThat(returned.reason()).isEqualTo("register size looks too low");
    assertThat(returned.decidedBy()).isEqualTo("mo");

    Submission v2 = submissions.submit(LEAD, reply(request(128, List.of()), "8 patients added"));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.state()).isEqualTo(ReturnState.RESUBMITTED);

    Submission acknowledged = submissions.acknowledge(COMMISSIONER, "K83001", OCT);
    assertThat(acknowledged.version()).isEqualTo(2);
    assertThat(acknowledged.state()).isEqualTo(ReturnState.ACKNOWLEDGED);

    List<Submission> versions = submissions.versions("K83001", OCT);
    assertThat(versions)
        .extracting(Submission::version, Submission::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, ReturnState.RETURNED),
            org.assertj.core.groups.Tuple.tuple(2, ReturnState.ACKNOWLEDGED));
    // version 1's bytes are still those first sent
    assertThat(submissions.artifact("K83001", OCT, 1, Format.JSON)).contains(bytes("json", 120));

    assertThat(submissions.changes("K83001", OCT, 2).orElseThrow().changes())
        .containsExactly(
            new Change(
                "register_pct_adult_list",
                Kind.CHANGED,
                new java.math.BigDecimal("1.875"),
                new java.math.BigDecimal("2.0")),
            new Change("register_size", Kind.CHANGED, 120L, 128L));
    assertThat(submissions.changes("K83001", OCT, 1)).isEmpty();

    assertThatThrownBy(() -> submissions.sendBack(COMMISSIONER, "K83001", OCT, "again"))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage("cannot return this return: it has already been acknowledged, which is final");
  }

  /** The same request with the practice's reply to a send-back. */
  private static SubmitRequest reply(SubmitRequest r, String reply) {
    return new SubmitRequest(
        r.practiceCode(),
        r.month(),
        r.report(),
        r.files(),
        r.warnings(),
        r.acknowledgedWarnings(),
        r.runId(),
        reply);
  }

  /**
   * Issue 20: "Resubmitting identical figures is allowed, with no box to answer the commissioner's
   * reason". A resubmission must answer it; the reply is kept with the new version.
   */
  @Test
  void aResubmissionMustReplyToTheReasonItWasSentBack() {
    submissions.submit(LEAD, reply(request(120, List.of()), "nothing to answer yet"));
    submissions.sendBack(MANAGER, "K83001", OCT, "register size looks too low");

    for (String none : new String[] {null, "", "  \n "}) {
      assertThatThrownBy(() -> submissions.submit(LEAD, reply(request(120, List.of()), none)))
          .isInstanceOf(IllegalTransition.class)
          .hasMessage(
              "cannot resubmit this return: reply to the reason it was sent back (say what you"
                  + " changed, or why the figures stand)");
    }
    assertThatThrownBy(
            () -> submissions.submit(LEAD, reply(request(120, List.of()), "x".repeat(2001))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reply is longer than 2000 characters");
    assertThat(submissions.versions("K83001", OCT)).hasSize(1);
    assertThat(submissions.state("K83001", OCT)).isEqualTo(ReturnState.RETURNED);
    assertThat(SendBack.latest(submissions.versions("K83001", OCT)))
        .contains(new SendBack(1, "register size looks too low", null));

    Submission v2 =
        submissions.submit(
            LEAD, reply(request(120, List.of()), "  Checked with the team: 120 is right  "));
    assertThat(v2.reply()).isEqualTo("Checked with the team: 120 is right");
    assertThat(submissions.versions("K83001", OCT))
        .extracting(Submission::version, Submission::reason, Submission::reply)
        .containsExactly(
            // a first submission has nothing to answer: its reply is not kept
            org.assertj.core.groups.Tuple.tuple(1, "register size looks too low", null),
            org.assertj.core.groups.Tuple.tuple(2, null, "Checked with the team: 120 is right"));
    assertThat(SendBack.latest(submissions.versions("K83001", OCT)))
        .contains(
            new SendBack(1, "register size looks too low", "Checked with the team: 120 is right"));
    // a reply of exactly the column's 2000 characters is kept whole on the next round
    submissions.sendBack(MANAGER, "K83001", OCT, "still low");
    assertThat(
            submissions
                .submit(LEAD, reply(request(120, List.of()), "y".repeat(2000)))
                .reply()
                .length())
        .isEqualTo(2000);
  }

  @Test
  void theSubmitterCannotDecideOnTheirOwnReturn() {
    HostUser both =
        new HostUser(
            "lee", Set.of(Role.PRACTICE_LEAD, Role.COMMISSIONER), Set.of("K83001"), Set.of("L01"));
    submissions.submit(both, request(120, List.of()));
    assertThatThrownBy(() -> submissions.acknowledge(both, "K83001", OCT))
        .isInstanceOf(IllegalTransition.class)
        .hasMessage(
            "cannot acknowledge this return: lee submitted it, and a return is decided on by"
                + " someone else");
  }

  @Test
  void aCommissionerOfAnotherLocalityCannotDecide() {
    submissions.submit(LEAD, request(120, List.of()));
    HostUser elsewhere = new HostUser("cy", Set.of(Role.COMMISSIONER), Set.of(), Set.of("L02"));
    assertThatThrownBy(() -> submissions.acknowledge(elsewhere, "K83001", OCT))
        .isInstanceOf(AccessDenied.class)
        .hasMessage("cy does not act for locality L01");
  }

  @Test
  void simultaneousSubmissionsStoreExactlyOne() throws Exception {
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Submission>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long size = 120 + i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return submissions.submit(LEAD, request(size, List.of()));
              }));
    }
    start.countDown();
    int ok = 0;
    int refused = 0;
    for (Future<Submission> f : futures) {
      try {
        f.get();
        ok++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalTransition.class);
        refused++;
      }
    }
    pool.shutdown();
    assertThat(ok).isEqualTo(1);
    assertThat(refused).isEqualTo(n - 1);
    assertThat(submissions.versions("K83001", OCT)).hasSize(1);
  }

  @Test
  void verifyTellsWhichSubmissionOrRunAFileIs() {
    submissions.submit(LEAD, request(120, List.of()));
    byte[] runPdf = "a feedback pdf".getBytes(StandardCharsets.UTF_8);
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "INSERT INTO ltc_report_run (run_id, report_type, scope_code, report_month,"
                      + " audience, rules_version, extract_date, requested_by, started_at, status)"
                      + " VALUES ('run-9', 'practice-feedback', 'K83001', '2026-10', 'PUBLIC',"
                      + " 'rules-1', :d, 'cli', :t, 'DONE')")
              .bind("d", LocalDate.of(2026, 11, 3))
              .bind("t", LocalDateTime.of(2026, 11, 4, 8, 0))
              .execute();
          h.createUpdate(
                  "INSERT INTO ltc_run_artifact (run_id, format, file_name, byte_size, sha256)"
                      + " VALUES ('run-9', 'pdf', 'K83001.pdf', :size, :sha)")
              .bind("size", (long) runPdf.length)
              .bind("sha", Submissions.sha256(runPdf))
              .execute();
        });

    ArtifactVerification sub = submissions.verify(bytes("xlsx", 120));
    assertThat(sub.matched()).isTrue();
    assertThat(sub.submissions())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.practiceCode()).isEqualTo("K83001");
              assertThat(m.month()).isEqualTo("2026-10");
              assertThat(m.version()).isEqualTo(1);
              assertThat(m.format()).isEqualTo(Format.XLSX);
            });
    ArtifactVerification run = submissions.verify(runPdf);
    assertThat(run.runs()).singleElement().extracting(r -> r.runId()).isEqualTo("run-9");
    assertThat(run.describe()).anyMatch(l -> l.startsWith("report run run-9"));

    ArtifactVerification none =
        submissions.verify("something else".getBytes(StandardCharsets.UTF_8));
    assertThat(none.matched()).isFalse();
    assertThat(none.describe()).contains("no stored submission or report run has this file");
  }

  @Test
  void storedBytesChangedInTheDatabaseAreNotServed() {
    submissions.submit(LEAD, request(120, List.of()));
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE ltc_submission_artifact SET content = :c WHERE format = 'xlsx'")
                .bind("c", "forged".getBytes(StandardCharsets.UTF_8))
                .execute());
    assertThatThrownBy(() -> submissions.artifact("K83001", OCT, 1, Format.XLSX))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match its SHA-256");
  }

  @Test
  void regeneratedFiguresAreComparedWithTheSubmission() {
    submissions.submit(LEAD, request(120, List.of()));
    Report same = TestReturns.returnFor("K83001", OCT, 120, Audience.COMMISSIONER);
    assertThat(submissions.changesSinceSubmitted(same).orElseThrow().isEmpty()).isTrue();
    Report changed = TestReturns.returnFor("K83001", OCT, 125, Audience.COMMISSIONER);
    assertThat(submissions.changesSinceSubmitted(changed).orElseThrow().changes())
        .extracting(Change::figureId)
        .containsExactly("register_size", "register_pct_adult_list");
  }
}
