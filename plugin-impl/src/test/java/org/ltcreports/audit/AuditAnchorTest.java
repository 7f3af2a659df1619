package org.ltcreports.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.audit.TestDatabases.TickingClock;
import org.ltcreports.audit.VerificationResult.Problem;

/**
 * Finding 2 of issue 18: deleting the newest events and rewriting {@code ltc_audit_head} to match
 * (or deleting every event and zeroing the head) verified as intact. The head kept in the anchor
 * file outside the database catches both.
 */
class AuditAnchorTest {
  @TempDir Path dir;

  private final Jdbi jdbi = TestDatabases.migratedH2();
  private final TickingClock clock =
      new TickingClock(Instant.parse("2026-11-02T09:00:00Z"), Duration.ofSeconds(1));

  private static AuditEvent event(String user, AuditAction action) {
    return AuditEvent.builder(user, action).build();
  }

  private AuditLog logWithAnchor(Path file, int every) {
    return new AuditLog(jdbi, clock, new AuditAnchor(file, every));
  }

  @Test
  void everyEventIsAnchoredAfterItCommits() throws Exception {
    Path file = dir.resolve("anchor.log");
    AuditLog log = logWithAnchor(file, 1);
    for (int i = 0; i < 3; i++) {
      log.record(event("alice", AuditAction.DOWNLOAD));
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    List<AuditEntry> stored = log.query(AuditQuery.all());
    assertThat(lines)
        .containsExactly(
            "ltc-audit-head 1 " + stored.get(0).hash() + " 2026-11-02T09:00:00Z",
            "ltc-audit-head 2 " + stored.get(1).hash() + " 2026-11-02T09:00:01Z",
            "ltc-audit-head 3 " + stored.get(2).hash() + " 2026-11-02T09:00:02Z");
    assertThat(AuditAnchor.latest(file).orElseThrow())
        .extracting(AuditHead::eventCount, AuditHead::headHash)
        .containsExactly(3L, stored.get(2).hash());
  }

  @Test
  void everyTenthEventAndEverySubmissionWhenEveryIsTen() throws Exception {
    Path file = dir.resolve("anchor.log");
    AuditLog log = logWithAnchor(file, 10);
    for (int i = 1; i <= 12; i++) {
      log.record(event("alice", i == 4 ? AuditAction.SUBMIT : AuditAction.DOWNLOAD));
    }
    // events 4 (a submission) and 10 (the tenth): 2 lines
    assertThat(Files.readAllLines(file))
        .extracting(l -> l.split(" ")[1])
        .containsExactly("4", "10");
  }

  @Test
  void theLatestHeadIsTheLargestCountAndATornLineIsSkipped() throws Exception {
    Path file = dir.resolve("anchor.log");
    String a = "a".repeat(64);
    String b = "b".repeat(64);
    Files.writeString(
        file,
        "ltc-audit-head 7 "
            + b
            + " 2026-11-02T09:00:07Z\n"
            + "ltc-audit-head 5 "
            + a
            + "\n" // a second process appended late
            + "ltc-audit-head 8 cc", // torn by a crash
        StandardCharsets.US_ASCII);
    assertThat(AuditAnchor.latest(file).orElseThrow())
        .extracting(AuditHead::eventCount, AuditHead::headHash)
        .containsExactly(7L, b);
    Files.writeString(file, "");
    assertThat(AuditAnchor.latest(file)).isEmpty();
  }

  @Test
  void truncationWithTheHeadRewrittenIsCaughtByTheAnchor() throws Exception {
    Path file = dir.resolve("anchor.log");
    AuditLog log = logWithAnchor(file, 1);
    for (int i = 0; i < 20; i++) {
      log.record(event("alice", AuditAction.DOWNLOAD));
    }
    String hash16 = log.query(AuditQuery.all()).get(15).hash();
    // the tester's attack: cut events 17..20 off and make the head say 16
    jdbi.useHandle(
        h -> {
          h.execute("DELETE FROM ltc_audit_event WHERE seq > 16");
          h.createUpdate("UPDATE ltc_audit_head SET event_count = 16, head_hash = :h WHERE id = 1")
              .bind("h", hash16)
              .execute();
        });
    assertThat(log.verify().intact()).as("the database alone cannot tell").isTrue();

    VerificationResult r = log.verifyAgainst(AuditAnchor.latest(file).orElseThrow());
    assertThat(r.intact()).isFalse();
    assertThat(r.problem()).isEqualTo(Problem.TRUNCATED);
    assertThat(r.firstBadSeq()).isEqualTo(17);
    assertThat(r.detail())
        .isEqualTo("the kept head records 20 events but the log now ends at event 16");
  }

  @Test
  void deletingEveryEventAndZeroingTheHeadIsCaughtByTheAnchor() throws Exception {
    Path file = dir.resolve("anchor.log");
    AuditLog log = logWithAnchor(file, 1);
    for (int i = 0; i < 3; i++) {
      log.record(event("alice", AuditAction.DOWNLOAD));
    }
    jdbi.useHandle(
        h -> {
          h.execute("DELETE FROM ltc_audit_event");
          h.execute(
              "UPDATE ltc_audit_head SET event_count = 0, head_hash = '"
                  + "0".repeat(64)
                  + "' WHERE id = 1");
        });
    assertThat(log.verify().toString()).startsWith("audit log intact: 0 events");

    VerificationResult r = log.verifyAgainst(AuditAnchor.latest(file).orElseThrow());
    assertThat(r.problem()).isEqualTo(Problem.TRUNCATED);
    assertThat(r.firstBadSeq()).isEqualTo(1);
  }

  @Test
  void aRewriteOfTheAnchoredEventWithTheHeadIsCaught() throws Exception {
    Path file = dir.resolve("anchor.log");
    AuditLog log = logWithAnchor(file, 1);
    for (int i = 0; i < 3; i++) {
      log.record(event("alice", AuditAction.DOWNLOAD));
    }
    AuditHead kept = AuditAnchor.latest(file).orElseThrow();
    // rewrite event 3 as someone else's and re-hash it and the head: the chain verifies
    AuditEntry third = log.query(AuditQuery.all()).get(2);
    AuditEntry forged =
        new AuditEntry(
            3,
            third.eventTime(),
            "mallory",
            null,
            third.action(),
            null,
            null,
            null,
            null,
            null,
            third.parametersJson(),
            null,
            third.outcome(),
            null,
            third.prevHash(),
            null);
    String forgedHash = AuditHash.of(forged);
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "UPDATE ltc_audit_event SET user_name = 'mallory', hash = :h WHERE seq = 3")
              .bind("h", forgedHash)
              .execute();
          h.createUpdate("UPDATE ltc_audit_head SET head_hash = :h WHERE id = 1")
              .bind("h", forgedHash)
              .execute();
        });
    assertThat(log.verify().intact()).isTrue();
    VerificationResult r = log.verifyAgainst(kept);
    assertThat(r.problem()).isEqualTo(Problem.EDITED);
    assertThat(r.firstBadSeq()).isEqualTo(3);
  }
}
