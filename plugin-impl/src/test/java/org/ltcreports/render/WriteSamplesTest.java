package org.ltcreports.render;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;

/**
 * Writes the sample reports in every format to the folder named by {@code -Dltc.render.out=DIR},
 * for looking at them (e.g. {@code pdftoppm -png -r 70}). Skipped unless the property is set.
 */
@EnabledIfSystemProperty(named = "ltc.render.out", matches = ".+")
class WriteSamplesTest {

  @Test
  void writeSamples() throws Exception {
    Path dir = Path.of(System.getProperty("ltc.render.out"));
    Files.createDirectories(dir);
    try (Renderers renderers = Renderers.standard()) {
      for (Report r :
          new Report[] {
            SampleReports.practice(Audience.PRACTICE),
            SampleReports.practice(Audience.COMMISSIONER),
            SampleReports.practice(Audience.PUBLIC),
            SampleReports.locality(Audience.COMMISSIONER)
          }) {
        for (Format f : new Format[] {Format.PDF, Format.XLSX, Format.HTML}) {
          ReportRenderer renderer = renderers.get(f, r.type());
          Files.write(dir.resolve(renderer.fileName(r)), renderer.render(r));
        }
      }
    }
  }
}
