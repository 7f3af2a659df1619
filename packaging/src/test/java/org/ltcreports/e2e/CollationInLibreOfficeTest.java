package org.ltcreports.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.cli.Main;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.fixtures.LocalityGenerator;

/**
 * The locality collation workbook opened by a real spreadsheet program: LibreOffice (headless)
 * converts its Summary sheet to CSV, and the locality totals and rates it shows must equal the sums
 * of the practices' returns. Skipped, with the reason, where LibreOffice is not installed (CI
 * installs it).
 */
class CollationInLibreOfficeTest {
  @TempDir Path dir;

  @Test
  void summaryTotalsComputeTheSameInLibreOffice() throws Exception {
    String soffice =
        List.of("/usr/bin/soffice", "/usr/bin/libreoffice").stream()
            .filter(p -> new File(p).canExecute())
            .findFirst()
            .orElse(null);
    assumeTrue(
        soffice != null,
        "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");

    String url = "jdbc:h2:file:" + dir.resolve("db/ltc");
    try (Connection c = DriverManager.getConnection(url)) {
      new LocalityGenerator()
          .generate(
              GeneratorOptions.defaults()
                  .withPractices(3)
                  .withLocalities(1)
                  .withPatients(6000)
                  .withYears(2)
                  .withLastMonth(YearMonth.of(2026, 10)),
              c);
    }
    Path out = dir.resolve("out");
    int exit =
        Main.run(
            "generate",
            "--jdbc-url",
            url,
            "--month",
            "2026-10",
            "--report",
            "return,collation",
            "--format",
            "json,xlsx",
            "--out",
            out.toString());
    assertThat(exit).isZero();
    Path month = out.resolve("2026-10");
    Path workbook;
    try (var files = Files.list(month)) {
      workbook =
          files
              .filter(p -> p.getFileName().toString().endsWith("-locality-collation.xlsx"))
              .findFirst()
              .orElseThrow();
    }

    // The practices' own figures, from their JSON returns.
    long register = 0;
    long adults = 0;
    long referrals = 0;
    try (var files = Files.list(month)) {
      for (Path json :
          files
              .filter(p -> p.toString().endsWith("-case-management-return-practice.json"))
              .toList()) {
        JsonNode m = new ObjectMapper().readTree(json.toFile()).get("measures");
        register += m.get("register_size").asLong();
        adults += m.get("list_size_18plus_month_end").asLong();
        referrals += m.get("referrals_received").asLong();
      }
    }

    Path csvDir = dir.resolve("csv");
    Process p =
        new ProcessBuilder(
                soffice,
                "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--headless",
                "--convert-to",
                "csv",
                "--outdir",
                csvDir.toString(),
                workbook.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
    String csv =
        Files.readString(
            csvDir.resolve(workbook.getFileName().toString().replace(".xlsx", ".csv")),
            StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    assertThat(rows.get(0).get(2)).isEqualTo("Register at month end");
    assertThat(rows.get(0).get(4)).isEqualTo("Register as % of adults");
    assertThat(rows.get(0).get(5)).isEqualTo("Referrals received");
    String[] total =
        rows.stream()
            .filter(r -> r.get(0).equals("Locality total"))
            .findFirst()
            .orElseThrow()
            .values();
    assertThat(number(total[2])).isEqualTo(register);
    assertThat(number(total[3])).isEqualTo(adults);
    assertThat(Double.parseDouble(total[4]))
        .isCloseTo(100.0 * register / adults, within(0.05)); // shown to 1 dp
    assertThat(number(total[5])).isEqualTo(referrals);
  }

  private static long number(String formatted) {
    return Long.parseLong(formatted.replace("\"", "").replace(",", "").trim());
  }
}
