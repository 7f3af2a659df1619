package org.ltcreports.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;

/**
 * Lays out a {@link Report} in one output format. A renderer never computes a figure and never sees
 * SQL: it shows what the report holds, in the report's order, for the report's audience.
 *
 * <p>Output is deterministic: the same report always gives the same bytes (no clock, no random
 * ids), so a regenerated submission can be compared byte for byte with the stored one.
 *
 * <p>Implementations are thread-safe; get them from {@link Renderers}.
 */
public interface ReportRenderer {

  /** The format this renderer writes. */
  Format format();

  /** The report types this renderer can lay out. */
  Set<ReportType> types();

  default boolean supports(ReportType type) {
    return types().contains(type);
  }

  /**
   * Writes the report to {@code out} (which is not closed).
   *
   * @throws IllegalArgumentException if the report's type is not {@linkplain #supports supported}
   * @throws IOException if writing fails or the layout engine fails (the cause is attached)
   */
  void render(Report report, OutputStream out) throws IOException;

  /** The report as bytes. */
  default byte[] render(Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    render(report, out);
    return out.toByteArray();
  }

  /**
   * The file name for this report in this format, e.g. {@code
   * practice-feedback-K83001-2026-10-practice.pdf}.
   */
  default String fileName(Report report) {
    return report.reportId().replace('/', '-') + "." + format().extension();
  }
}
