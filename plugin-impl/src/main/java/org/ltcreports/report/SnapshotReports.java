package org.ltcreports.report;

import com.google.common.base.Suppliers;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casefinding.CaseFinding;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.source.SourceData;

/**
 * Every requested report of one snapshot's practices (and their localities and teams), built and
 * filtered for the run's audience before any is rendered. Nothing planned holds a row: once the
 * plan is made the snapshot can go, so rendering, the longest part of a run, has the heap without
 * the rows (at 512 MB the 600k locality's rows left the collector little room while rendering).
 */
final class SnapshotReports {
  private final BatchSettings settings;
  private final ReviewRecords reviews;
  private final AudienceView audienceView;
  private final int threads;

  SnapshotReports(
      BatchSettings settings, ReviewRecords reviews, AudienceView audienceView, int threads) {
    this.settings = settings;
    this.reviews = reviews;
    this.audienceView = audienceView;
    this.threads = threads;
  }

  /**
   * @param teamRows the rows of the patients of the teams based in the snapshot's locality ({@link
   *     org.ltcreports.source.BatchScope#teamsOf}), read when a team report is made; null when the
   *     snapshot holds them
   * @param whole whether the snapshot holds every locality of the run (then the programme
   *     evaluation, when asked for, is made from it too)
   */
  List<PlannedReport> plan(
      SourceData data,
      Supplier<SourceData> teamRows,
      List<String> practices,
      PackWriter out,
      boolean whole) {
    BatchRequest req = out.request();
    List<PlannedReport> plan = new ArrayList<>();
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
    // One index of the case management rows for the practice reports (end of life), the locality
    // summaries (the programme's evaluation) and the returns.
    ReturnMeasures returnMeasures = new ReturnMeasures(ctx, req.month(), settings.calendar());
    boolean summariesWanted =
        req.reports().contains(ReportType.LOCALITY_FEEDBACK) || req.audience() == Audience.PUBLIC;
    boolean evaluationHere = whole && req.reports().contains(ReportType.EVALUATION);
    // The before/after matching is the costly part: only when a summary or the evaluation is
    // made, and on a thread of its own while the feedback's families are counted on this one
    // (they share only the context, which is safe to share: reports are built on several threads).
    ExecutorService beside = Executors.newSingleThreadExecutor();
    ProgrammeEvaluation evaluation;
    FeedbackMeasures measures;
    FeedbackReportBuilder feedback;
    try {
      Future<ProgrammeEvaluation> evaluating =
          beside.submit(
              () ->
                  summariesWanted || evaluationHere
                      ? new ProgrammeEvaluation(returnMeasures, settings.programme())
                      : null);
      // read out once per practice: each is asked for by its report and two locality summaries
      measures = new FeedbackMeasures(ctx, req.month(), trimPoints, reviews).readOncePerPractice();
      feedback =
          new FeedbackReportBuilder(
              ctx, req.month(), policy, trimPoints, measures, returnMeasures.endOfLife());
      evaluation = RunTasks.await(evaluating);
    } finally {
      beside.shutdownNow();
    }
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
    out.phases().add(RunPhases.MATCHING, matching);
    out.phases().add(RunPhases.MEASURES, System.nanoTime() - preparing - matching);
    Function<String, Report> feedbackOf = feedback::build;
    Function<String, Report> summaryOf = summaries::build;
    // The returns built for the return files, kept for the locality collation, which would
    // otherwise build every practice's return a second time.
    Map<String, Report> builtReturns = new ConcurrentHashMap<>();
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
      plan.addAll(each(practices, ReportType.PRACTICE_FEEDBACK, feedbackOf, out));
    }
    if (req.reports().contains(ReportType.LOCALITY_FEEDBACK)) {
      plan.addAll(
          each(
              localitiesOf(practices, ctx, out.progress()),
              ReportType.LOCALITY_FEEDBACK,
              summaryOf,
              out));
    }
    if (req.reports().contains(ReportType.CASE_MANAGEMENT_RETURN)) {
      plan.addAll(each(practices, ReportType.CASE_MANAGEMENT_RETURN, returnOf, out));
    }
    if (req.reports().contains(ReportType.LOCALITY_COLLATION)) {
      for (String locality : localitiesOf(practices, ctx, out.progress())) {
        plan.add(collation(returns, builtReturns, locality, ctx));
      }
    }
    if (req.reports().contains(ReportType.COMMUNITY_TEAM)) {
      plan.addAll(teams(ctx, teams.get(), practices, out, teamOf));
    }
    if (evaluationHere) {
      plan.add(evaluation(evaluation, practices, out));
    }
    if (req.reports().contains(ReportType.CASE_FINDING)) {
      CaseFinding caseFinding = new CaseFinding(ctx, req.month());
      for (String practice : practices) {
        plan.add(new PlannedReport.Built(caseFinding.report(practice, policy)));
      }
    }
    prepared(plan, out);
    // held until here: the rows, every index and family made from them and every built report
    // are what the run holds at its largest, which the line above is said at
    Reference.reachabilityFence(ctx);
    Reference.reachabilityFence(measures);
    Reference.reachabilityFence(returnMeasures);
    Reference.reachabilityFence(feedback);
    Reference.reachabilityFence(evaluation);
    Reference.reachabilityFence(summaries);
    Reference.reachabilityFence(returns);
    Reference.reachabilityFence(teams);
    return plan;
  }

  /**
   * Says the snapshot's reports are prepared, while everything made from its rows is still held:
   * the most a run holds at once (the bench's live-heap run forces a collection and measures the
   * heap at this line).
   */
  private static void prepared(List<PlannedReport> plan, PackWriter out) {
    out.progress()
        .accept("measures: " + plan.size() + " report(s) prepared from the rows; rendering");
  }

  /** The programme evaluation of a snapshot that holds every locality of the run. */
  List<PlannedReport> evaluationOf(SourceData data, List<String> practices, PackWriter out) {
    MeasureContext ctx = new MeasureContext(data, settings.measures(), settings.engine());
    ProgrammeEvaluation evaluation =
        new ProgrammeEvaluation(
            new ReturnMeasures(ctx, out.request().month(), settings.calendar()),
            settings.programme());
    List<PlannedReport> plan = List.of(evaluation(evaluation, practices, out));
    prepared(plan, out);
    Reference.reachabilityFence(evaluation);
    return plan;
  }

  /** The scopes' reports built on the run's threads, in scope order. */
  private List<PlannedReport> each(
      List<String> scopes, ReportType type, Function<String, Report> build, PackWriter out) {
    List<PlannedReport> plan = new ArrayList<>();
    if (threads <= 1 || scopes.size() <= 1) {
      for (String scope : scopes) {
        plan.add(built(scope, type, build, out));
      }
      return plan;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<PlannedReport>> building = new ArrayList<>();
      for (String scope : scopes) {
        building.add(pool.submit(() -> built(scope, type, build, out)));
      }
      for (Future<PlannedReport> f : building) {
        plan.add(RunTasks.await(f));
      }
    } finally {
      pool.shutdownNow();
    }
    return plan;
  }

  private PlannedReport built(
      String scope, ReportType type, Function<String, Report> build, PackWriter out) {
    try {
      return new PlannedReport.Built(
          out.phases()
              .time(
                  RunPhases.MEASURES,
                  () -> audienceView.forAudience(build.apply(scope), out.request().audience())));
    } catch (RuntimeException e) {
      String why = e.getMessage() != null ? e.getMessage() : e.toString();
      return new PlannedReport.Failed(scope + " " + type.shortName() + ": " + why);
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
  private List<PlannedReport> teams(
      MeasureContext ctx,
      TeamReportBuilder teams,
      List<String> practices,
      PackWriter out,
      BiFunction<String, String, Report> publicCopy) {
    List<PlannedReport> plan = new ArrayList<>();
    for (String locality : localitiesOf(practices, ctx, out.progress())) {
      List<String> of = teams.teamsOf(locality);
      if (of.isEmpty()) {
        out.progress().accept(locality + " team: no case manager is based in this locality");
      }
      Function<String, Report> build =
          publicCopy == null ? teams::build : team -> publicCopy.apply(team, locality);
      plan.addAll(each(of, ReportType.COMMUNITY_TEAM, build, out));
    }
    return plan;
  }

  /** The locality's collation, from the returns built for the return files (or built here). */
  private static PlannedReport collation(
      ReturnReportBuilder returns, Map<String, Report> built, String locality, MeasureContext ctx) {
    try {
      List<String> practices = ctx.practicesOf(locality);
      List<Report> ofLocality = new ArrayList<>();
      for (String practice : practices) {
        Report r = built.get(practice);
        ofLocality.add(r != null ? r : returns.build(practice));
      }
      return new PlannedReport.Collation(locality, practices, ofLocality, ctx.extractDate());
    } catch (RuntimeException e) {
      return new PlannedReport.Failed(locality + " collation: " + e.getMessage());
    }
  }

  /**
   * The programme evaluation across the run's localities: for commissioners (the COMMISSIONER copy
   * unless the run is for the public, when the PUBLIC copy is made through the pack disclosure).
   */
  private PlannedReport evaluation(
      ProgrammeEvaluation evaluation, List<String> practices, PackWriter out) {
    EvaluationReportBuilder builder =
        new EvaluationReportBuilder(
            evaluation.context(),
            out.request().month(),
            evaluation,
            settings.disclosurePolicyVersion());
    try {
      // never PUBLIC (the run leaves it out of a public pack); no patient-level figure in it
      return new PlannedReport.Built(
          audienceView.forAudience(builder.build(practices), Audience.COMMISSIONER));
    } catch (RuntimeException e) {
      return new PlannedReport.Failed("evaluation: " + e.getMessage());
    }
  }

  /** The localities of the practices, in code order; a practice without one is reported. */
  private static List<String> localitiesOf(
      List<String> practices, MeasureContext ctx, Consumer<String> progress) {
    SortedSet<String> localities = new TreeSet<>();
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
}
