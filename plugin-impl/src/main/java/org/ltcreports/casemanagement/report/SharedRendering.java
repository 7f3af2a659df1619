package org.ltcreports.casemanagement.report;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDateTime;
import java.util.Calendar;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * The render package's helpers for byte-identical output, used here rather than copied: {@code
 * org.ltcreports.render.xlsx.DeterministicZip} (fixed zip entry times) and {@code
 * org.ltcreports.render.pdf.DeterministicPdfExporter} (fixed PDF dates, file id and font subset
 * tags).
 *
 * <p>Both are package-private in their packages today, so they are reached by reflection — in this
 * one place. When they are made public, replace the bodies of these two methods with direct calls
 * (and delete this comment).
 */
final class SharedRendering {
  private static final String ZIP = "org.ltcreports.render.xlsx.DeterministicZip";
  private static final String PDF = "org.ltcreports.render.pdf.DeterministicPdfExporter";

  private SharedRendering() {}

  /** Rewrites an OOXML zip with every entry at {@code entryTime}, in the original order. */
  static void rewriteZip(byte[] zip, LocalDateTime entryTime, OutputStream out) throws IOException {
    try {
      Method m =
          Class.forName(ZIP)
              .getDeclaredMethod("rewrite", byte[].class, LocalDateTime.class, OutputStream.class);
      m.setAccessible(true);
      m.invoke(null, zip, entryTime, out);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("rewriting the workbook failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(ZIP + " is not available", e);
    }
  }

  /** A PDF exporter whose bytes depend on the report only. */
  static JRPdfExporter deterministicPdfExporter(
      JasperReportsContext context, Calendar date, byte[] documentId) {
    try {
      Constructor<?> c =
          Class.forName(PDF)
              .getDeclaredConstructor(JasperReportsContext.class, Calendar.class, byte[].class);
      c.setAccessible(true);
      return (JRPdfExporter) c.newInstance(context, date, documentId);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("creating the PDF exporter failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(PDF + " is not available", e);
    }
  }
}
