package org.ltcreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.fixtures.HandBuiltDatasets;

/**
 * What {@code generate} prints is ours, in words: no library's log line reaches the person running
 * it. Every run that made a PDF printed "[ltc-pdf-1-1] WARN
 * net.sf.jasperreports.pdf.classic.ClassicPdfUtils - COMMONS-LOGGING Stock OpenPDF detected, link
 * annotation /StructParent tagging is disabled": JasperReports says so once per JVM, about link
 * annotations the reports do not have. A library logs once per JVM, so the run is a new JVM.
 */
class GenerateConsoleTest {
  @TempDir Path dir;

  @Test
  void aPackWithPdfsPrintsOnlyItsOwnLines() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("golden") + ";AUTO_SERVER=FALSE";
    try (Connection c = DriverManager.getConnection(url)) {
      HandBuiltDatasets.load(c, HandBuiltDatasets.GOLDEN_ADMISSIONS);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "generate",
                "--jdbc-url",
                url,
                "--month",
                "2026-10",
                "--report",
                "feedback,return",
                "--format",
                "pdf",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString()));
    Process child;
    try {
      child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("cannot start a child JVM with " + java + ": " + e.getMessage());
      return;
    }
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child ended").isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    assertThat(out).contains("4 file(s) written").contains("0 failure(s)");
    try (var files = Files.walk(dir.resolve("out"))) {
      assertThat(files.map(Path::toString)).filteredOn(f -> f.endsWith(".pdf")).hasSize(4);
    }
    assertThat(out.lines())
        .as(out)
        .noneMatch(l -> l.contains(" WARN ") || l.contains("COMMONS-LOGGING"))
        .noneMatch(l -> l.contains("net.sf.") || l.contains("org.apache."));
  }
}
