package org.ltcreports.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.TestDatabases.TickingClock;
import org.ltcreports.audit.VerificationResult.Problem;

class AuditLogTest {
  private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

  private Jdbi jdbi;
  private TickingClock clock;
  private AuditLog log;

  @BeforeEach
  void setUp() {
    jdbi = TestDatabases.migratedH2();
    clock = new TickingClock(START, Duration.ofSeconds(1));
    log = new AuditLog(jdbi, clock);
  }

  private static AuditEvent download(String user, String practice, int n) {
    return AuditEvent.builder(user, AuditAction.DOWNLOAD)
        .role(Role.PRACTICE_LEAD)
        .report(ReportType.PRACTICE_FEEDBACK)
        .practice(practice)
        .month(YearMonth.of(2026, 10))
        .audience(Audience.PRACTICE)
        .parameter("format", "pdf")
        .parameter("n", n)
        .artifactSha256("ab".repeat(32))
        .policyVersion("sdc-2026.1")
        .build();
  }

  private void recordFive() {
    for (int i = 1; i <= 5; i++) {
      log.record(download("alice", "K83001", i));
    }
  }

  @Test
  void anIntactChainVerifies() {
    recordFive();
    VerificationResult r = log.verify();
    assertThat(r.intact()).as(r.toString()).isTrue();
    assertThat(r.eventsChecked()).isEqualTo(5);
    assertThat(r.problem()).isNull();
    List<AuditEntry> all = log.query(AuditQuery.all());
    assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(all.get(0).prevHash()).isEqualTo("0".repeat(64));
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).prevHash()).isEqualTo(all.get(i - 1).hash());
    }
    assertThat(log.head().eventCount()).isEqualTo(5);
    assertThat(log.head().headHash()).isEqualTo(all.get(4).hash());
    assertThat(r.toString()).startsWith("audit log intact: 5 events");
  }

  /**
   * Issue 21: a generated report's events go in with one commit. The chain they make is the one
   * recording them one by one makes: the same numbers, times, hashes and head.
   */
  @Test
  void eventsRecordedTogetherChainExactlyAsOneByOne() {
    recordFive();
    List<AuditEntry> oneByOne = log.query(AuditQuery.all());

    Jdbi other = TestDatabases.migratedH2();
    AuditLog together = new AuditLog(other, new TickingClock(START, Duration.ofSeconds(1)));
    List<AuditEntry> stored =
        together.recordAll(
            List.of(
                download("alice", "K83001", 1),
                download("alice", "K83001", 2),
                download("alice", "K83001", 3)));
    together.recordAll(List.of(download("alice", "K83001", 4), download("alice", "K83001", 5)));

    assertThat(stored).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(together.query(AuditQuery.all())).isEqualTo(oneByOne);
    assertThat(together.head().eventCount()).isEqualTo(5);
    assertThat(together.head().headHash()).isEqualTo(oneByOne.get(4).hash());
    assertThat(together.verify().intact()).isTrue();
  }

  @Test
  void eventsRecordedTogetherAreAllStoredOrNone() {
    log.record(download("alice", "K83001", 1));
    AuditEvent bad =
        AuditEvent.builder("alice", AuditAction.GENERATE).artifactSha256("not a hash").build();
    assertThatThrownBy(() -> log.recordAll(List.of(download("alice", "K83001", 2), bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("artifactSha256");
    assertThat(log.query(AuditQuery.all())).extracting(AuditEntry::seq).containsExactly(1L);
    assertThat(log.head().eventCount()).isEqualTo(1);
  }

  @Test
  void anEmptyLogVerifies() {
    assertThat(log.verify().intact()).isTrue();
    assertThat(log.head().eventCount()).isZero();
  }

  @Test
  void eventsAreStoredWithUtcTimeAndEveryField() {
    AuditEntry e = log.record(download("alice", "K83001", 1));
    assertThat(e.seq()).isEqualTo(1);
    assertThat(e.eventTime()).isEqualTo(START);
    assertThat(log.query(AuditQuery.all())).containsExactly(e);
    assertThat(e.role()).isEqualTo("PRACTICE_LEAD");
    assertThat(e.action()).isEqualTo("DOWNLOAD");
    assertThat(e.reportType()).isEqualTo("practice-feedback");
    assertThat(e.month()).isEqualTo("2026-10");
    assertThat(e.audience()).isEqualTo("PRACTICE");
    assertThat(e.parametersJson()).isEqualTo("{\"format\":\"pdf\",\"n\":1}");
    assertThat(e.outcome()).isEqualTo("SUCCESS");
    assertThat(e.policyVersion()).isEqualTo("sdc-2026.1");
  }

  /** Pins the canonical serialisation: changing it would make every existing log fail. */
  @Test
  void theHashFormatIsStable() {
    AuditEntry e = log.record(download("alice", "K83001", 1));
    assertThat(e.hash()).isEqualTo(GOLDEN_HASH);
    assertThat(e.expectedHash()).isEqualTo(e.hash());
  }

  // = sha256 of ["ltc-audit-v1",1,"2026-11-02T09:00:00Z","alice","PRACTICE_LEAD","DOWNLOAD",
  // "practice-feedback","K83001",null,"2026-10","PRACTICE","{\"format\":\"pdf\",\"n\":1}",
  // "abab…ab","SUCCESS","sdc-2026.1","000…0"] (checked independently with Python's json + hashlib)
  static final String GOLDEN_HASH =
      "960082dbe16a83f99671ee0f75feffa084594577ee1ec4ee98dc0a3fd66ba8bb";

  /** Ways of damaging a five-event log, and what verification must say. */
  enum Tampering {
    EDIT_A_FIELD(
        3, Problem.EDITED, "UPDATE ltc_audit_event SET user_name = 'mallory' WHERE seq = 3"),
    EDIT_PARAMETERS(
        2, Problem.EDITED, "UPDATE ltc_audit_event SET parameters = '{}' WHERE seq = 2"),
    EDIT_THE_OUTCOME(
        5, Problem.EDITED, "UPDATE ltc_audit_event SET outcome = 'FAILURE' WHERE seq = 5"),
    DELETE_ONE(3, Problem.DELETED, "DELETE FROM ltc_audit_event WHERE seq = 3"),
    DELETE_TWO(2, Problem.DELETED, "DELETE FROM ltc_audit_event WHERE seq IN (2, 3)"),
    DELETE_THE_FIRST(1, Problem.DELETED, "DELETE FROM ltc_audit_event WHERE seq = 1"),
    REORDER(
        3,
        Problem.REORDERED,
        "UPDATE ltc_audit_event SET seq = -3 WHERE seq = 3",
        "UPDATE ltc_audit_event SET seq = 3 WHERE seq = 4",
        "UPDATE ltc_audit_event SET seq = 4 WHERE seq = -3"),
    TRUNCATE_ONE(5, Problem.TRUNCATED, "DELETE FROM ltc_audit_event WHERE seq = 5"),
    TRUNCATE_TWO(4, Problem.TRUNCATED, "DELETE FROM ltc_audit_event WHERE seq >= 4"),
    TRUNCATE_ALL(1, Problem.TRUNCATED, "DELETE FROM ltc_audit_event"),
    DELETE_THE_HEAD(6, Problem.HEAD_MISMATCH, "DELETE FROM ltc_audit_head");

    final long seq;
    final Problem problem;
    final String[] sql;

    Tampering(long seq, Problem problem, String... sql) {
      this.seq = seq;
      this.problem = problem;
      this.sql = sql;
    }
  }

  @ParameterizedTest
  @EnumSource(Tampering.class)
  void tamperingIsDetectedAndNamed(Tampering t) {
    recordFive();
    jdbi.useHandle(
        h -> {
          for (String sql : t.sql) {
            h.execute(sql);
          }
        });
    VerificationResult r = log.verify();
    assertThat(r.intact()).isFalse();
    assertThat(r.problem()).as(r.toString()).isEqualTo(t.problem);
    assertThat(r.firstBadSeq()).as(r.toString()).isEqualTo(t.seq);
    assertThat(r.toString()).contains("NOT intact at event " + t.seq);
  }

  @Test
  void detailsSayWhichEventsAreMissing() {
    recordFive();
    jdbi.useHandle(h -> h.execute("DELETE FROM ltc_audit_event WHERE seq IN (2, 3)"));
    assertThat(log.verify().detail()).isEqualTo("events 2 to 3 are missing (deleted)");
    jdbi.useHandle(h -> h.execute("DELETE FROM ltc_audit_event WHERE seq = 5"));
    assertThat(log.verify().detail()).isEqualTo("events 2 to 3 are missing (deleted)");
  }

  @Test
  void anEditThatRecomputesTheEventsOwnHashIsCaughtByItsSuccessor() {
    recordFive();
    rewrite(3);
    VerificationResult r = log.verify();
    assertThat(r.problem()).isEqualTo(Problem.EDITED);
    assertThat(r.firstBadSeq()).isEqualTo(3);
    assertThat(r.detail())
        .isEqualTo(
            "event 3 is not the event that event 4 recorded before it: it was changed and"
                + " re-hashed, or replaced");
  }

  @Test
  void anEditOfTheLastEventWithANewHashIsCaughtByTheHead() {
    recordFive();
    rewrite(5);
    VerificationResult r = log.verify();
    assertThat(r.problem()).isEqualTo(Problem.EDITED);
    assertThat(r.firstBadSeq()).isEqualTo(5);
  }

  @Test
  void eventsWrittenAroundTheLogAreNamed() {
    recordFive();
    AuditEntry last = log.query(AuditQuery.all()).get(4);
    AuditEntry forged =
        new AuditEntry(
            6,
            START.plusSeconds(60),
            "mallory",
            null,
            "DOWNLOAD",
            null,
            null,
            null,
            null,
            null,
            "{}",
            null,
            "SUCCESS",
            null,
            last.hash(),
            null);
    insert(forged, AuditHash.of(forged));
    VerificationResult r = log.verify();
    assertThat(r.problem()).isEqualTo(Problem.HEAD_MISMATCH);
    assertThat(r.firstBadSeq()).isEqualTo(6);
  }

  @Test
  void truncationStaysVisibleAfterNewEventsAreAppended() {
    recordFive();
    jdbi.useHandle(h -> h.execute("DELETE FROM ltc_audit_event WHERE seq = 5"));
    AuditEntry next = log.record(download("bob", "K83001", 6));
    assertThat(next.seq()).isEqualTo(6);
    VerificationResult r = log.verify();
    assertThat(r.problem()).isEqualTo(Problem.DELETED);
    assertThat(r.firstBadSeq()).isEqualTo(5);
  }

  /**
   * Someone who can write the database rewrites events 3 to 5 and the head consistently: the chain
   * verifies on its own, but not against a head printed before the rewrite.
   */
  @Test
  void aRewriteOfEventsAndHeadTogetherIsCaughtByAPrintedHead() {
    recordFive();
    AuditHead printed = AuditHead.parse(log.head().printable());
    String prev = log.query(AuditQuery.all()).get(1).hash();
    for (long seq = 3; seq <= 5; seq++) {
      final String p = prev;
      prev = rewriteWithPrev(seq, p);
    }
    final String newHead = prev;
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE ltc_audit_head SET head_hash = :h WHERE id = 1")
                .bind("h", newHead)
                .execute());

    assertThat(log.verify().intact()).isTrue();
    VerificationResult r = log.verifyAgainst(printed);
    assertThat(r.intact()).isFalse();
    assertThat(r.problem()).isEqualTo(Problem.EDITED);
    assertThat(r.firstBadSeq()).isEqualTo(5);
  }

  @Test
  void aPrintedHeadAcceptsLaterEventsAndCatchesTruncationBelowIt() {
    recordFive();
    AuditHead printed = log.head();
    log.record(download("bob", "K83001", 6));
    assertThat(log.verifyAgainst(printed).intact()).isTrue();

    jdbi.useHandle(
        h -> {
          h.execute("DELETE FROM ltc_audit_event WHERE seq >= 4");
          h.createUpdate("UPDATE ltc_audit_head SET event_count = 3, head_hash = :h WHERE id = 1")
              .bind("h", log.query(AuditQuery.all()).get(2).hash())
              .execute();
        });
    assertThat(log.verify().intact()).isTrue(); // head rewritten too
    VerificationResult r = log.verifyAgainst(printed);
    assertThat(r.problem()).isEqualTo(Problem.TRUNCATED);
    assertThat(r.firstBadSeq()).isEqualTo(4);
  }

  @Test
  void aHeadLineRoundTrips() {
    recordFive();
    AuditHead head = log.head();
    assertThat(head.printable()).matches("ltc-audit-head 5 [0-9a-f]{64}");
    AuditHead parsed = AuditHead.parse(head.printable());
    assertThat(parsed.eventCount()).isEqualTo(5);
    assertThat(parsed.headHash()).isEqualTo(head.headHash());
    assertThatThrownBy(() -> AuditHead.parse("ltc-audit-head five"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noPasswordOrJdbcUrlIsEverStored() {
    log.record(
        AuditEvent.builder("admin", AuditAction.CONFIG_CHANGE)
            .parameter("password", "hunter2")
            .parameter("db.password", "hunter3")
            .parameter("jdbc-url", "jdbc:postgresql://db.example/ltc")
            .parameter("source.jdbc.url", "jdbc:h2:file:./data/ltc")
            .parameter("config", Map.of("user", "sa", "url", "jdbc:h2:mem:x", "pwd", "hunter4"))
            .parameter("note", "reconnected with jdbc:postgresql://db:5432/ltc?password=hunter5")
            .parameter("dsn", "postgres://ltc:hunter6@db/ltc")
            .parameter("secret", new char[] {'h', 'u', 'n', 't', 'e', 'r', '7'})
            .parameter("key", "measures.frequent-attender-threshold")
            .parameter("value", 4)
            .build());
    log.record(
        AuditEvent.builder("jdbc:h2:mem:sneaky;PASSWORD=hunter8", AuditAction.VERIFY).build());

    List<String> everything =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT * FROM ltc_audit_event").mapToMap().list().stream()
                    .flatMap(row -> row.values().stream())
                    .map(String::valueOf)
                    .toList());
    String all = String.join("|", everything).toLowerCase();
    assertThat(all).doesNotContain("hunter").doesNotContain("jdbc:").doesNotContain("postgres://");
    AuditEntry config = log.query(AuditQuery.all().action(AuditAction.CONFIG_CHANGE)).get(0);
    assertThat(config.parametersJson())
        .contains("\"key\":\"measures.frequent-attender-threshold\"")
        .contains("\"value\":4")
        .contains("\"password\":\"[redacted]\"");
    assertThat(log.verify().intact()).isTrue();
  }

  @Test
  void concurrentAppendsFromTwoProcessesFormOneChain() throws Exception {
    AuditLog other = new AuditLog(jdbi, Clock.systemUTC()); // a second process, same database
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      AuditLog target = t % 2 == 0 ? log : other;
      int thread = t;
      Callable<Void> task =
          () -> {
            start.await();
            for (int i = 0; i < 25; i++) {
              target.record(download("user" + thread, "K83001", i));
            }
            return null;
          };
      futures.add(pool.submit(task));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    VerificationResult r = log.verify();
    assertThat(r.intact()).as(r.toString()).isTrue();
    assertThat(r.eventsChecked()).isEqualTo(200);
  }

  @Test
  void queriesFilterByUserActionPracticeAndDates() {
    clock.set(Instant.parse("2026-11-01T23:59:59Z"));
    log.record(download("alice", "K83001", 1));
    clock.set(Instant.parse("2026-11-02T00:00:00Z"));
    log.record(download("bob", "K83002", 2));
    log.record(
        AuditEvent.builder("carol", AuditAction.ACCESS_DENIED)
            .practice("K83001")
            .outcome(AuditOutcome.DENIED)
            .build());
    clock.set(Instant.parse("2026-11-03T10:00:00Z"));
    log.record(download("alice", "K83002", 3));

    assertThat(log.query(AuditQuery.all().user("alice")))
        .extracting(AuditEntry::seq)
        .containsExactly(1L, 4L);
    assertThat(log.query(AuditQuery.all().action(AuditAction.ACCESS_DENIED)))
        .extracting(AuditEntry::userName)
        .containsExactly("carol");
    assertThat(log.query(AuditQuery.all().practice("K83002")))
        .extracting(AuditEntry::seq)
        .containsExactly(2L, 4L);
    LocalDate nov2 = LocalDate.of(2026, 11, 2);
    assertThat(log.query(AuditQuery.all().onDays(nov2, nov2, ZoneOffset.UTC)))
        .extracting(AuditEntry::seq)
        .containsExactly(2L, 3L);
    assertThat(
            log.query(
                AuditQuery.all()
                    .user("alice")
                    .practice("K83002")
                    .between(nov2.atStartOfDay().toInstant(ZoneOffset.UTC), null)))
        .extracting(AuditEntry::seq)
        .containsExactly(4L);
    assertThat(log.query(AuditQuery.all().descending().limit(2)))
        .extracting(AuditEntry::seq)
        .containsExactly(4L, 3L);
    assertThat(log.query(AuditQuery.all().user("' OR '1'='1"))).isEmpty();
  }

  @Test
  void exportsCsvWithHashesAndDefusesFormulas() throws Exception {
    log.record(download("alice", "K83001", 1));
    log.record(AuditEvent.builder("=HYPERLINK(\"http://x\")", AuditAction.VERIFY).build());
    StringWriter out = new StringWriter();
    log.exportCsv(AuditQuery.all(), out);

    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(out.toString()))
            .getRecords();
    assertThat(out.toString()).startsWith(String.join(",", AuditCsv.HEADER) + "\r\n");
    assertThat(rows).hasSize(2);
    List<AuditEntry> stored = log.query(AuditQuery.all());
    assertThat(rows.get(0).get("hash")).isEqualTo(stored.get(0).hash());
    assertThat(rows.get(0).get("parameters")).isEqualTo("{\"format\":\"pdf\",\"n\":1}");
    assertThat(rows.get(0).get("event_time")).isEqualTo("2026-11-02T09:00:00Z");
    assertThat(rows.get(1).get("user_name")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(rows.get(1).get("prev_hash")).isEqualTo(stored.get(0).hash());
  }

  @Test
  void refusesAMalformedArtifactHash() {
    assertThatThrownBy(
            () ->
                log.record(
                    AuditEvent.builder("alice", AuditAction.DOWNLOAD)
                        .artifactSha256("not-a-hash")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lower-case hex digits");
    assertThat(log.head().eventCount()).isZero();
  }

  // ---- helpers that play the attacker with database access ----

  /** Changes event {@code seq}'s user and stores a correct hash for the changed fields. */
  private void rewrite(long seq) {
    AuditEntry e = log.query(AuditQuery.all()).get((int) seq - 1);
    rewriteWithPrev(seq, e.prevHash());
  }

  private String rewriteWithPrev(long seq, String prev) {
    AuditEntry e = log.query(AuditQuery.all()).get((int) seq - 1);
    AuditEntry changed =
        new AuditEntry(
            e.seq(),
            e.eventTime(),
            "mallory",
            e.role(),
            e.action(),
            e.reportType(),
            e.practiceCode(),
            e.localityCode(),
            e.month(),
            e.audience(),
            e.parametersJson(),
            e.artifactSha256(),
            e.outcome(),
            e.policyVersion(),
            prev,
            null);
    String hash = AuditHash.of(changed);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE ltc_audit_event SET user_name = 'mallory', prev_hash = :p, hash = :h"
                        + " WHERE seq = :s")
                .bind("p", prev)
                .bind("h", hash)
                .bind("s", seq)
                .execute());
    return hash;
  }

  private void insert(AuditEntry e, String hash) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO ltc_audit_event ("
                        + AuditRows.COLUMNS
                        + ") VALUES (:seq, :time, :user, NULL, :action, NULL, NULL, NULL, NULL,"
                        + " NULL, :params, NULL, :outcome, NULL, :prev, :hash)")
                .bind("seq", e.seq())
                .bind("time", AuditRows.utc(e.eventTime()))
                .bind("user", e.userName())
                .bind("action", e.action())
                .bind("params", e.parametersJson())
                .bind("outcome", e.outcome())
                .bind("prev", e.prevHash())
                .bind("hash", hash)
                .execute());
  }
}
