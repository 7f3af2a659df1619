package org.ltcreports.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.render.Renderers;
import org.ltcreports.render.pdf.FillingThreads;
import org.ltcreports.source.BatchScope;
import org.ltcreports.source.CaseloadRows;
import org.ltcreports.source.RoutedRows;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.words.ReportWords;

/**
 * The batch job behind {@code generate}: reads the rows the month needs once (at a hub, one
 * locality at a time: {@link BatchScope}), builds every report of the snapshot from them ({@link
 * SnapshotReports}), lets the rows go, then renders and writes the reports ({@link PackWriter}). A
 * report is either written whole in every format or listed as a failure.
 */
public final class BatchGenerator {
  private final SourceReader reader;
  private final Renderers renderers;
  private final AudienceView audienceView;
  private final ReportRecorder recorder;
  private final SubmittedReturns submitted;
  private final ReviewRecords reviews;
  private final BatchSettings settings;
  private final int threads;

  public BatchGenerator(
      SourceReader reader,
      Renderers renderers,
      AudienceView audienceView,
      ReportRecorder recorder,
      SubmittedReturns submitted,
      ReviewRecords reviews,
      BatchSettings settings) {
    this.reviews = reviews;
    this.reader = reader;
    this.renderers = renderers;
    this.audienceView = audienceView;
    this.recorder = recorder;
    this.submitted = submitted;
    this.settings = settings;
    this.threads = FillingThreads.PER_RUN;
  }

  public BatchResult run(BatchRequest req, LocalDate today, Consumer<String> progress) {
    return run(req, today, progress, RunPhases.ignored());
  }

  /** {@link #run(BatchRequest, LocalDate, Consumer)}, adding the time of each phase to phases. */
  public BatchResult run(
      BatchRequest req, LocalDate today, Consumer<String> progress, RunPhases phases) {
    // A report the audience never receives (ReportType.whyNotFor) is left out with a line saying
    // why, and the run is still complete: the other reports were written. A run left with nothing
    // to make is a request that cannot be met: refused, saying why, before anything is read.
    Set<ReportType> allowed = EnumSet.noneOf(ReportType.class);
    List<String> leftOut = new ArrayList<>();
    for (ReportType type : req.reports()) {
      Optional<String> whyNot = type.whyNotFor(req.audience());
      if (whyNot.isPresent()) {
        leftOut.add(
            type.shortName()
                + ": left out of the "
                + ReportWords.audience(req.audience()).toLowerCase(Locale.ROOT)
                + ": "
                + whyNot.get());
      } else {
        allowed.add(type);
      }
    }
    // The same for a format a report is not made in (Renderers.formatsOf): said once, and a
    // report made in none of the formats asked for is left out. The usual formats, asked for by
    // no one in particular, need no word for the ones a report is not made in.
    boolean usual = req.formats().equals(BatchRequest.USUAL_FORMATS);
    for (ReportType type : EnumSet.copyOf(allowed)) {
      Set<Format> made = renderers.formatsOf(type);
      Set<Format> notMade = EnumSet.noneOf(Format.class);
      notMade.addAll(req.formats());
      notMade.removeAll(made);
      if (!notMade.isEmpty() && (!usual || notMade.size() == req.formats().size())) {
        leftOut.add(
            type.shortName()
                + ": not made as "
                + ReportWords.formats(notMade, "or")
                + " (it is made as "
                + ReportWords.formats(made, "and")
                + ")");
        if (notMade.size() == req.formats().size()) {
          allowed.remove(type);
        }
      }
    }
    if (!allowed.equals(req.reports())) {
      req =
          new BatchRequest(
              req.month(),
              req.practices(),
              req.locality(),
              allowed,
              req.formats(),
              req.audience(),
              req.outDir(),
              req.requestedBy());
    }
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("nothing to make: " + String.join("; ", leftOut));
    }
    leftOut.forEach(progress);
    Map<String, Practice> practiceRows = MeasureContext.practicesByCode(reader.practices());
    List<String> practices = practicesFor(req, practiceRows);
    List<StagedFiles.Leftover> leftovers = StagedFiles.sweep(req.outDir(), recorder::recorded);
    if (!leftovers.isEmpty()) {
      recorder.leftoversRemoved(req.requestedBy(), leftovers);
      progress.accept(
          "removed "
              + leftovers.size()
              + " file(s) an interrupted run left unrecorded (the removal is in the audit log)");
    }
    try (StagedFiles staged = StagedFiles.in(req.outDir())) {
      return run(req, today, progress, practiceRows, practices, staged, phases);
    }
  }

  private BatchResult run(
      BatchRequest req,
      LocalDate today,
      Consumer<String> progress,
      Map<String, Practice> practiceRows,
      List<String> practices,
      StagedFiles staged,
      RunPhases phases) {
    PackWriter out =
        new PackWriter(
            req,
            renderers,
            recorder,
            submitted,
            settings.disclosurePolicyVersion(),
            threads,
            progress,
            staged,
            phases);
    SnapshotReports reports = new SnapshotReports(settings, reviews, audienceView, threads);
    Map<String, List<String>> byLocality = byLocality(practices, practiceRows);
    long sourceLocalities =
        practiceRows.values().stream().map(Practice::localityCode).distinct().count();
    BatchScope.RepeatedIds repeated =
        settings.scopedReads() ? reader.repeatedIds() : BatchScope.RepeatedIds.NONE;
    if (!settings.scopedReads() || !repeated.fewEnough()) {
      if (settings.scopedReads()) {
        progress.accept(
            "source: more than "
                + BatchScope.MAX_REPEATED_IDS
                + " repeated spell, attendance or episode ids; reading the whole source");
      }
      out.writeAll(
          planned(
              () -> reader.read(settings.extractDate(), today),
              "",
              data -> reports.plan(data, null, practices, out, true),
              out));
    } else {
      // Only the rows the month needs; a hub's source one locality at a time (BatchScope).
      LocalDate asAt =
          settings.extractDate() != null ? settings.extractDate() : reader.extractDate(today);
      BatchScope month = BatchScope.month(req.month(), repeated);
      if (sourceLocalities <= 1) {
        out.writeAll(
            planned(
                () -> reader.readScoped(month, asAt, null),
                "",
                data -> reports.plan(data, null, practices, out, true),
                out));
      } else {
        CaseloadRows caseloads = reader.caseloadScope(month, asAt);
        try (RoutedRows routed = routed(month, asAt, caseloads, byLocality.keySet(), out)) {
          for (Map.Entry<String, List<String>> locality : byLocality.entrySet()) {
            String name =
                locality.getKey() == null ? "practices with no locality" : locality.getKey();
            // the teams based in the locality: their patients wherever registered, read when asked
            Supplier<SourceData> teamRows =
                () -> {
                  long t = System.nanoTime();
                  SourceData rows =
                      phases.time(
                          RunPhases.READ,
                          () ->
                              reader.readScoped(month.teamsOf(locality.getKey()), asAt, caseloads));
                  progress.accept(readLine(name + " teams' patients ", rows, t));
                  return rows;
                };
            out.writeAll(
                planned(
                    routed != null
                        ? () -> routed.locality(locality.getKey())
                        : () ->
                            reader.readScoped(month.inLocality(locality.getKey()), asAt, caseloads),
                    name + " ",
                    data -> reports.plan(data, teamRows, locality.getValue(), out, false),
                    out));
          }
        }
        if (req.reports().contains(ReportType.EVALUATION)) {
          // the evaluation compares practices across localities: one read of every locality
          out.writeAll(
              planned(
                  () -> reader.readScoped(month, asAt, null),
                  "every locality (programme evaluation) ",
                  data -> reports.evaluationOf(data, practices, out),
                  out));
        }
      }
    }
    return out.result();
  }

  /**
   * A hub's month read once and routed to its localities ({@link RoutedRows}); null, to read one
   * locality at a time, when {@code generate.routed-reads} is false, there are too many localities,
   * or the temporary files cannot be made or written.
   */
  private RoutedRows routed(
      BatchScope month,
      LocalDate asAt,
      CaseloadRows caseloads,
      Collection<String> localities,
      PackWriter out) {
    if (!settings.routedReads() || localities.size() > RoutedRows.MAX_LOCALITIES) {
      return null;
    }
    out.progress().accept("reading every locality's rows once…");
    long started = System.nanoTime();
    try {
      RoutedRows routed =
          out.phases()
              .time(
                  RunPhases.READ,
                  () -> {
                    try {
                      return reader.readRouted(
                          month, asAt, caseloads, localities, settings.routedFolder());
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
      out.progress()
          .accept(
              String.format(
                  Locale.ROOT,
                  "source: %d localities' rows read and routed in %.1f s (%,d MB of temporary"
                      + " files)",
                  localities.size(),
                  (System.nanoTime() - started) / 1e9,
                  routed.bytes() >> 20));
      return routed;
    } catch (UncheckedIOException e) {
      // nothing is left behind (RoutedRows), and the run is still whole: it reads as without
      out.progress()
          .accept(
              "source: the localities' rows could not be routed through temporary files ("
                  + e.getCause().getMessage()
                  + "); reading one locality at a time");
      return null;
    }
  }

  /**
   * Reads a snapshot and plans its reports; the snapshot is unreachable once this returns, so its
   * rows can be collected while the plan is rendered.
   */
  private static List<PlannedReport> planned(
      Supplier<SourceData> read,
      String scope,
      Function<SourceData, List<PlannedReport>> plan,
      PackWriter out) {
    out.progress().accept("reading " + (scope.isEmpty() ? "the source" : scope.trim()) + "…");
    long started = System.nanoTime();
    SourceData data = out.phases().time(RunPhases.READ, read);
    out.progress().accept(readLine(scope, data, started));
    return plan.apply(data);
  }

  private static String readLine(String scope, SourceData data, long started) {
    return String.format(
        Locale.ROOT,
        "source: %s%,d rows read in %.1f s",
        scope,
        data.rowCount(),
        (System.nanoTime() - started) / 1e9);
  }

  /** The practices by locality code, in code order (no locality last). */
  private static Map<String, List<String>> byLocality(
      List<String> practices, Map<String, Practice> practiceRows) {
    Map<String, List<String>> groups =
        new TreeMap<>(Comparator.nullsLast(Comparator.<String>naturalOrder()));
    for (String code : practices) {
      groups
          .computeIfAbsent(practiceRows.get(code).localityCode(), k -> new ArrayList<>())
          .add(code);
    }
    return groups;
  }

  /** {@code 2026-10/K83001-practice-feedback-practice.pdf}. */
  public static String fileName(Report r, Format f) {
    String scope = r.practiceCode() != null ? r.practiceCode() : r.localityCode();
    return r.month()
        + "/"
        + scope
        + "-"
        + r.type().slug()
        + "-"
        + r.audience().name().toLowerCase(Locale.ROOT)
        + "."
        + f.extension();
  }

  /**
   * The practices asked for: those named, else the locality's, else all. Named practices with a
   * locality must be in it (it was ignored: "--locality L02 --practice K83001" wrote L01's files).
   */
  private static List<String> practicesFor(BatchRequest req, Map<String, Practice> practices) {
    List<String> codes = new ArrayList<>();
    String locality = req.locality();
    if (locality != null
        && practices.values().stream().noneMatch(p -> locality.equals(p.localityCode()))) {
      throw new IllegalArgumentException("unknown locality '" + locality + "'");
    }
    if (!req.practices().isEmpty()) {
      for (String code : req.practices()) {
        Practice p = practices.get(code);
        if (p == null) {
          throw new IllegalArgumentException("unknown practice '" + code + "'");
        }
        if (locality != null && !locality.equals(p.localityCode())) {
          throw new IllegalArgumentException(
              "practice '"
                  + code
                  + "' is in locality '"
                  + p.localityCode()
                  + "', not '"
                  + locality
                  + "'");
        }
        codes.add(code);
      }
    } else if (locality != null) {
      practices.values().stream()
          .filter(p -> locality.equals(p.localityCode()))
          .forEach(p -> codes.add(p.practiceCode()));
    } else {
      codes.addAll(practices.keySet());
    }
    return codes;
  }
}
