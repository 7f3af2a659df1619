package org.ltcreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.cli.CliTest.Run;
import org.ltcreports.fixtures.HandBuiltDatasets;

/**
 * Finding 2 of issue 18, as the tester ran it: cut the newest audit events off, rewrite {@code
 * ltc_audit_head} to the last event kept, and {@code verify-audit} said "intact", exit 0. With the
 * anchor file it names the truncation, exit 1; so it does after every event is deleted and the head
 * zeroed.
 */
class AuditAnchorCliTest {
  @TempDir Path dir;

  private Path config(String url, Path anchor) throws Exception {
    Path cfg = dir.resolve("ltc.properties");
    Files.writeString(
        cfg,
        "source.jdbc-url = "
            + url
            + "\naudit.anchor-file = "
            + anchor.toString().replace('\\', '/')
            + "\nartifacts.dir = "
            + dir.resolve("artifacts").toString().replace('\\', '/')
            + "\n");
    return cfg;
  }

  private static long count(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ltc_audit_event")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void truncationWithTheHeadRewrittenFailsVerifyAudit() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("golden").toString().replace('\\', '/');
    Path anchor = dir.resolve("audit-anchor.log");
    try (Connection c = DriverManager.getConnection(url)) {
      HandBuiltDatasets.load(c, HandBuiltDatasets.GOLDEN_ADMISSIONS);
      Path cfg = config(url, anchor);
      Run gen =
          CliTest.run(
              "generate",
              "--config",
              cfg.toString(),
              "--month",
              "2026-10",
              "--report",
              "feedback",
              "--format",
              "json",
              "--out",
              dir.resolve("out").toString());
      assertThat(gen.exit()).as(gen.err()).isZero();
      long n = count(c);
      assertThat(n).as("one GENERATE event per report: P1 and P2").isEqualTo(2);

      Run clean =
          CliTest.run("verify-audit", "--config", cfg.toString(), "--anchor", anchor.toString());
      assertThat(clean.exit()).as(clean.err()).isZero();
      assertThat(clean.out()).contains("audit log intact: " + n + " events");

      long kept = n - 1;
      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM ltc_audit_event WHERE seq > " + kept);
        s.execute(
            "UPDATE ltc_audit_head SET event_count = "
                + kept
                + ", head_hash = (SELECT hash FROM ltc_audit_event WHERE seq = "
                + kept
                + ") WHERE id = 1");
      }
      Run cut =
          CliTest.run("verify-audit", "--config", cfg.toString(), "--anchor", anchor.toString());
      assertThat(cut.exit()).as(cut.out()).isEqualTo(1);
      assertThat(cut.err().strip())
          .isEqualTo(
              "audit log broken at event "
                  + (kept + 1)
                  + " (TRUNCATED): the kept head records "
                  + n
                  + " events but the log now ends at event "
                  + kept);
      // the configured anchor is used without --anchor too
      assertThat(CliTest.run("verify-audit", "--config", cfg.toString()).exit()).isEqualTo(1);

      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM ltc_audit_event");
        s.execute(
            "UPDATE ltc_audit_head SET event_count = 0, head_hash = '"
                + "0".repeat(64)
                + "' WHERE id = 1");
      }
      Run zero =
          CliTest.run("verify-audit", "--config", cfg.toString(), "--anchor", anchor.toString());
      assertThat(zero.exit()).as(zero.out()).isEqualTo(1);
      assertThat(zero.err())
          .contains("audit log broken at event 1 (TRUNCATED): the kept head records " + n);
    }
  }
}
