package org.ltcreports.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casefinding.CaseFinding;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.render.Renderers;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;

/**
 * The batch job behind {@code generate}: reads the source once, prepares the measures for every
 * practice at once, then builds, filters by audience, renders and writes each report. A report is
 * either written whole in every format or listed as a failure.
 */
public final class BatchGenerator {
  private final SourceReader reader;
  private final Renderers renderers;
  private final AudienceView audienceView;
  private final ReportRecorder recorder;
  private final SubmittedReturns submitted;
  private final ReviewRecords reviews;
  private final BatchSettings settings;

  public BatchGenerator(
      SourceReader reader,
      Renderers renderers,
      AudienceView audienceView,
      ReportRecorder recorder,
      SubmittedReturns submitted,
      ReviewRecords reviews,
      BatchSettings settings) {
    this.reviews = reviews;
    this.reader = reader;
    this.renderers = renderers;
    this.audienceView = audienceView;
    this.recorder = recorder;
    this.submitted = submitted;
    this.settings = settings;
  }

  public BatchResult run(BatchRequest req, LocalDate today, Consumer<String> progress) {
    SourceData data = reader.read(settings.extractDate(), today);
    MeasureContext ctx = new MeasureContext(data, settings.measures());
    String policy = settings.disclosurePolicyVersion();
    TrimPoints trimPoints = settings.trimPoints();
    List<String> practices = practicesFor(req, ctx);
    List<Path> written = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    FeedbackMeasures measures = new FeedbackMeasures(ctx, req.month(), trimPoints, reviews);
    FeedbackReportBuilder feedback =
        new FeedbackReportBuilder(ctx, req.month(), policy, trimPoints, measures);
    if (req.reports().contains(ReportType.PRACTICE_FEEDBACK)) {
      for (String practice : practices) {
        Report report = audienceView.forAudience(feedback.build(practice), req.audience());
        writeAll(report, req, written, failures, progress);
      }
    }
    if (req.reports().contains(ReportType.LOCALITY_FEEDBACK)) {
      LocalityReportBuilder builder = new LocalityReportBuilder(ctx, req.month(), measures, policy);
      for (String locality : localitiesOf(practices, ctx, progress)) {
        Report report = audienceView.forAudience(builder.build(locality), req.audience());
        writeAll(report, req, written, failures, progress);
      }
    }
    if (req.reports().contains(ReportType.CASE_MANAGEMENT_RETURN)
        || req.reports().contains(ReportType.LOCALITY_COLLATION)) {
      ReturnReportBuilder returns =
          ReturnReportBuilder.of(ctx, req.month(), settings.calendar(), feedback.quality(), policy);
      if (req.reports().contains(ReportType.CASE_MANAGEMENT_RETURN)) {
        for (String practice : practices) {
          Report report = audienceView.forAudience(returns.build(practice), req.audience());
          writeAll(report, req, written, failures, progress);
        }
      }
      if (req.reports().contains(ReportType.LOCALITY_COLLATION)) {
        for (String locality : localitiesOf(practices, ctx, progress)) {
          writeCollation(returns, locality, ctx.extractDate(), req, written, failures, progress);
        }
      }
    }
    if (req.reports().contains(ReportType.CASE_FINDING)) {
      CaseFinding caseFinding = new CaseFinding(ctx, req.month());
      for (String practice : practices) {
        if (!req.audience().maySeePatients()) {
          failures.add(practice + " case-finding: the list is for the practice audience only");
          continue;
        }
        writeAll(caseFinding.report(practice, policy), req, written, failures, progress);
      }
    }
    return new BatchResult(written, failures);
  }

  /** The localities of the practices, in code order; a practice without one is reported. */
  private static List<String> localitiesOf(
      List<String> practices, MeasureContext ctx, Consumer<String> progress) {
    java.util.SortedSet<String> localities = new java.util.TreeSet<>();
    for (String code : practices) {
      String locality = ctx.practice(code).localityCode();
      if (locality == null) {
        progress.accept(
            code + " locality: no locality recorded for this practice, no locality report");
      } else {
        localities.add(locality);
      }
    }
    return List.copyOf(localities);
  }

  private void writeAll(
      Report report,
      BatchRequest req,
      List<Path> written,
      List<String> failures,
      Consumer<String> progress) {
    String scope = report.practiceCode() != null ? report.practiceCode() : report.localityCode();
    List<Format> formats =
        req.formats().stream()
            .filter(f -> renderers.find(f, report.type()).isPresent())
            .sorted()
            .toList();
    if (formats.isEmpty()) {
      failures.add(scope + " " + report.type().shortName() + ": not available as " + req.formats());
      return;
    }
    try {
      List<byte[]> bytes = new ArrayList<>();
      for (Format f : formats) {
        bytes.add(renderers.get(f, report.type()).render(report));
      }
      List<ReportRecorder.WrittenFile> files = new ArrayList<>();
      for (int i = 0; i < formats.size(); i++) {
        String name = fileName(report, formats.get(i));
        ArtifactFiles.writeAtomically(req.outDir().resolve(name), bytes.get(i));
        files.add(new ReportRecorder.WrittenFile(formats.get(i), name, bytes.get(i)));
      }
      recorder.generated(report, req.requestedBy(), files);
      files.forEach(f -> written.add(req.outDir().resolve(f.fileName())));
      progress.accept(scope + " " + report.type().shortName() + ": " + formats.size() + " file(s)");
    } catch (IOException | RuntimeException e) {
      failures.add(scope + " " + report.type().shortName() + ": " + e.getMessage());
      progress.accept(scope + " " + report.type().shortName() + ": FAILED " + e.getMessage());
    }
  }

  /**
   * The locality collation workbook from the database (hub mode): every practice's return of the
   * month, with the submission store's "received" status.
   */
  private void writeCollation(
      ReturnReportBuilder returns,
      String locality,
      LocalDate asOf,
      BatchRequest req,
      List<Path> written,
      List<String> failures,
      Consumer<String> progress) {
    String name =
        req.month() + "/" + locality + "-" + ReportType.LOCALITY_COLLATION.slug() + ".xlsx";
    try {
      CollationWorkbook workbook =
          CollationWorkbook.fromDatabase(
              returns, locality, submitted.dueDate(req.month()), submitted.forMonth(req.month()));
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      workbook.write(bytes, asOf);
      ArtifactFiles.writeAtomically(req.outDir().resolve(name), bytes.toByteArray());
      written.add(req.outDir().resolve(name));
      progress.accept(locality + " collation: 1 file(s)");
    } catch (IOException | RuntimeException e) {
      failures.add(locality + " collation: " + e.getMessage());
      progress.accept(locality + " collation: FAILED " + e.getMessage());
    }
  }

  /** {@code 2026-10/K83001-practice-feedback-practice.pdf}. */
  public static String fileName(Report r, Format f) {
    String scope = r.practiceCode() != null ? r.practiceCode() : r.localityCode();
    return r.month()
        + "/"
        + scope
        + "-"
        + r.type().slug()
        + "-"
        + r.audience().name().toLowerCase(Locale.ROOT)
        + "."
        + f.extension();
  }

  private static List<String> practicesFor(BatchRequest req, MeasureContext ctx) {
    List<String> codes = new ArrayList<>();
    if (!req.practices().isEmpty()) {
      for (String code : req.practices()) {
        if (ctx.practice(code) == null) {
          throw new IllegalArgumentException("unknown practice '" + code + "'");
        }
        codes.add(code);
      }
    } else if (req.locality() != null) {
      codes.addAll(ctx.practicesOf(req.locality()));
      if (codes.isEmpty()) {
        throw new IllegalArgumentException("unknown locality '" + req.locality() + "'");
      }
    } else {
      codes.addAll(ctx.practices().keySet());
    }
    return codes;
  }

  public static YearMonth defaultMonth(LocalDate today) {
    return YearMonth.from(today).minusMonths(1);
  }
}
