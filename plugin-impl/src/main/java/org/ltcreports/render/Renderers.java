package org.ltcreports.render;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.html.HtmlRenderer;
import org.ltcreports.render.pdf.PdfRenderer;
import org.ltcreports.render.xlsx.XlsxRenderer;

/**
 * The renderers of the plugin, looked up by format and report type. Owns the PDF renderer's worker
 * threads: create one per plugin (or application) and {@link #close()} it on shutdown ({@code
 * destroy()} / {@code contextDestroyed}).
 *
 * <pre>{@code
 * try (Renderers renderers = Renderers.standard()) {
 *   byte[] pdf = renderers.get(Format.PDF, ReportType.PRACTICE_FEEDBACK).render(report);
 * }
 * }</pre>
 */
public final class Renderers implements AutoCloseable {
  private final List<ReportRenderer> renderers;

  /** Renderers in lookup order: the first that matches a format and type wins. */
  public Renderers(List<? extends ReportRenderer> renderers) {
    this.renderers = List.copyOf(renderers);
  }

  /** PDF (practice and locality feedback), XLSX (both) and HTML (both). */
  public static Renderers standard() {
    return new Renderers(List.of(new PdfRenderer(), new XlsxRenderer(), new HtmlRenderer()));
  }

  public Optional<ReportRenderer> find(Format format, ReportType type) {
    return renderers.stream().filter(r -> r.format() == format && r.supports(type)).findFirst();
  }

  /**
   * The formats a report is made in, the one answer for a pack and the web alike: its renderers',
   * and XLSX alone for the locality collation, whose workbook is written from the practices'
   * returns ({@code collation.CollationWorkbook}), not by a renderer.
   */
  public Set<Format> formatsOf(ReportType type) {
    Set<Format> made = EnumSet.noneOf(Format.class);
    if (type == ReportType.LOCALITY_COLLATION) {
      made.add(Format.XLSX);
      return made;
    }
    for (Format f : Format.values()) {
      if (find(f, type).isPresent()) {
        made.add(f);
      }
    }
    return made;
  }

  /**
   * @throws IllegalArgumentException when no renderer writes that report type in that format
   */
  public ReportRenderer get(Format format, ReportType type) {
    return find(format, type)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no " + format.extension() + " renderer for " + type.slug()));
  }

  /** Renders the report in the format (a shortcut for {@code get(format, type).render(report)}). */
  public byte[] render(Report report, Format format) throws IOException {
    return get(format, report.type()).render(report);
  }

  public List<ReportRenderer> all() {
    return renderers;
  }

  /** Stops the worker threads of renderers that own any. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (ReportRenderer r : renderers) {
      if (r instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // keep closing the others; report the first failure at the end
          if (failure == null) {
            failure = new IllegalStateException("closing a renderer failed", e);
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
