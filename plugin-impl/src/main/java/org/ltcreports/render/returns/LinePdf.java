package org.ltcreports.render.returns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.ltcreports.api.report.Report;
import org.ltcreports.render.Footer;
import org.ltcreports.render.pdf.DeterministicPdfExporter;

/**
 * The line-by-line A4 template ({@code case-management-return.jasper}, report-templates) that the
 * case management return and the community team report print through: one row per printed line, its
 * {@code kind} picking the band (WARNING, ROW, GRID_HEAD / GRID_ROW, TEXT, SPACER). Fills and
 * exports deterministically, tagged and titled; the caller runs it on its own filling thread.
 */
public final class LinePdf {
  private static final String TEMPLATE = "/org/ltcreports/templates/case-management-return.jasper";

  private final JasperReportsContext context = DeterministicPdfExporter.context();
  private volatile JasperReport template;

  /**
   * @param title the file's title ({@code DocumentTitle}), shown in a viewer's tab
   * @param parameters TITLE, SUBTITLE, AUDIENCE_LINE, RUNNING_HEAD, FOOTER_LINE_1, FOOTER_LINE_2
   *     (the locale and time zone are set here)
   */
  public byte[] render(
      Report report, String title, Map<String, Object> parameters, List<Map<String, ?>> rows)
      throws IOException {
    Map<String, Object> p = new HashMap<>(parameters);
    p.put(JRParameter.REPORT_LOCALE, Locale.UK);
    p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(ZoneOffset.UTC));
    try {
      JasperPrint print =
          JasperFillManager.getInstance(context)
              .fill(template(), p, new JRMapCollectionDataSource(rows));
      ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
      JRPdfExporter exporter = DeterministicPdfExporter.forReport(context, report);
      exporter.setExporterInput(new SimpleExporterInput(print));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
      SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
      config.setCompressed(true);
      DeterministicPdfExporter.accessible(config, title);
      config.setMetadataSubject(report.reportId());
      config.setMetadataAuthor("LTC Reports");
      config.setMetadataCreator("LTC Reports");
      config.setMetadataKeywords(Footer.keywords(report));
      exporter.setConfiguration(config);
      exporter.exportReport();
      return pdf.toByteArray();
    } catch (JRException e) {
      throw new IOException(
          "PDF rendering of " + report.reportId() + " failed: " + e.getMessage(), e);
    }
  }

  private JasperReport template() throws JRException {
    JasperReport t = template;
    if (t == null) {
      try (InputStream in = LinePdf.class.getResourceAsStream(TEMPLATE)) {
        if (in == null) {
          throw new JRException(
              "template " + TEMPLATE + " is not on the classpath (report-templates)");
        }
        t = (JasperReport) JRLoader.loadObject(in);
        template = t;
      } catch (IOException e) {
        throw new JRException("cannot read template " + TEMPLATE, e);
      }
    }
    return t;
  }

  /** One printed line of section {@code key} (titled {@code title}) of the given kind. */
  public static Map<String, ?> row(String key, String title, String kind, Map<String, ?> fields) {
    Map<String, Object> m = new HashMap<>(fields);
    m.put("kind", kind);
    m.put("sectionKey", key);
    m.put("sectionTitle", title);
    return m;
  }
}
