package org.ltcreports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEvent;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.store.PluginDatabase;

/**
 * The audit page's day filter takes the days its table shows times in (local time, {@code
 * returns.time-zone}): an event shown as "1 Jul 2026, 00:30 BST" (30 June, 23:30 UTC) is found from
 * 1 July, not from 30 June; the fields say so in plain words. The CSV export keeps ISO UTC times.
 */
class AuditPageDaysTest {
  @Test
  void anEventShownOnTheFirstOfJulyInBstIsFoundByTheFirstOfJuly() throws Exception {
    WebTestServer s = WebTestServer.own(Map.of());
    try {
      Instant halfPastMidnightBst = Instant.parse("2026-06-30T23:30:00Z");
      new AuditLog(
              s.injector.getInstance(PluginDatabase.class).jdbi(),
              Clock.fixed(halfPastMidnightBst, ZoneOffset.UTC))
          .record(AuditEvent.builder("summer-user", AuditAction.LOGIN).build());
      WebClient auditor = WebClient.signIn(s.base(), "auditor", WebTestServer.PASSWORD);

      String july =
          auditor.text(auditor.get("/audit?user=summer-user&from=2026-07-01&to=2026-07-01"));
      assertThat(july).contains("1 Jul 2026, 00:30 BST");
      String june =
          auditor.text(auditor.get("/audit?user=summer-user&from=2026-06-30&to=2026-06-30"));
      assertThat(june).doesNotContain("<td>summer-user</td>").doesNotContain("00:30 BST");
      assertThat(july)
          .doesNotContain("UTC day")
          .contains("Days run from midnight to midnight local time (GMT or BST)");

      String csv =
          auditor.text(auditor.get("/audit.csv?user=summer-user&from=2026-07-01&to=2026-07-01"));
      assertThat(csv).contains("2026-06-30T23:30:00");
    } finally {
      s.server.close();
    }
  }
}
