package org.ltcreports.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
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
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.Block;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Footer;
import org.ltcreports.render.ReportRenderer;
import org.ltcreports.render.Wording;
import org.ltcreports.render.feedback.FeedbackContent;

/**
 * The practice feedback (A4 portrait) and locality summary (A4 landscape) as PDF, through the
 * precompiled JasperReports templates {@code practice-feedback.jasper} and {@code
 * locality-feedback.jasper} of the report-templates module.
 *
 * <p>Fonts are DejaVu Sans from {@code jasperreports-fonts}, embedded. Charts are JFreeChart drawn
 * as vectors. The bytes depend on the report only (see {@link DeterministicPdfExporter}).
 *
 * <p>Filling runs on this renderer's own small pool of daemon threads, so JasperReports' per-thread
 * state never lands on a servlet container's request threads; {@link #close()} stops the pool.
 */
public final class PdfRenderer implements ReportRenderer, AutoCloseable {
  private static final String TEMPLATE_DIR = "/org/ltcreports/templates/";
  private static final Map<ReportType, String> TEMPLATES =
      Map.of(
          ReportType.PRACTICE_FEEDBACK, "practice-feedback",
          ReportType.LOCALITY_FEEDBACK, "locality-feedback",
          // the evaluation's tables are as wide as the locality summary's: the same landscape page
          ReportType.EVALUATION, "locality-feedback");
  private static final Map<ReportType, Integer> GRID_COLUMNS =
      Map.of(
          ReportType.PRACTICE_FEEDBACK,
          8,
          ReportType.LOCALITY_FEEDBACK,
          13,
          ReportType.EVALUATION,
          13);

  private final JasperReportsContext context = DeterministicPdfExporter.context();
  private final Map<ReportType, JasperReport> loaded = new ConcurrentHashMap<>();
  private final FillingThreads threads;

  /** A renderer filling on as many threads as a run renders reports on. */
  public PdfRenderer() {
    this(FillingThreads.PER_RUN);
  }

  public PdfRenderer(int threads) {
    this.threads = new FillingThreads(threads, "ltc-pdf");
  }

  @Override
  public Format format() {
    return Format.PDF;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.copyOf(TEMPLATES.keySet());
  }

  @Override
  public void render(Report report, OutputStream out) throws IOException {
    if (!supports(report.type())) {
      throw new IllegalArgumentException("no PDF layout for " + report.type().slug());
    }
    out.write(threads.run(() -> renderNow(report), report.reportId()));
  }

  private byte[] renderNow(Report report) throws IOException {
    try {
      JasperReport template = template(report.type());
      List<Block.Section> sections = FeedbackContent.of(report);
      List<Map<String, Object>> rows =
          JasperRows.of(sections, GRID_COLUMNS.get(report.type()), report.reportId());
      JasperPrint print =
          JasperFillManager.getInstance(context)
              .fill(template, parameters(report), new JRMapCollectionDataSource(List.copyOf(rows)));
      ByteArrayOutputStream pdf = new ByteArrayOutputStream(128 * 1024);
      DeterministicPdfExporter exporter = DeterministicPdfExporter.forReport(context, report);
      exporter.setExporterInput(new SimpleExporterInput(print));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
      SimplePdfReportConfiguration reportConfig = new SimplePdfReportConfiguration();
      reportConfig.setForceSvgShapes(true);
      exporter.setConfiguration(reportConfig);
      SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
      config.setCompressed(true);
      DeterministicPdfExporter.accessible(
          config, DocumentTitle.of(FeedbackContent.title(report), report));
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

  private Map<String, Object> parameters(Report report) {
    Map<String, Object> p = new HashMap<>();
    p.put(JRParameter.REPORT_LOCALE, Locale.UK);
    p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(ZoneOffset.UTC));
    p.put("TITLE", FeedbackContent.title(report));
    p.put("SUBTITLE", FeedbackContent.subtitle(report));
    p.put("AUDIENCE_LINE", Wording.audienceLine(report));
    p.put(
        "RUNNING_HEAD",
        Wording.pageMark(report.audience())
            + FeedbackContent.title(report)
            + " · "
            + FeedbackContent.subtitle(report));
    List<String> footer = FeedbackContent.footer(report);
    p.put("FOOTER_LINE_1", footer.get(0));
    p.put("FOOTER_LINE_2", footer.get(1));
    return p;
  }

  /** The compiled template, loaded once (JRLoader, no compiling at run time). */
  JasperReport template(ReportType type) throws JRException {
    JasperReport cached = loaded.get(type);
    if (cached != null) {
      return cached;
    }
    String path = TEMPLATE_DIR + TEMPLATES.get(type) + ".jasper";
    try (InputStream in = PdfRenderer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new JRException("template " + path + " is not on the classpath (report-templates)");
      }
      JasperReport report = (JasperReport) JRLoader.loadObject(in);
      loaded.putIfAbsent(type, report);
      return loaded.get(type);
    } catch (IOException e) {
      throw new JRException("cannot read template " + path, e);
    }
  }

  /** Stops the worker threads (call from the plugin's destroy / contextDestroyed). */
  @Override
  public void close() {
    threads.close();
  }
}
