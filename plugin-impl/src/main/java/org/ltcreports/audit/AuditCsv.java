package org.ltcreports.audit;

import java.io.IOException;
import java.util.Iterator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit log as CSV for auditors. A text cell that starts with {@code = + - @}, a tab or a
 * carriage return is written with a leading apostrophe, so that a spreadsheet shows it instead of
 * running it as a formula (CSV injection); the apostrophe is the only change, and such values
 * cannot occur in the hash, time or JSON columns.
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
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
    CSVPrinter printer = new CSVPrinter(out, format);
    Iterator<AuditEntry> it = rows.iterator();
    while (it.hasNext()) {
      AuditEntry e = it.next();
      printer.printRecord(
          e.seq(),
          e.eventTime().toString(),
          safe(e.userName()),
          safe(e.role()),
          e.action(),
          safe(e.reportType()),
          safe(e.practiceCode()),
          safe(e.localityCode()),
          safe(e.month()),
          safe(e.audience()),
          e.parametersJson(),
          e.artifactSha256(),
          e.outcome(),
          safe(e.policyVersion()),
          e.prevHash(),
          e.hash());
    }
    printer.flush();
  }

  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }
}
