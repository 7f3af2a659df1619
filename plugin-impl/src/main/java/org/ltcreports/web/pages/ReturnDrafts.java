package org.ltcreports.web.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.casemanagement.report.ReturnValidation;
import org.ltcreports.casemanagement.report.ReturnValidation.Warning;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.DataQualityFindings;
import org.ltcreports.quality.DataQualityScan;
import org.ltcreports.render.returns.ReturnOutputs;
import org.ltcreports.report.AudienceView;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.ReportService;
import org.ltcreports.submission.ArtifactFile;

/**
 * The case management return as the web pages need it: the draft of a practice and month (the
 * COMMISSIONER copy that is sent, made by the one disclosure step), its validation warnings, and
 * its files in every format. The builder of a month and the data-quality scan are kept for the
 * current source snapshot, so the preview and the submit of the same return do not scan twice.
 */
public final class ReturnDrafts implements AutoCloseable {
  /** The formats a submission stores. */
  public static final List<Format> FORMATS =
      List.of(Format.XLSX, Format.PDF, Format.CSV, Format.JSON);

  /** A return ready to show and send. */
  public record Draft(Report report, List<Warning> warnings) {}

  private final ReportService reports;
  private final AudienceView view;
  private final TrimPoints trimPoints;
  private final WorkingDays calendar;
  private final ReturnValidation validation;
  private final ReturnOutputs outputs;
  private MeasureContext scannedFor;
  private DataQualityFindings findings;
  private final java.util.Map<YearMonth, ReturnReportBuilder> builders = new java.util.HashMap<>();

  private final ReturnSignatures signatures;

  public ReturnDrafts(
      ReportService reports,
      LtcConfig config,
      AudienceView view,
      TrimPoints trimPoints,
      ReturnSignatures signatures) {
    this.reports = reports;
    this.view = view;
    this.trimPoints = trimPoints;
    this.calendar = WorkingDays.configured(config.bankHolidaysFile());
    this.validation = new ReturnValidation(config.measureSettings(), 0);
    this.outputs = new ReturnOutputs(validation, signatures);
    this.signatures = signatures;
  }

  /** The keys returns are signed with and checked against (a collation's uploaded files). */
  public ReturnSignatures signatures() {
    return signatures;
  }

  /** The COMMISSIONER copy of the practice's return for the month, with its warnings. */
  public Draft draft(String practice, YearMonth month) {
    Report full = builder(month).build(practice);
    Report sent = view.forAudience(full, Audience.COMMISSIONER);
    return new Draft(sent, validation.check(sent));
  }

  /** Every format of a return, named as the batch generator names them. */
  public List<ArtifactFile> files(Report report) {
    List<ArtifactFile> out = new ArrayList<>();
    for (Format f : FORMATS) {
      out.add(
          new ArtifactFile(
              f, BatchGenerator.fileName(report, f).replace('/', '-'), render(report, f)));
    }
    return out;
  }

  public byte[] render(Report report, Format format) {
    try {
      return outputs.render(report, format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The month's builder over the current snapshot (the whole locality's returns share it). */
  public synchronized ReturnReportBuilder builder(YearMonth month) {
    MeasureContext ctx = reports.context();
    if (ctx != scannedFor) {
      findings = DataQualityScan.scan(ctx, trimPoints);
      builders.clear();
      scannedFor = ctx;
    }
    return builders.computeIfAbsent(
        month,
        m -> ReturnReportBuilder.of(ctx, m, calendar, findings, reports.disclosurePolicyVersion()));
  }

  @Override
  public void close() {
    outputs.close();
  }
}
