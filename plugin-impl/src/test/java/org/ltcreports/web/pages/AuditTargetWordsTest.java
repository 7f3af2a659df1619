package org.ltcreports.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.audit.AuditEntry;

/**
 * The audit page's "About" column names a report as every other screen does (the report type's
 * words, not its slug as stored), and a copy only for a report made in copies.
 */
class AuditTargetWordsTest {
  @Test
  void aReturnIsNamedInWordsWithItsCopy() {
    assertThat(
            Labels.target(event(ReportType.CASE_MANAGEMENT_RETURN, "K83001", null, "COMMISSIONER")))
        .isEqualTo("Return of practice K83001, November 2026 (commissioner copy)");
    assertThat(Labels.target(event(ReportType.LOCALITY_FEEDBACK, null, "L01", "PUBLIC")))
        .isEqualTo("Locality summary of locality L01, November 2026 (public copy)");
  }

  @Test
  void theCollationHasNoCopyAndThePracticeCopyNoNestedBrackets() {
    assertThat(Labels.target(event(ReportType.LOCALITY_COLLATION, null, "L01", "COMMISSIONER")))
        .isEqualTo("Collation workbook of locality L01, November 2026");
    assertThat(Labels.target(event(null, "M83002", null, "PRACTICE")))
        .isEqualTo("practice M83002, November 2026 (practice copy)");
  }

  private static AuditEntry event(ReportType type, String practice, String locality, String copy) {
    return new AuditEntry(
        1,
        Instant.EPOCH,
        "auditor",
        "AUDITOR",
        "PREVIEW",
        type == null ? null : type.slug(),
        practice,
        locality,
        "2026-11",
        Audience.valueOf(copy).name(),
        "{}",
        null,
        "SUCCESS",
        null,
        null,
        null);
  }
}
