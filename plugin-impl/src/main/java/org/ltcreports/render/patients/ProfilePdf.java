package org.ltcreports.render.patients;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.ltcreports.measures.PatientProfile;
import org.ltcreports.measures.PatientProfile.MonthPoint;
import org.ltcreports.words.PeopleTime;

/**
 * The patient profile on one A4 page (OpenPDF): who, the before-and-after sentence, the monthly
 * chart of emergency admissions and bed days with the months on a caseload shaded, then each table
 * of {@link ProfileLines}, latest rows first when a table is long (the page lists them all). If the
 * page overflows, fewer rows per table are shown until it fits on one.
 *
 * <p>Deterministic: the standard Helvetica (not embedded, so no random subset tag), creation and
 * modification dates set to the as-at date, and the file identifier digested from the patient id
 * and the as-at date.
 */
public final class ProfilePdf {
  // The standard Helvetica, not embedded: an embedded subset would carry a random six-letter tag.
  private static final BaseFont REGULAR = standard(BaseFont.HELVETICA);
  private static final BaseFont BOLD = standard(BaseFont.HELVETICA_BOLD);
  private static final Font TITLE = new Font(BOLD, 14);
  private static final Font HEADING = new Font(BOLD, 9);
  private static final Font HEADER_CELL = new Font(BOLD, 7.5f);
  private static final Font BODY = new Font(REGULAR, 7.5f);
  private static final Font SMALL = new Font(REGULAR, 6.5f, Font.NORMAL, Color.DARK_GRAY);
  private static final Color SHADE = new Color(0xDD, 0xEB, 0xF7);
  private static final Color BAR = new Color(0x00, 0x5E, 0xB8);
  private static final Color LINE = new Color(0xD5, 0x28, 0x1B);

  private ProfilePdf() {}

  private static BaseFont standard(String name) {
    try {
      return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("the standard PDF font " + name + " is missing", e);
    }
  }

  public static byte[] render(PatientProfile p, List<ProfileReview> reviews) throws IOException {
    byte[] last = null;
    for (int rows : new int[] {12, 8, 5, 3, 2}) {
      last = render(p, reviews, rows);
      if (new PdfReader(last).getNumberOfPages() == 1) {
        return last;
      }
    }
    return last;
  }

  private static byte[] render(PatientProfile p, List<ProfileReview> reviews, int maxRows)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 28, 28, 28, 28);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
      doc.addTitle("Patient profile");
      doc.open();
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en-GB"));
      doc.add(new Paragraph("Patient profile", TITLE));
      doc.add(new Paragraph(ProfileLines.who(p), BODY));
      doc.add(
          new Paragraph(
              "As at "
                  + PeopleTime.date(p.asAt())
                  + ", the latest date the data holds. Contains an NHS number: for the practice"
                  + " and the patient's case manager only.",
              SMALL));
      doc.add(new Paragraph(ProfileLines.beforeAndAfter(p), BODY));
      doc.add(chart(writer, p.months()));
      doc.add(
          new Paragraph(
              "Bars: emergency admissions each month; red line: their bed days; shaded: months on a"
                  + " case management caseload.",
              SMALL));
      for (ProfileLines.Table t : ProfileLines.tables(p, reviews)) {
        table(doc, t, maxRows);
      }
      fix(writer, p);
      doc.close();
    } catch (DocumentException e) {
      throw new IOException("cannot write the profile PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static void table(Document doc, ProfileLines.Table t, int maxRows)
      throws DocumentException {
    Paragraph h = new Paragraph(t.title(), HEADING);
    h.setSpacingBefore(5);
    doc.add(h);
    if (t.rows().isEmpty()) {
      doc.add(new Paragraph(t.empty(), BODY));
      return;
    }
    PdfPTable table = new PdfPTable(t.headings().size());
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String heading : t.headings()) {
      PdfPCell c = new PdfPCell(new Phrase(heading, HEADER_CELL));
      c.setBackgroundColor(new Color(0xF0, 0xF4, 0xF5));
      table.addCell(c);
    }
    List<List<String>> rows = t.rows();
    int from = Math.max(0, rows.size() - maxRows);
    for (List<String> row : rows.subList(from, rows.size())) {
      for (String cell : row) {
        table.addCell(new PdfPCell(new Phrase(cell, BODY)));
      }
    }
    doc.add(table);
    if (from > 0) {
      doc.add(
          new Paragraph(
              "The latest "
                  + (rows.size() - from)
                  + " of "
                  + rows.size()
                  + "; the profile page lists them all.",
              SMALL));
    }
  }

  /** Bars of admissions, a line of bed days, shaded caseload months, month initials below. */
  private static Image chart(PdfWriter writer, List<MonthPoint> months) throws DocumentException {
    float w = 539;
    float h = 90;
    float bottom = 14;
    float left = 22;
    PdfTemplate t = writer.getDirectContent().createTemplate(w, h);
    int n = months.size();
    float step = (w - left) / n;
    long maxAdmissions =
        Math.max(1, months.stream().mapToLong(MonthPoint::admissions).max().orElse(1));
    long maxBedDays = Math.max(1, months.stream().mapToLong(MonthPoint::bedDays).max().orElse(1));
    float plot = h - bottom - 6;
    for (int i = 0; i < n; i++) {
      if (months.get(i).onCaseload()) {
        t.setColorFill(SHADE);
        t.rectangle(left + i * step, bottom, step, plot);
        t.fill();
      }
    }
    t.setColorFill(BAR);
    for (int i = 0; i < n; i++) {
      float bh = plot * months.get(i).admissions() / maxAdmissions;
      if (bh > 0) {
        t.rectangle(left + i * step + step * 0.25f, bottom, step * 0.5f, bh);
        t.fill();
      }
    }
    t.setColorStroke(LINE);
    t.setLineWidth(1f);
    for (int i = 0; i < n; i++) {
      float x = left + i * step + step / 2;
      float y = bottom + plot * months.get(i).bedDays() / maxBedDays;
      if (i == 0) {
        t.moveTo(x, y);
      } else {
        t.lineTo(x, y);
      }
    }
    t.stroke();
    t.setColorStroke(Color.GRAY);
    t.setLineWidth(0.5f);
    t.moveTo(left, bottom);
    t.lineTo(w, bottom);
    t.stroke();
    {
      t.beginText();
      t.setFontAndSize(REGULAR, 5.5f);
      t.setColorFill(Color.BLACK);
      for (int i = 0; i < n; i++) {
        MonthPoint m = months.get(i);
        String label =
            m.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK)
                + (m.month().getMonthValue() == 1 || i == 0 ? " " + m.month().getYear() % 100 : "");
        t.showTextAligned(PdfContentByte.ALIGN_CENTER, label, left + i * step + step / 2, 4, 0);
      }
      t.showTextAligned(
          PdfContentByte.ALIGN_LEFT, String.valueOf(maxAdmissions), 0, bottom + plot - 5, 0);
      t.showTextAligned(PdfContentByte.ALIGN_LEFT, "0", 0, bottom, 0);
      t.endText();
    }
    Image img = Image.getInstance(t);
    img.setAlt(
        "Monthly emergency admissions (bars) and bed days (line) over the last "
            + n
            + " months; months on a caseload shaded.");
    img.setAlignment(Element.ALIGN_LEFT);
    return img;
  }

  /** Dates and file identifier from the profile, not the clock. */
  private static void fix(PdfWriter writer, PatientProfile p) {
    GregorianCalendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.UK);
    date.clear();
    date.set(p.asAt().getYear(), p.asAt().getMonthValue() - 1, p.asAt().getDayOfMonth());
    PdfDictionary info = writer.getInfo();
    PdfDate fixed = new PdfDate((Calendar) date);
    info.put(PdfName.CREATIONDATE, fixed);
    info.put(PdfName.MODDATE, fixed);
    try {
      byte[] id =
          MessageDigest.getInstance("MD5")
              .digest(
                  ("profile|" + p.patientId() + "|" + p.asAt()).getBytes(StandardCharsets.UTF_8));
      info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}
