package org.ltcreports.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The XMP packet of every PDF gets the report's date and loses the PDF/UA identification ({@link
 * DeterministicPdfExporter#fixedXmp}); the element is now found by search instead of a pattern that
 * rescanned the packet's padding from every position (issue 21: 3% of a pack's CPU). The result
 * must be what the pattern gave, character for character.
 */
class FixedXmpTest {
  private static final String PADDING = (" ".repeat(100) + "\n").repeat(20);

  @Test
  void datesSetAndUaPartRemovedWithTheWhiteSpaceBeforeIt() {
    String xmp =
        "<x:xmpmeta>\n  <rdf:Description>\n"
            + "    <xmp:CreateDate>2026-12-06T02:41:07+00:00</xmp:CreateDate>\n"
            + "    <xmp:ModifyDate>2026-12-06T02:41:07+00:00</xmp:ModifyDate>\n"
            + "    <pdfuaid:part>1</pdfuaid:part>\n"
            + "  </rdf:Description>\n</x:xmpmeta>\n"
            + PADDING
            + "<?xpacket end=\"w\"?>";
    Calendar day = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    day.clear();
    day.set(2026, Calendar.OCTOBER, 31);
    String fixed =
        new String(
            DeterministicPdfExporter.fixedXmp(xmp.getBytes(StandardCharsets.UTF_8), day),
            StandardCharsets.UTF_8);
    // by hand: the two dates become the report's day at midnight UTC; "\n    <pdfuaid…>1</…>"
    // goes, the newline after it stays
    assertThat(fixed)
        .isEqualTo(
            "<x:xmpmeta>\n  <rdf:Description>\n"
                + "    <xmp:CreateDate>2026-10-31T00:00:00Z</xmp:CreateDate>\n"
                + "    <xmp:ModifyDate>2026-10-31T00:00:00Z</xmp:ModifyDate>\n"
                + "  </rdf:Description>\n</x:xmpmeta>\n"
                + PADDING
                + "<?xpacket end=\"w\"?>");
  }

  @Test
  void sameAsThePatternOnAwkwardShapes() {
    for (String text :
        List.of(
            "",
            "<pdfuaid:part>1</pdfuaid:part>",
            " \t\r\n\f\u000B<pdfuaid:part>1</pdfuaid:part>x",
            "a  <pdfuaid:part>1</pdfuaid:part>  <pdfuaid:part>2</pdfuaid:part>  b",
            PADDING
                + "<pdfuaid:part><b/></pdfuaid:part>"
                + PADDING
                + "<pdfuaid:part>3</pdfuaid:part>",
            "<pdfuaid:part>1",
            "\u00a0<pdfuaid:part>1</pdfuaid:part>",
            PADDING)) {
      assertThat(DeterministicPdfExporter.withoutUaPart(text))
          .as("%s", text)
          .isEqualTo(text.replaceAll("\\s*<pdfuaid:part>[^<]*</pdfuaid:part>", ""));
    }
  }
}
