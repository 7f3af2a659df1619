package org.ltcreports.wiring;

import java.util.List;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.casemanagement.report.ReturnValidation;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.disclosure.DisclosureControl;
import org.ltcreports.disclosure.DisclosurePolicy;
import org.ltcreports.disclosure.PackDisclosure;
import org.ltcreports.render.Renderers;
import org.ltcreports.render.casefinding.CaseFindingRenderers;
import org.ltcreports.render.csv.CsvRenderer;
import org.ltcreports.render.html.HtmlRenderer;
import org.ltcreports.render.json.JsonRenderer;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.returns.ReturnPdfRenderer;
import org.ltcreports.render.returns.ReturnXlsxRenderer;
import org.ltcreports.render.team.TeamPdfRenderer;
import org.ltcreports.render.team.TeamXlsxRenderer;
import org.ltcreports.render.xlsx.XlsxRenderer;
import org.ltcreports.report.AudienceView;

/** Which renderer makes each report in each format, and the audience step before them. */
final class StandardRenderers {
  private StandardRenderers() {}

  static Renderers create(ReturnSignatures signatures) {
    return new Renderers(
        List.of(
            new PdfRenderer(),
            new XlsxRenderer(),
            new HtmlRenderer(),
            new JsonRenderer(),
            new CsvRenderer(),
            new ReturnPdfRenderer(),
            new ReturnXlsxRenderer(ReturnValidation.defaults(), signatures),
            new CaseFindingRenderers.Xlsx(),
            new CaseFindingRenderers.Page(),
            new TeamPdfRenderer(),
            new TeamXlsxRenderer()));
  }

  /** Disclosure control by audience: the one step between every report model and its renderers. */
  static AudienceView audienceView(LtcConfig config) {
    DisclosurePolicy policy = config.disclosurePolicy();
    return new AudienceView() {
      @Override
      public Report forAudience(Report report, Audience audience) {
        return DisclosureControl.apply(report, audience, policy);
      }

      @Override
      public List<Report> publicPack(List<Report> fullReports) {
        return PackDisclosure.protect(fullReports, policy).publicCopies();
      }
    };
  }

  static String disclosurePolicyVersion(LtcConfig config) {
    return config.disclosurePolicy().version();
  }
}
