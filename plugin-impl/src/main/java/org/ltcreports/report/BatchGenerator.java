package org.ltcreports.report;

import com.google.common.base.Suppliers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casefinding.CaseFinding;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.collation.CollationWorkbook;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.RulesVersion;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.render.Renderers;
import org.ltcreports.source.BatchScope;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceRows.Practice;

/**
 * The batch job behind {@code generate}: reads the rows the month needs once (at a hub, one
 * locality at a time: {@link BatchScope}), prepares the measures for every practice at once, then
 * builds, filters by audience, renders and writes each report. A report is either written whole in
 * every format or listed as a failure.
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
    this.threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
  }

  public BatchResult run(BatchRequest req, LocalDate today, Consumer<String> progress) {
    return run(req, today, progress, RunPhases.ignored());
  }

  /** {@link #run(BatchRequest, LocalDate, Consumer)}, adding the time of each phase to phases. */
  public BatchResult run(
      BatchRequest req, LocalDate today, Consumer<String> progress, RunPhases phases) {
    if (req.audience() == Audience.PUBLIC && req.reports().contains(ReportType.EVALUATION)) {
      // Its per-locality figures are the locality packs' own facts, protected there as one pack;
      // protected on its own, a cell withheld in a locality's pack could be shown here.
      progress.accept(
          "evaluation: left out of the PUBLIC pack: the programme evaluation across localities is"
              + " for commissioners; its public figures are in each locality summary");
      Set<ReportType> rest = EnumSet.noneOf(ReportType.class);
      rest.addAll(req.reports());
      rest.remove(ReportType.EVALUATION);
      req =
          new BatchRequest(
              req.month(),
              req.practices(),
              req.locality(),
              rest,
              req.formats(),
              req.audience(),
              req.outDir(),
              req.requestedBy());
    }
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
    Output out = new Output(req, new ArrayList<>(), new ArrayList<>(), progress, staged, phases);
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
      long started = System.nanoTime();
      SourceData data =
          phases.time(RunPhases.READ, () -> reader.read(settings.extractDate(), today));
      progress.accept(readLine("", data, started));
      generate(data, null, practices, out, true);
    } else {
      // Only the rows the month needs; a hub's source one locality at a time (BatchScope).
      LocalDate asAt =
          settings.extractDate() != null ? settings.extractDate() : reader.extractDate(today);
      BatchScope month = BatchScope.month(req.month(), repeated);
      if (sourceLocalities <= 1) {
        long started = System.nanoTime();
        SourceData data = phases.time(RunPhases.READ, () -> reader.readScoped(month, asAt, null));
        progress.accept(readLine("", data, started));
        generate(data, null, practices, out, true);
      } else {
        SourceData caseloads = reader.caseloadScope(asAt);
        for (Map.Entry<String, List<String>> locality : byLocality.entrySet()) {
          long started = System.nanoTime();
          SourceData data =
              phases.time(
                  RunPhases.READ,
                  () -> reader.readScoped(month.inLocality(locality.getKey()), asAt, caseloads));
          String name =
              locality.getKey() == null ? "practices with no locality" : locality.getKey();
          progress.accept(readLine(name + " ", data, started));
          // the teams based in the locality: their patients wherever registered, read when asked
          Supplier<SourceData> teamRows =
              () -> {
                long t = System.nanoTime();
                SourceData rows =
                    phases.time(
                        RunPhases.READ,
                        () -> reader.readScoped(month.teamsOf(locality.getKey()), asAt, caseloads));
                progress.accept(readLine(name + " teams' patients ", rows, t));
                return rows;
              };
          generate(data, teamRows, locality.getValue(), out, false);
        }
        if (req.reports().contains(ReportType.EVALUATION)) {
          // the evaluation compares practices across localities: one read of every locality
          long started = System.nanoTime();
          SourceData data = reader.readScoped(month, asAt, null);
          progress.accept(readLine("every locality (programme evaluation) ", data, started));
          MeasureContext ctx = new MeasureContext(data, settings.measures(), settings.engine());
          writeEvaluation(
              new ProgrammeEvaluation(
                  new ReturnMeasures(ctx, req.month(), settings.calendar()), settings.programme()),
              practices,
              out);
        }
      }
    }
    return new BatchResult(out.written, out.failures);
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

  /**
   * Every requested report of the practices (and their localities) from one snapshot.
   *
   * @param teamRows the rows of the patients of the teams based in the snapshot's locality ({@link
   *     BatchScope#teamsOf}), read when a team report is made; null when the snapshot holds them
   * @param whole whether the snapshot holds every locality of the run (then the programme
   *     evaluation, when asked for, is made from it too)
   */
  private void generate(
      SourceData data,
      Supplier<SourceData> teamRows,
      List<String> practices,
      Output out,
      boolean whole) {
    BatchRequest req = out.req;
    long preparing = System.nanoTime();
    MeasureContext ctx = new MeasureContext(data, settings.measures(), settings.engine());
    Supplier<TeamReportBuilder> teams =
        teamRows == null
            ? Suppliers.memoize(() -> teams(ctx, req))
            : Suppliers.memoize(
                () ->
                    teams(
                        new MeasureContext(teamRows.get(), settings.measures(), settings.engine()),
                        req));
    String policy = settings.disclosurePolicyVersion();
    TrimPoints trimPoints = settings.trimPoints();
    FeedbackMeasures measures = new FeedbackMeasures(ctx, req.month(), trimPoints, reviews);
    // One index of the case management rows for the practice reports (end of life), the locality
    // summaries (the programme's evaluation) and the returns.
    ReturnMeasures returnMeasures = new ReturnMeasures(ctx, req.month(), settings.calendar());
    FeedbackReportBuilder feedback =
        new FeedbackReportBuilder(
            ctx, req.month(), policy, trimPoints, measures, returnMeasures.endOfLife());
    boolean summariesWanted =
        req.reports().contains(ReportType.LOCALITY_FEEDBACK) || req.audience() == Audience.PUBLIC;
    boolean evaluationHere = whole && req.reports().contains(ReportType.EVALUATION);
    // the before/after matching is the costly part: only when a summary or the evaluation is made
    ProgrammeEvaluation evaluation =
        summariesWanted || evaluationHere
            ? new ProgrammeEvaluation(returnMeasures, settings.programme())
            : null;
    LocalityReportBuilder summaries =
        new LocalityReportBuilder(
            ctx,
            req.month(),
            measures,
            policy,
            feedback.quality(),
            summariesWanted ? evaluation : null);
    ReturnReportBuilder returns =
        req.reports().contains(ReportType.CASE_MANAGEMENT_RETURN)
                || req.reports().contains(ReportType.LOCALITY_COLLATION)
                || req.audience() == Audience.PUBLIC
            ? new ReturnReportBuilder(returnMeasures, feedback.quality(), policy)
            : null;
    // Preparing every family for all practices; the matching (inside the return's before/after)
    // is its own phase.
    long matching = returns == null ? 0 : returns.measures().beforeAfter().matchingNanos();
    out.phases.add(RunPhases.MATCHING, matching);
    out.phases.add(RunPhases.MEASURES, System.nanoTime() - preparing - matching);
    Function<String, Report> feedbackOf = feedback::build;
    Function<String, Report> summaryOf = summaries::build;
    // The returns built for the return files, kept for the locality collation, which would
    // otherwise build every practice's return a second time.
    Map<String, Report> builtReturns = new java.util.concurrent.ConcurrentHashMap<>();
    Function<String, Report> returnOf =
        returns == null
            ? null
            : p -> {
              Report r = returns.build(p);
              builtReturns.put(p, r);
              return r;
            };
    BiFunction<String, String, Report> teamOf = null;
    if (req.audience() == Audience.PUBLIC) {
      // one disclosure step for the month's publication: each locality's pack protected together
      PublicPacks packs =
          new PublicPacks(
              ctx,
              audienceView,
              feedback::build,
              returns::build,
              summaries::build,
              l -> teams.get().teamsOf(l).stream().map(teams.get()::build).toList());
      teamOf = (team, locality) -> packs.copyOfTeam(team, locality);
      feedbackOf = p -> packs.copy(ReportType.PRACTICE_FEEDBACK, p);
      summaryOf = l -> packs.copy(ReportType.LOCALITY_FEEDBACK, l);
      returnOf = p -> packs.copy(ReportType.CASE_MANAGEMENT_RETURN, p);
    }
    if (req.reports().contains(ReportType.PRACTICE_FEEDBACK)) {
      out.each(practices, ReportType.PRACTICE_FEEDBACK, feedbackOf);
    }
    if (req.reports().contains(ReportType.LOCALITY_FEEDBACK)) {
      out.each(localitiesOf(practices, ctx, out.progress), ReportType.LOCALITY_FEEDBACK, summaryOf);
    }
    if (req.reports().contains(ReportType.CASE_MANAGEMENT_RETURN)) {
      out.each(practices, ReportType.CASE_MANAGEMENT_RETURN, returnOf);
    }
    if (req.reports().contains(ReportType.LOCALITY_COLLATION)) {
      if (req.audience() == Audience.PUBLIC) {
        out.progress.accept(
            "collation: left out of the PUBLIC pack: the locality collation workbook is the"
                + " locality manager's working document (exact counts, case managers' names), never"
                + " for publication");
      } else {
        for (String locality : localitiesOf(practices, ctx, out.progress)) {
          writeCollation(returns, builtReturns, locality, ctx.extractDate(), out);
        }
      }
    }
    if (req.reports().contains(ReportType.COMMUNITY_TEAM)) {
      writeTeams(ctx, teams.get(), practices, out, teamOf);
    }
    if (evaluationHere) {
      writeEvaluation(evaluation, practices, out);
    }
    if (req.reports().contains(ReportType.CASE_FINDING)) {
      CaseFinding caseFinding = new CaseFinding(ctx, req.month());
      for (String practice : practices) {
        if (!req.audience().maySeePatients()) {
          out.failures.add(practice + " case-finding: the list is for the practice audience only");
          continue;
        }
        out.write(out.render(caseFinding.report(practice, policy)));
      }
    }
  }

  private TeamReportBuilder teams(MeasureContext ctx, BatchRequest req) {
    return new TeamReportBuilder(
        ctx,
        req.month(),
        settings.calendar(),
        settings.disclosurePolicyVersion(),
        settings.trimPoints());
  }

  /**
   * The community team report of every team based in the practices' localities; {@code publicCopy}
   * (team, locality) gives a PUBLIC copy from its locality's pack, null for the other audiences.
   */
  private void writeTeams(
      MeasureContext ctx,
      TeamReportBuilder teams,
      List<String> practices,
      Output out,
      BiFunction<String, String, Report> publicCopy) {
    for (String locality : localitiesOf(practices, ctx, out.progress)) {
      List<String> of = teams.teamsOf(locality);
      if (of.isEmpty()) {
        out.progress.accept(locality + " team: no case manager is based in this locality");
      }
      Function<String, Report> build =
          publicCopy == null ? teams::build : team -> publicCopy.apply(team, locality);
      out.each(of, ReportType.COMMUNITY_TEAM, build);
    }
  }

  /**
   * The programme evaluation across the run's localities: for commissioners (the COMMISSIONER copy
   * unless the run is for the public, when the PUBLIC copy is made through the pack disclosure).
   */
  private void writeEvaluation(ProgrammeEvaluation evaluation, List<String> practices, Output out) {
    BatchRequest req = out.req;
    EvaluationReportBuilder builder =
        new EvaluationReportBuilder(
            evaluation.context(), req.month(), evaluation, settings.disclosurePolicyVersion());
    Report copy;
    try {
      // never PUBLIC (run() leaves it out of a public pack); no patient-level figure in it
      copy = audienceView.forAudience(builder.build(practices), Audience.COMMISSIONER);
    } catch (RuntimeException e) {
      out.failures.add("evaluation: " + e.getMessage());
      out.progress.accept("evaluation: FAILED " + e.getMessage());
      return;
    }
    out.write(out.render(copy));
  }

  /** The localities of the practices, in code order; a practice without one is reported. */
  private static List<String> localitiesOf(
      List<String> practices, MeasureContext ctx, Consumer<String> progress) {
    java.util.SortedSet<String> localities = new java.util.TreeSet<>();
    for (String code : practices) {
      String locality = ctx.practice(code).localityCode();
      if (locality == null) {
        progress.accept(
            code + " locality: no locality recorded for this practice, no locality report");
      } else {
        localities.add(locality);
      }
    }
    return List.copyOf(localities);
  }

  /** A report rendered in every requested format it has, or why it could not be. */
  private record Rendered(Report report, List<Format> formats, List<byte[]> bytes, String error) {}

  /**
   * Writes the reports of a run. Building and rendering, the costly and independent part, runs on
   * {@link #threads} threads a few reports ahead; files are written and recorded in the reports'
   * order on the calling thread, so the audit chain and the output do not depend on timing.
   */
  private final class Output {
    private final BatchRequest req;
    private final List<Path> written;
    private final List<String> failures;
    private final Consumer<String> progress;
    private final StagedFiles staged;
    private final RunPhases phases;

    Output(
        BatchRequest req,
        List<Path> written,
        List<String> failures,
        Consumer<String> progress,
        StagedFiles staged,
        RunPhases phases) {
      this.phases = phases;
      this.req = req;
      this.written = written;
      this.failures = failures;
      this.progress = progress;
      this.staged = staged;
    }

    void each(List<String> scopes, ReportType type, Function<String, Report> build) {
      if (threads <= 1 || scopes.size() <= 1) {
        scopes.forEach(scope -> write(buildAndRender(scope, type, build)));
        return;
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        Deque<Future<Rendered>> ahead = new ArrayDeque<>();
        int next = 0;
        while (next < scopes.size() || !ahead.isEmpty()) {
          // a bounded window: at most 2 reports per thread held in memory
          while (next < scopes.size() && ahead.size() < 2 * threads) {
            String scope = scopes.get(next++);
            ahead.add(pool.submit(() -> buildAndRender(scope, type, build)));
          }
          write(ahead.removeFirst().get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("report generation interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }

    private Rendered buildAndRender(String scope, ReportType type, Function<String, Report> build) {
      try {
        Report report =
            phases.time(
                RunPhases.MEASURES,
                () -> audienceView.forAudience(build.apply(scope), req.audience()));
        return render(report);
      } catch (RuntimeException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.toString();
        return new Rendered(
            null, List.of(), List.of(), scope + " " + type.shortName() + ": " + why);
      }
    }

    Rendered render(Report report) {
      String scope = scopeOf(report);
      List<Format> formats =
          req.formats().stream()
              .filter(f -> renderers.find(f, report.type()).isPresent())
              .sorted()
              .toList();
      if (formats.isEmpty()) {
        return new Rendered(
            report,
            formats,
            List.of(),
            scope + " " + report.type().shortName() + ": not available as " + req.formats());
      }
      try {
        List<byte[]> bytes = new ArrayList<>();
        for (Format f : formats) {
          long start = System.nanoTime();
          bytes.add(renderers.get(f, report.type()).render(report));
          phases.add(RunPhases.render(f), System.nanoTime() - start);
        }
        return new Rendered(report, formats, bytes, null);
      } catch (IOException | RuntimeException e) {
        return new Rendered(
            report,
            formats,
            List.of(),
            scope + " " + report.type().shortName() + ": " + e.getMessage());
      }
    }

    void write(Rendered r) {
      if (r.error() != null) {
        failures.add(r.error());
        progress.accept(r.error().replaceFirst(": ", ": FAILED "));
        return;
      }
      Report report = r.report();
      List<ReportRecorder.WrittenFile> files = new ArrayList<>();
      for (int i = 0; i < r.formats().size(); i++) {
        String name = fileName(report, r.formats().get(i));
        files.add(new ReportRecorder.WrittenFile(r.formats().get(i), name, r.bytes().get(i)));
      }
      place(report, files);
    }

    /**
     * Writes the files to staging, records them, then moves them into the output folder: a crash at
     * any point leaves no unrecorded file in place (StagedFiles).
     */
    void place(Report report, List<ReportRecorder.WrittenFile> files) {
      String what = scopeOf(report) + " " + report.type().shortName();
      List<String> names = files.stream().map(ReportRecorder.WrittenFile::fileName).toList();
      long start = System.nanoTime();
      try {
        for (ReportRecorder.WrittenFile f : files) {
          staged.write(f.fileName(), f.bytes());
        }
        recorder.generated(report, req.requestedBy(), files);
        staged.place(files);
        names.forEach(n -> written.add(req.outDir().resolve(n)));
        progress.accept(what + ": " + files.size() + " file(s)");
      } catch (RuntimeException e) {
        staged.discard(names);
        failures.add(what + ": " + e.getMessage());
        progress.accept(what + ": FAILED " + e.getMessage());
      } finally {
        phases.add(RunPhases.WRITE, System.nanoTime() - start);
      }
    }
  }

  private static String scopeOf(Report r) {
    return r.practiceCode() != null ? r.practiceCode() : r.localityCode();
  }

  /**
   * The locality collation workbook from the database (hub mode): every practice's return of the
   * month, each marked with its one status (unsubmitted ones as drafts); recorded as a run like any
   * report, so {@code verify} recognises it.
   */
  private void writeCollation(
      ReturnReportBuilder returns,
      Map<String, Report> built,
      String locality,
      LocalDate asOf,
      Output out) {
    BatchRequest req = out.req;
    String name =
        req.month() + "/" + locality + "-" + ReportType.LOCALITY_COLLATION.slug() + ".xlsx";
    byte[] bytes;
    long rendering = System.nanoTime();
    try {
      List<String> practices = returns.measures().context().practicesOf(locality);
      List<Report> ofLocality = new ArrayList<>();
      for (String practice : practices) {
        Report r = built.get(practice);
        ofLocality.add(r != null ? r : returns.build(practice));
      }
      CollationWorkbook workbook =
          CollationWorkbook.fromReturns(
              returns.measures().month(),
              locality,
              ofLocality,
              submitted.dueDate(req.month()),
              submitted.forMonth(req.month(), practices));
      java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
      workbook.write(buffer, asOf, submitted.zone());
      bytes = buffer.toByteArray();
      out.phases.add(RunPhases.render(Format.XLSX), System.nanoTime() - rendering);
    } catch (IOException | RuntimeException e) {
      out.failures.add(locality + " collation: " + e.getMessage());
      out.progress.accept(locality + " collation: FAILED " + e.getMessage());
      return;
    }
    Report run =
        new Report(
            ReportType.LOCALITY_COLLATION,
            null,
            null,
            locality,
            null,
            req.month(),
            req.audience(),
            RulesVersion.VALUE,
            settings.disclosurePolicyVersion(),
            asOf,
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            List.of());
    out.place(run, List.of(new ReportRecorder.WrittenFile(Format.XLSX, name, bytes)));
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

  private static List<String> practicesFor(BatchRequest req, Map<String, Practice> practices) {
    List<String> codes = new ArrayList<>();
    if (!req.practices().isEmpty()) {
      for (String code : req.practices()) {
        if (!practices.containsKey(code)) {
          throw new IllegalArgumentException("unknown practice '" + code + "'");
        }
        codes.add(code);
      }
    } else if (req.locality() != null) {
      practices.values().stream()
          .filter(p -> req.locality().equals(p.localityCode()))
          .forEach(p -> codes.add(p.practiceCode()));
      if (codes.isEmpty()) {
        throw new IllegalArgumentException("unknown locality '" + req.locality() + "'");
      }
    } else {
      codes.addAll(practices.keySet());
    }
    return codes;
  }
}
