package org.ltcreports.audit;

import java.io.IOException;
import java.util.Iterator;
import java.util.stream.Stream;
import org.ltcreports.render.csv.SpreadsheetSafeCsv;

/**
 * The audit log as CSV for auditors. Every cell goes through {@link SpreadsheetSafeCsv}: a text
 * cell a spreadsheet would run as a formula (a user name {@code =HYPERLINK(...)}) gets a leading
 * apostrophe, the only change; such values cannot occur in the hash, time or JSON columns.
 */
final class AuditCsv {
  static final String[] HEADER = {
    "seq",
    "event_time",
    "user_name",
    "role",
    "action",
    "report_type",
    "practice_code",
    "locality_code",
    "month",
    "audience",
    "parameters",
    "artifact_sha256",
    "outcome",
    "policy_version",
    "prev_hash",
    "hash"
  };

  private AuditCsv() {}

  static void write(Stream<AuditEntry> rows, Appendable out) throws IOException {
    SpreadsheetSafeCsv printer = new SpreadsheetSafeCsv(out, HEADER);
    Iterator<AuditEntry> it = rows.iterator();
    while (it.hasNext()) {
      AuditEntry e = it.next();
      printer.record(
          e.seq(),
          e.eventTime().toString(),
          e.userName(),
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
          e.prevHash(),
          e.hash());
    }
    printer.flush();
  }
}
