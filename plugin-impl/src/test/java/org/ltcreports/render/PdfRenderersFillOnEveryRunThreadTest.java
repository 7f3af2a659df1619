package org.ltcreports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.TeamActivityGoldenTest;
import org.ltcreports.render.pdf.FillingThreads;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.returns.ReturnPdfRenderer;
import org.ltcreports.render.team.TeamPdfRenderer;

/**
 * A pack renders its reports on {@link FillingThreads#PER_RUN} threads at once, one report type
 * after another. Each PDF renderer must fill on as many threads, or it is a queue: the returns' and
 * the teams' renderers had one thread, so a pack's 70 returns were laid out one at a time while the
 * run's second thread waited. A fixed pool starts a thread for each of its first tasks, so after
 * {@code PER_RUN} reports a renderer has started one thread per report it can fill at once.
 */
class PdfRenderersFillOnEveryRunThreadTest {

  @Test
  void theFeedbackRendererFillsOnEveryRunThread() throws IOException {
    try (PdfRenderer r = new PdfRenderer()) {
      Set<String> before = threads("ltc-pdf-");
      for (int i = 0; i < FillingThreads.PER_RUN; i++) {
        r.render(SampleReports.practice(Audience.PRACTICE));
      }
      assertThat(started("ltc-pdf-", before)).hasSize(FillingThreads.PER_RUN);
    }
  }

  @Test
  void theReturnRendererFillsOnEveryRunThread() throws IOException {
    Report p2 = SampleReports.practiceReturn();
    try (ReturnPdfRenderer r = new ReturnPdfRenderer()) {
      Set<String> before = threads("ltc-return-pdf-");
      for (int i = 0; i < FillingThreads.PER_RUN; i++) {
        r.render(p2);
      }
      assertThat(started("ltc-return-pdf-", before)).hasSize(FillingThreads.PER_RUN);
    }
  }

  @Test
  void theTeamRendererFillsOnEveryRunThread() throws IOException {
    Report team = TeamActivityGoldenTest.report("T1");
    try (TeamPdfRenderer r = new TeamPdfRenderer()) {
      Set<String> before = threads("ltc-team-pdf-");
      for (int i = 0; i < FillingThreads.PER_RUN; i++) {
        r.render(team);
      }
      assertThat(started("ltc-team-pdf-", before)).hasSize(FillingThreads.PER_RUN);
    }
  }

  private static Set<String> threads(String prefix) {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        names.add(t.getName());
      }
    }
    return names;
  }

  private static Set<String> started(String prefix, Set<String> before) {
    Set<String> now = threads(prefix);
    now.removeAll(before);
    return now;
  }
}
