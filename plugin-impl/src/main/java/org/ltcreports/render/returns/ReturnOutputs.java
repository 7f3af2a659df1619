package org.ltcreports.render.returns;

import java.io.IOException;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.casemanagement.report.ReturnValidation;
import org.ltcreports.render.csv.CsvRenderer;
import org.ltcreports.render.json.JsonRenderer;

/**
 * Every format of the case management return (outputs.md §3): XLSX (fixed layout) and PDF from this
 * package, CSV and JSON from the shared renderers. Owns the PDF renderer's thread: {@link #close()}
 * it on shutdown.
 */
public final class ReturnOutputs implements AutoCloseable {
  private final ReturnXlsxRenderer xlsx;
  private final ReturnPdfRenderer pdf;
  private final CsvRenderer csv = new CsvRenderer();
  private final JsonRenderer json = new JsonRenderer();

  /** XLSX signed with this JVM's throw-away key ({@link ReturnSignatures#ephemeral}): for tests. */
  public ReturnOutputs() {
    this(ReturnValidation.defaults(), ReturnSignatures.ephemeral());
  }

  public ReturnOutputs(ReturnValidation validation, ReturnSignatures signatures) {
    this.xlsx = new ReturnXlsxRenderer(validation, signatures);
    this.pdf = new ReturnPdfRenderer(validation);
  }

  /**
   * @throws IllegalArgumentException for a report that is not a return, or HTML (no return preview
   *     layout here)
   */
  public byte[] render(Report report, Format format) throws IOException {
    if (report.type() != ReportType.CASE_MANAGEMENT_RETURN) {
      throw new IllegalArgumentException("not a case management return: " + report.type().slug());
    }
    return switch (format) {
      case XLSX -> xlsx.render(report);
      case PDF -> pdf.render(report);
      case CSV -> csv.render(report);
      case JSON -> json.render(report);
      case HTML -> throw new IllegalArgumentException("no HTML layout for the return");
    };
  }

  public ReturnXlsxRenderer xlsx() {
    return xlsx;
  }

  public ReturnPdfRenderer pdf() {
    return pdf;
  }

  @Override
  public void close() {
    pdf.close();
  }
}
