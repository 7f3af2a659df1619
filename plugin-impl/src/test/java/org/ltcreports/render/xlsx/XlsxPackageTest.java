package org.ltcreports.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ltcreports.render.xlsx.SheetWriter.Style;

/**
 * Issue 21 (session 15): workbooks are no longer built as POI objects; {@link XlsxPackage} and
 * {@link Worksheet} write the XML POI's SXSSF wrote for the same calls. The reference here is SXSSF
 * itself, as the plugin used it until then (rows streamed 200 at a time, no shared strings, then
 * every zip entry re-written with the fixed time at the default level): the same content must give
 * the same bytes, every part and the file.
 */
class XlsxPackageTest {
  private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2026, 10, 31, 0, 0);
  private static final String ODD =
      "A&E <admissions> \"quoted\" ]]> tab\there\nnew line\r\u00a0\u0001\u007f\u0085\u2028 é ✓ 😀";

  /** The content, said once for both writers. */
  private interface Target {
    void sheet(String name);

    void text(int row, int col, String text, Style style);

    void number(int row, int col, double value, Style style);

    void date(int row, int col, LocalDate date, Style style);

    void formula(int row, int col, String formula, Object cached, Style style);

    void height(int row, float points);

    void width(int col, int chars);

    void freeze(int cols, int rows);

    void autoFilter(CellRangeAddress range);

    void header(String center);
  }

  private static void content(Target t) {
    t.sheet("Figures & <more> \"x\"");
    t.height(0, 30f);
    t.text(0, 0, "Measure", Style.HEADING);
    t.text(0, 1, "Value", Style.HEADING);
    t.text(0, 3, " leading space", null);
    t.text(1, 0, ODD, Style.TEXT);
    t.number(1, 1, 9046, Style.COUNT);
    t.number(1, 2, 21.568627450980394, Style.ONE_DP);
    t.number(1, 3, Double.NaN, Style.TWO_DP);
    t.number(1, 4, Double.POSITIVE_INFINITY, null);
    t.date(2, 1, LocalDate.of(2026, 11, 5), Style.COUNT);
    t.formula(3, 0, "SUM(B2:B3)", 9046.0, Style.FORMULA_COUNT);
    t.formula(3, 1, "IF(B2=0,\"\",C2/B2*100)", "", Style.FORMULA_ONE_DP);
    t.formula(3, 2, "\"a\"&\"b\"", "ab", Style.TEXT);
    t.formula(3, 3, "B2", null, null);
    t.formula(3, 4, "1/0", Double.NEGATIVE_INFINITY, Style.COUNT);
    t.text(5, 27, "", Style.MUTED);
    t.width(0, 70);
    t.width(27, 255);
    t.width(3, 14);
    t.freeze(2, 1);
    t.autoFilter(new CellRangeAddress(0, 5, 0, 27));
    t.sheet("O'Brien's list");
    for (int r = 3; r < 503; r++) { // more rows than SXSSF kept in memory
      t.text(r, 1, "practice K830" + (r % 70), Style.TEXT);
      t.number(r, 2, r * 1.5, Style.TWO_DP);
    }
    t.freeze(1, 0);
    t.autoFilter(new CellRangeAddress(3, 3, 1, 1));
    t.header("NOT FOR PUBLICATION & <b>");
    t.sheet("Empty");
    t.sheet("K83001");
    t.text(0, 0, "only", Style.BOLD);
    t.freeze(0, 7);
  }

  private static byte[] written() throws IOException {
    XlsxPackage wb = new XlsxPackage(STYLES.part());
    content(
        new Target() {
          Worksheet sheet;

          public void sheet(String name) {
            sheet = wb.addSheet(name);
          }

          public void text(int row, int col, String text, Style style) {
            sheet.text(row, col, text, STYLES.of(style));
          }

          public void number(int row, int col, double value, Style style) {
            sheet.number(row, col, value, STYLES.of(style));
          }

          public void date(int row, int col, LocalDate date, Style style) {
            sheet.date(row, col, date, STYLES.of(style));
          }

          public void formula(int row, int col, String formula, Object cached, Style style) {
            sheet.formula(row, col, formula, cached, STYLES.of(style));
          }

          public void height(int row, float points) {
            sheet.height(row, points);
          }

          public void width(int col, int chars) {
            sheet.width(col, chars);
          }

          public void freeze(int cols, int rows) {
            sheet.freeze(cols, rows);
          }

          public void autoFilter(CellRangeAddress range) {
            sheet.autoFilter(range);
          }

          public void header(String center) {
            sheet.header(center);
          }
        });
    wb.recalculateOnOpening();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out, MIDNIGHT, new XlsxPackage.Properties(ODD, "id/1", "subject & co", null));
    return out.toByteArray();
  }

  private static final StylesPart.Named<Style> STYLES =
      StylesPart.of(Style.class, SheetWriter::styles);

  /** SXSSF as the plugin used it until session 15. */
  private static byte[] poi() throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, false);
    Map<Style, CellStyle> styles = SheetWriter.styles(wb);
    try {
      content(
          new Target() {
            Sheet sheet;

            Cell cell(int row, int col, Style style) {
              Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
              Cell c = r.createCell(col);
              c.setCellStyle(style == null ? null : styles.get(style));
              return c;
            }

            public void sheet(String name) {
              sheet = wb.createSheet(name);
            }

            public void text(int row, int col, String text, Style style) {
              cell(row, col, style).setCellValue(text);
            }

            public void number(int row, int col, double value, Style style) {
              cell(row, col, style).setCellValue(value);
            }

            public void date(int row, int col, LocalDate date, Style style) {
              cell(row, col, style).setCellValue(date);
            }

            public void formula(int row, int col, String formula, Object cached, Style style) {
              Cell c = cell(row, col, style);
              c.setCellFormula(formula);
              if (cached instanceof Number n) {
                c.setCellValue(n.doubleValue());
              } else if (cached instanceof String s) {
                c.setCellValue(s);
              }
            }

            public void height(int row, float points) {
              (sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row))
                  .setHeightInPoints(points);
            }

            public void width(int col, int chars) {
              sheet.setColumnWidth(col, chars * 256);
            }

            public void freeze(int cols, int rows) {
              sheet.createFreezePane(cols, rows);
            }

            public void autoFilter(CellRangeAddress range) {
              sheet.setAutoFilter(range);
            }

            public void header(String center) {
              sheet.getHeader().setCenter(center);
            }
          });
      wb.setForceFormulaRecalculation(true);
      POIXMLProperties props = wb.getXSSFWorkbook().getProperties();
      POIXMLProperties.CoreProperties core = props.getCoreProperties();
      Date fixed = Date.from(MIDNIGHT.toInstant(ZoneOffset.UTC));
      core.setCreated(Optional.of(fixed));
      core.setModified(Optional.of(fixed));
      core.setCreator("LTC Reports");
      core.setLastModifiedByUser("LTC Reports");
      core.setTitle(ODD);
      core.setSubjectProperty("subject & co");
      core.setIdentifier("id/1");
      props.getExtendedProperties().getUnderlyingProperties().setApplication("LTC Reports");
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      wb.write(raw);
      return rezipped(raw.toByteArray());
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  /** Every entry stamped with the fixed time and compressed once more, as the plugin did. */
  private static byte[] rezipped(byte[] file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ZipOutputStream to = new ZipOutputStream(out);
    to.setLevel(Deflater.DEFAULT_COMPRESSION);
    for (Map.Entry<String, byte[]> e : parts(file).entrySet()) {
      ZipEntry copy = new ZipEntry(e.getKey());
      copy.setMethod(ZipEntry.DEFLATED);
      copy.setTimeLocal(MIDNIGHT);
      to.putNextEntry(copy);
      to.write(e.getValue());
      to.closeEntry();
    }
    to.finish();
    return out.toByteArray();
  }

  private static Map<String, byte[]> parts(byte[] file) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        try (InputStream in = zip.getInputStream(e)) {
          parts.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return parts;
  }

  private static Map<String, String> text(byte[] file) throws IOException {
    Map<String, String> text = new LinkedHashMap<>();
    parts(file).forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
    return text;
  }

  @Test
  void everyPartIsWhatPoiWrote() throws IOException {
    Map<String, String> expected = text(poi());
    Map<String, String> actual = text(written());
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((part, xml) -> assertThat(actual.get(part)).as(part).isEqualTo(xml));
  }

  @Test
  void theFileIsByteForByteWhatPoiWrote() throws IOException {
    byte[] file = written();
    assertThat(file).isEqualTo(poi());
    assertThat(written()).as("the same bytes every time").isEqualTo(file);
  }
}
