package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.collation.ReturnFileReader;
import org.ltcreports.collation.SubmittedFigures;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.report.ArtifactFiles;
import org.ltcreports.report.ReportService;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collate}: the locality collation workbook from the return files practices sent. Each file
 * is checked (a return, the right month, an unedited Data sheet, not a duplicate) and every file
 * that fails is listed with its reason, never merged.
 */
@Command(
    name = "collate",
    description = "Build the locality collation workbook from returned XLSX files.")
final class CollateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions db;

  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      converter = MonthConverter.class)
  YearMonth month;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "DIR",
      description = "folder of returned XLSX files")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE.xlsx")
  Path out;

  @Option(
      names = "--locality",
      paramLabel = "CODE",
      description = "check the files against this locality's practices (reads the database)")
  String locality;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(in)) {
      throw new IllegalArgumentException("--in must be a folder, got '" + in + "'");
    }
    PrintWriter o = spec.commandLine().getOut();
    CollationWorkbook.Expected expected = null;
    Submissions stored = null;
    if (locality != null) {
      Injector injector = Session.start(db, Map.of(), o);
      stored = injector.getInstance(Submissions.class);
      injector
          .getInstance(SourceReader.class)
          .months(injector.getInstance(LtcConfig.class).extractDate(), LocalDate.now())
          .check(month);
      Map<String, String> practices = new TreeMap<>();
      for (Practice p : injector.getInstance(ReportService.class).practices()) {
        if (locality.equals(p.localityCode())) {
          practices.put(p.practiceCode(), p.practiceName());
        }
      }
      if (practices.isEmpty()) {
        throw new IllegalArgumentException("unknown locality '" + locality + "'");
      }
      expected = new CollationWorkbook.Expected(locality, practices, null);
    }
    // the installation's own key and returns.trusted-keys: a file that is not signed by one of
    // them (edited and re-checksummed, or from an installation not trusted) is listed, not merged
    LtcConfig cfg = db.load(Map.of());
    ReturnSignatures keys = ReturnSignatures.load(cfg.returnSigningKey(), cfg.returnTrustedKeys());
    ReturnFileReader reader = new ReturnFileReader(keys, ReturnFileReader.DEFAULT_MAX_BYTES);
    // with --locality the database is open: a file must carry the latest submitted figures
    CollationWorkbook workbook =
        CollationWorkbook.fromDirectory(
            in,
            month,
            expected,
            reader,
            Map.of(),
            stored == null ? SubmittedFigures.NONE : SubmittedFigures.stored(stored, reader));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    workbook.write(bytes, LocalDate.now());
    ArtifactFiles.writeAtomically(out.toAbsolutePath(), bytes.toByteArray());
    o.printf("%d return(s) merged into %s%n", workbook.merged().size(), out);
    for (CollationWorkbook.Problem p : workbook.problems()) {
      spec.commandLine()
          .getErr()
          .println(
              "not merged: "
                  + p.source()
                  + (p.practiceCode() == null ? "" : " (" + p.practiceCode() + ")")
                  + ": "
                  + p.reason());
    }
    return 0;
  }
}
