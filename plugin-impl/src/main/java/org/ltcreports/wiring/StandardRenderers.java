package org.ltcreports.wiring;

import java.util.List;
import org.ltcreports.api.report.Audience;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.render.Renderers;
import org.ltcreports.render.csv.CsvRenderer;
import org.ltcreports.render.html.HtmlRenderer;
import org.ltcreports.render.json.JsonRenderer;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.xlsx.XlsxRenderer;
import org.ltcreports.report.AudienceView;

/** Which renderer makes each report in each format, and the audience step before them. */
final class StandardRenderers {
  private StandardRenderers() {}

  static Renderers create() {
    return new Renderers(
        List.of(
            new PdfRenderer(),
            new XlsxRenderer(),
            new HtmlRenderer(),
            new JsonRenderer(),
            new CsvRenderer()));
  }

  static AudienceView audienceView(LtcConfig config) {
    return (report, audience) -> {
      if (audience != Audience.PRACTICE) {
        throw new IllegalArgumentException("audience " + audience + " is not available yet");
      }
      return report;
    };
  }

  static String disclosurePolicyVersion(LtcConfig config) {
    return config.get("disclosure.version", "sdc-2026.1");
  }
}
