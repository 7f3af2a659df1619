package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample's stage is the first stage whose code is on its stack: the stack is read as a whole, so
 * a PDF filled for a report that a batch builds is rendering, and a measure's own code is a
 * measure.
 */
class CpuProfileTest {
  @Test
  void aSampleIsPutInTheFirstStageWhoseCodeIsOnItsStack() {
    // innermost frame first, as JFR gives them
    assertThat(
            CpuProfile.stageOf(
                List.of(
                    "java.util.HashMap",
                    "net.sf.jasperreports.engine.fill.JRFiller",
                    "org.ltcreports.render.pdf.PdfRenderer",
                    "org.ltcreports.report.BatchGenerator$Output")))
        .isEqualTo("render PDF");
    assertThat(
            CpuProfile.stageOf(
                List.of(
                    "java.lang.String",
                    "org.ltcreports.measures.Registrations",
                    "org.ltcreports.measures.FeedbackMeasures",
                    "org.ltcreports.report.BatchGenerator")))
        .isEqualTo("measures");
    // the matching is its own stage even though it is a case management measure
    assertThat(
            CpuProfile.stageOf(
                List.of(
                    "org.ltcreports.casemanagement.ComparisonMatching$Target",
                    "org.ltcreports.casemanagement.BeforeAfter")))
        .isEqualTo("matching");
    // a row record's accessor called by a measure is the measure's time, not the read's
    assertThat(
            CpuProfile.stageOf(
                List.of(
                    "org.ltcreports.source.SourceRows$Spell",
                    "org.ltcreports.measures.Readmissions")))
        .isEqualTo("measures");
    assertThat(
            CpuProfile.stageOf(
                List.of("org.postgresql.core.PGStream", "org.jdbi.v3.core.result.ResultIterable")))
        .isEqualTo("read");
    assertThat(
            CpuProfile.stageOf(
                List.of(
                    "org.h2.mvstore.MVStore",
                    "org.ltcreports.wiring.RunAndAuditRecorder",
                    "org.ltcreports.report.BatchGenerator$Output")))
        .isEqualTo("write and record");
    assertThat(CpuProfile.stageOf(List.of("java.lang.Thread"))).isEqualTo("other");
  }

  @Test
  void aRecordingOfThisJvmSaysWhereItsSamplesWent(@TempDir Path dir) throws Exception {
    CpuProfile profile = CpuProfile.start(dir.resolve("t.jfr"));
    long until = System.nanoTime() + 1_500_000_000L;
    double x = 0;
    while (System.nanoTime() < until) {
      x += Math.sqrt(x + 1); // busy, in this test class: "other"
    }
    CpuProfile.Summary s = profile.stop();
    assertThat(x).isPositive();
    assertThat(s.samples().keySet()).startsWith("read", "matching", "render PDF").endsWith("other");
    assertThat(s.samples().get("other")).isPositive();
    assertThat(s.line()).contains("other ").contains(" samples; GC CPU ");
    assertThat(s.file()).exists();
  }
}
