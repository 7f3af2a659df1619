package org.ltcreports.cli;

import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.source.DataMonths;
import org.ltcreports.source.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes the named reports for the named practices into a folder. */
@Command(name = "generate", description = "Write reports for a month into a folder.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions db;

  @Option(
      names = "--month",
      paramLabel = "YYYY-MM",
      converter = MonthConverter.class,
      description =
          "report month, within the data's months (default: the latest complete month of the data)")
  YearMonth month;

  @Option(
      names = "--practice",
      paramLabel = "CODE",
      description = "practice code (repeatable; default: all)")
  List<String> practices = new ArrayList<>();

  @Option(
      names = "--locality",
      paramLabel = "CODE",
      description = "all practices of this locality (with --practice: those named, in it)")
  String locality;

  @Option(
      names = "--report",
      split = ",",
      paramLabel = "NAME",
      description =
          "feedback, return, locality, collation, case-finding, team (each community team's activity),"
              + " evaluation (every locality, for commissioners) or all (default: all = feedback,"
              + " locality, return, collation)")
  List<String> reports = new ArrayList<>(List.of("all"));

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FMT",
      description = "pdf, xlsx, csv, json, html (default: every format the report has)")
  List<String> formats = new ArrayList<>();

  @Option(
      names = "--audience",
      paramLabel = "AUDIENCE",
      description = "PRACTICE, COMMISSIONER or PUBLIC (default: ${DEFAULT-VALUE})",
      defaultValue = "PRACTICE")
  String audience;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out",
      description = "output folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--trim-points",
      paramLabel = "FILE",
      description = "HRG trim-point CSV for excess bed days")
  Path trimPoints;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    Set<ReportType> types = reportTypes();
    Audience aud = audience();
    Map<String, String> extra = new LinkedHashMap<>();
    if (trimPoints != null) {
      extra.put("trim-points.file", trimPoints.toString());
    }
    Injector injector = Session.start(db, extra, o);
    DataMonths months =
        injector
            .getInstance(SourceReader.class)
            .months(injector.getInstance(LtcConfig.class).extractDate(), LocalDate.now());
    // Without --month, the latest complete month of the data (last month when the data is current).
    YearMonth m = month != null ? months.check(month) : months.latestComplete();
    BatchGenerator generator = injector.getInstance(BatchGenerator.class);
    Set<Format> fmts = formats();
    BatchRequest req = new BatchRequest(m, practices, locality, types, fmts, aud, out);
    BatchResult result =
        generator.run(
            req,
            LocalDate.now(),
            line -> {
              o.println(line);
              o.flush();
            });
    o.printf(
        "%d file(s) written to %s for %s; %d failure(s)%n",
        result.written().size(), out.toAbsolutePath().normalize(), m, result.failures().size());
    for (String f : result.failures()) {
      spec.commandLine().getErr().println("failed: " + f);
    }
    return result.complete() ? 0 : Main.FAILED;
  }

  private Set<ReportType> reportTypes() {
    Set<ReportType> types = EnumSet.noneOf(ReportType.class);
    for (String r : reports) {
      if (r.equals("all")) {
        types.addAll(
            EnumSet.of(
                ReportType.PRACTICE_FEEDBACK,
                ReportType.LOCALITY_FEEDBACK,
                ReportType.CASE_MANAGEMENT_RETURN,
                ReportType.LOCALITY_COLLATION));
      } else {
        types.add(
            ReportType.byName(r)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "unknown report '"
                                + r
                                + "': use feedback, return, locality, collation, case-finding,"
                                + " team, evaluation or all")));
      }
    }
    return types;
  }

  private Set<Format> formats() {
    Set<Format> set = EnumSet.noneOf(Format.class);
    if (formats.isEmpty()) {
      return EnumSet.copyOf(BatchRequest.USUAL_FORMATS);
    }
    for (String f : formats) {
      set.add(
          Format.byExtension(f.trim())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown format '" + f + "': use pdf, xlsx, csv, json or html")));
    }
    return set;
  }

  private Audience audience() {
    try {
      return Audience.valueOf(audience.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "audience must be PRACTICE, COMMISSIONER or PUBLIC, got '" + audience + "'");
    }
  }
}
