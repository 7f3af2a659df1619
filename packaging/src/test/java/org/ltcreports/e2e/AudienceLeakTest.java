package org.ltcreports.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.cli.Main;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;

/**
 * Patient-identifiable detail never leaves the practice (governance.md): every report in every
 * format made for the COMMISSIONER and PUBLIC audiences is searched for every NHS number, patient
 * id and spell id in the data, and none may appear. The PRACTICE copy is searched the same way and
 * must show some, which proves the search can find them.
 */
class AudienceLeakTest {
  @TempDir static Path dir;
  static String url;
  static Set<String> identifiers = new TreeSet<>();

  @BeforeAll
  static void data() throws Exception {
    url = "jdbc:h2:file:" + dir.resolve("db/ltc");
    try (Connection c = DriverManager.getConnection(url)) {
      new LocalityGenerator()
          .generate(
              GeneratorOptions.defaults()
                  .withPractices(2)
                  .withLocalities(1)
                  .withPatients(3000)
                  .withYears(2)
                  .withLastMonth(YearMonth.of(2026, 10)),
              c);
      try (Statement s = c.createStatement()) {
        collect(s, "SELECT patient_id, nhs_number FROM patient");
        collect(s, "SELECT spell_id FROM hospital_spell");
      }
    }
  }

  private static void collect(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          String v = rs.getString(i);
          if (v != null && v.length() >= 8) {
            identifiers.add(v.trim());
          }
        }
      }
    }
  }

  private static List<String> leaks(String audience) throws Exception {
    Path out = dir.resolve("out-" + audience);
    int exit =
        Main.run(
            "generate",
            "--jdbc-url",
            url,
            "--month",
            "2026-10",
            "--audience",
            audience,
            "--report",
            "feedback,locality,return,collation,team",
            "--format",
            "pdf,xlsx,csv,json,html",
            "--out",
            out.toString());
    assertThat(exit).isZero();
    List<String> found = new ArrayList<>();
    List<Path> files;
    try (var walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    // issue 22: the community team reports are searched too (fixture team L01-T1)
    assertThat(files)
        .anyMatch(f -> f.getFileName().toString().startsWith("L01-T1-community-team-"));
    for (Path f : files) {
      String text = text(f);
      for (String id : identifiers) {
        if (text.contains(id)) {
          found.add(f.getFileName() + " contains " + id);
        }
      }
    }
    return found;
  }

  @Test
  void commissionerOutputsHoldNoPatientIdentifiers() throws Exception {
    assertThat(leaks("COMMISSIONER")).isEmpty();
  }

  @Test
  void publicOutputsHoldNoPatientIdentifiers() throws Exception {
    assertThat(leaks("PUBLIC")).isEmpty();
  }

  @Test
  void thePracticeCopyShowsThemSoTheSearchWorks() throws Exception {
    assertThat(leaks("PRACTICE")).isNotEmpty();
  }

  /**
   * Issue 22: the in-hospital counts reach the commissioner's copy like every count, but nothing of
   * the in-hospital list or of a patient profile does, in any format.
   */
  @Test
  void theInHospitalListAndProfilesNeverReachTheCommissionerOrThePublic() throws Exception {
    for (String audience : List.of("COMMISSIONER", "PUBLIC")) {
      Path out = dir.resolve("in-hospital-" + audience);
      int exit =
          Main.run(
              "generate",
              "--jdbc-url",
              url,
              "--month",
              "2026-10",
              "--audience",
              audience,
              "--report",
              "feedback,locality",
              "--format",
              "pdf,xlsx,csv,json,html",
              "--out",
              out.toString());
      assertThat(exit).isZero();
      List<Path> files;
      try (var walk = Files.walk(out)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      boolean countsThere = false;
      for (Path f : files) {
        String text = text(f);
        assertThat(text)
            .as(audience + " " + f.getFileName())
            .doesNotContain("Patient profile")
            .doesNotContain("Days beyond the trim point")
            .doesNotContain("Last case-management contact");
        countsThere |= f.toString().endsWith(".json") && text.contains("\"in_hospital_now\"");
      }
      if (audience.equals("COMMISSIONER")) {
        assertThat(countsThere).as("in_hospital_now in the commissioner's JSON").isTrue();
      }
    }
  }

  /** The text a reader or a program could get out of the file. */
  static String text(Path f) throws IOException {
    String name = f.getFileName().toString();
    if (name.endsWith(".pdf")) {
      try (PDDocument doc = Loader.loadPDF(f.toFile())) {
        return new PDFTextStripper().getText(doc);
      }
    }
    if (name.endsWith(".xlsx")) {
      StringBuilder all = new StringBuilder();
      try (InputStream in = Files.newInputStream(f);
          ZipInputStream zip = new ZipInputStream(in)) {
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
          ByteArrayOutputStream b = new ByteArrayOutputStream();
          zip.transferTo(b);
          all.append(b.toString(StandardCharsets.UTF_8)).append('\n');
        }
      }
      return all.toString();
    }
    return Files.readString(f, StandardCharsets.UTF_8);
  }
}
