package org.ltcreports.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.audit.AuditEntry;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditQuery;
import org.ltcreports.audit.TestDatabases;
import org.ltcreports.report.ReportRecorder.WrittenFile;
import org.ltcreports.store.ReportRuns;

/**
 * Issue 21 (rendering and writing checked for waste): each file of a pack was hashed three times
 * (the run's artifact row, its audit event, the staging journal). A written file now carries its
 * SHA-256, worked out once, and the run and the audit record that hash.
 */
class RunAndAuditRecorderTest {
  private final Jdbi jdbi = TestDatabases.migratedH2();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-03T09:00:00Z"), ZoneOffset.UTC);
  private final RunAndAuditRecorder recorder =
      new RunAndAuditRecorder(new ReportRuns(jdbi, clock), new AuditLog(jdbi, clock));

  /** SHA-256("abc"), the example of FIPS 180-2 appendix B.1. */
  private static final String SHA_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void aWrittenFileIsHashedOnceWhenMade() {
    WrittenFile f =
        new WrittenFile(Format.CSV, "2026-10/G1-x.csv", "abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(f.sha256()).isEqualTo(SHA_ABC);
  }

  @Test
  void theRunAndTheAuditRecordTheHashTheFileCarries() {
    // a hash that is not the bytes' own: recorded as carried, so neither hashed the bytes again
    String carried = "0".repeat(63) + "1";
    byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
    recorder.generated(
        report(),
        "batch",
        List.of(
            new WrittenFile(Format.CSV, "2026-10/G1-return.csv", bytes, carried),
            new WrittenFile(Format.JSON, "2026-10/G1-return.json", bytes)));

    List<Map<String, Object>> artifacts =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT file_name, byte_size, sha256 FROM ltc_run_artifact ORDER BY"
                            + " file_name")
                    .mapToMap()
                    .list());
    assertThat(artifacts)
        .extracting(m -> m.get("file_name"), m -> ((Number) m.get("byte_size")).longValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-10/G1-return.csv", 3L),
            org.assertj.core.groups.Tuple.tuple("2026-10/G1-return.json", 3L));
    assertThat(artifacts).extracting(m -> m.get("sha256")).containsExactly(carried, SHA_ABC);
    assertThat(new AuditLog(jdbi, clock).query(AuditQuery.all()))
        .extracting(AuditEntry::artifactSha256)
        .containsExactly(carried, SHA_ABC);
  }

  /**
   * The run and its events commit together: before, the run was stored when its events were not.
   */
  @Test
  void aRunWhoseEventsAreRefusedIsNotStored() {
    byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
    List<WrittenFile> files =
        List.of(
            new WrittenFile(Format.CSV, "2026-10/G1-return.csv", bytes),
            new WrittenFile(Format.JSON, "2026-10/G1-return.json", bytes, "not a hash"));
    assertThatThrownBy(() -> recorder.generated(report(), "batch", files))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("artifactSha256");
    assertThat(count("ltc_report_run")).isZero();
    assertThat(count("ltc_run_artifact")).isZero();
    assertThat(count("ltc_audit_event")).isZero();
  }

  private long count(String table) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  private static Report report() {
    return new Report(
        ReportType.CASE_MANAGEMENT_RETURN,
        "G1",
        "Good Practice One",
        "L1",
        "Locality One",
        YearMonth.of(2026, 10),
        Audience.COMMISSIONER,
        "rules-1",
        "sdc-2026.1",
        LocalDate.of(2026, 11, 3),
        Map.of("register_size", MeasureValue.Num.of(12L)),
        List.of(),
        Map.of(),
        List.of(),
        List.of());
  }
}
