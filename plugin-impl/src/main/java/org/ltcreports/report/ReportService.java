package org.ltcreports.report;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.ProgrammeEvaluation;
import org.ltcreports.casemanagement.ReturnMeasures;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnReportBuilder;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.measures.Caseloads;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.render.Renderers;
import org.ltcreports.source.DataMonths;
import org.ltcreports.source.ExtractDate;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceRows.Practice;

/**
 * Single reports on demand (the web preview and the HTTP API). The source snapshot and its prepared
 * measure context are kept for a few minutes so a page of links does not re-read the host's tables
 * for every click.
 */
public final class ReportService {
  private final SourceReader reader;
  private final LtcConfig config;
  private final Renderers renderers;
  private final AudienceView audienceView;
  private final Clock clock;
  private final Duration maxAge;
  private final TrimPoints trimPoints;
  private final ReviewRecords reviews;
  private final WorkingDays calendar;
  private MeasureContext cached;

  /** Prepared months of the current snapshot, least recently used dropped first. */
  private final java.util.Map<YearMonth, FeedbackReportBuilder> builders =
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            java.util.Map.Entry<YearMonth, FeedbackReportBuilder> e) {
          return size() > 6;
        }
      };

  /** The PUBLIC packs of the prepared months (each holds its localities' packs once made). */
  private final java.util.Map<YearMonth, PublicPacks> publicPacks = new java.util.HashMap<>();

  /**
   * The case management measures of the prepared months: end of life for the practice reports, and
   * (with the before/after evaluation, made once) the programme's evaluation and the returns of a
   * PUBLIC pack.
   */
  private final java.util.Map<YearMonth, ReturnMeasures> returnMeasures = new java.util.HashMap<>();

  private final java.util.Map<YearMonth, ProgrammeEvaluation> evaluations =
      new java.util.HashMap<>();

  private Instant cachedAt;
  private InHospital inHospital;
  private Caseloads caseloads;
  private MeasureContext inHospitalOf;
  private DataMonths months;
  private MeasureContext monthsOf;
  private final MeasureEngine engine;

  public ReportService(
      SourceReader reader,
      LtcConfig config,
      Renderers renderers,
      AudienceView audienceView,
      TrimPoints trimPoints,
      ReviewRecords reviews,
      Clock clock,
      MeasureEngine engine) {
    this.engine = engine;
    this.trimPoints = trimPoints;
    this.reviews = reviews;
    this.reader = reader;
    this.config = config;
    this.renderers = renderers;
    this.audienceView = audienceView;
    this.clock = clock;
    this.maxAge = Duration.ofMinutes(Long.parseLong(config.get("cache.minutes", "10")));
    this.calendar = WorkingDays.configured(config.bankHolidaysFile());
  }

  /** The prepared source snapshot, re-read when older than {@code cache.minutes}. */
  public synchronized MeasureContext context() {
    Instant now = clock.instant();
    if (cached == null || cachedAt.plus(maxAge).isBefore(now)) {
      SourceData data = reader.read(config.extractDate(), LocalDate.now(clock));
      cached = new MeasureContext(data, config.measureSettings(), engine);
      cachedAt = now;
      builders.clear();
      publicPacks.clear();
      returnMeasures.clear();
      evaluations.clear();
    }
    return cached;
  }

  /**
   * The feedback measures of a month, prepared once per snapshot for every practice (a handful of
   * months kept). Review counts are read when a report is built, so a saved review shows at once.
   */
  private synchronized FeedbackReportBuilder builder(YearMonth month) {
    MeasureContext ctx = context();
    return builders.computeIfAbsent(
        month,
        m ->
            new FeedbackReportBuilder(
                ctx,
                m,
                disclosurePolicyVersion(),
                trimPoints,
                new FeedbackMeasures(ctx, m, trimPoints, reviews),
                returnMeasures(m).endOfLife()));
  }

  public List<Practice> practices() {
    return List.copyOf(context().practices().values());
  }

  public Report feedback(String practice, YearMonth month, Audience audience) {
    if (audience == Audience.PUBLIC) {
      return publicPacks(month).copy(ReportType.PRACTICE_FEEDBACK, practice);
    }
    Report full = builder(month).build(practice);
    return audienceView.forAudience(full, audience);
  }

  /**
   * The month's PUBLIC pack (governance.md "Publishing a pack"): a single PUBLIC report is taken
   * from its locality's pack, so it withholds what the published pack withholds.
   */
  private synchronized PublicPacks publicPacks(YearMonth month) {
    FeedbackReportBuilder b = builder(month);
    MeasureContext ctx = context();
    return publicPacks.computeIfAbsent(
        month,
        m -> {
          LocalityReportBuilder summaries =
              new LocalityReportBuilder(
                  ctx, m, b.measures(), disclosurePolicyVersion(), b.quality(), evaluation(m));
          ReturnReportBuilder returns =
              new ReturnReportBuilder(returnMeasures(m), b.quality(), disclosurePolicyVersion());
          TeamReportBuilder teams =
              new TeamReportBuilder(ctx, m, calendar, disclosurePolicyVersion(), trimPoints);
          return new PublicPacks(
              ctx,
              audienceView,
              b::build,
              returns::build,
              summaries::build,
              l -> teams.teamsOf(l).stream().map(teams::build).toList());
        });
  }

  /**
   * A community team's (or a locality's) activity report (issue 22); a PUBLIC copy of a team is
   * taken from the pack of the locality the team is based in (a team spanning localities, or a
   * locality's report, is protected on its own).
   *
   * @throws IllegalArgumentException when the code names no team or locality
   */
  public Report team(String code, YearMonth month, Audience audience) {
    TeamReportBuilder teams =
        new TeamReportBuilder(context(), month, calendar, disclosurePolicyVersion(), trimPoints);
    String locality = teams.scope(code).localityCode();
    if (audience == Audience.PUBLIC && locality != null && teams.teamsOf(locality).contains(code)) {
      return publicPacks(month).copyOfTeam(code, locality);
    }
    return audienceView.forAudience(teams.build(code), audience);
  }

  /** The code of a case manager's community team, or null for an id the source does not list. */
  public String teamOf(String caseManagerId, YearMonth month) {
    var team =
        new TeamReportBuilder(context(), month, calendar, disclosurePolicyVersion(), trimPoints)
            .teams()
            .teamOf(caseManagerId);
    return team == null ? null : team.code();
  }

  /** The community teams based in a locality, in code order. */
  public List<String> teamsOf(String locality, YearMonth month) {
    return new TeamReportBuilder(context(), month, calendar, disclosurePolicyVersion(), trimPoints)
        .teamsOf(locality);
  }

  /** The locality feedback summary, from the same prepared measures as the practices' reports. */
  public Report locality(String locality, YearMonth month, Audience audience) {
    if (audience == Audience.PUBLIC) {
      context().practicesOf(locality).stream()
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown locality '" + locality + "'"));
      return publicPacks(month).copy(ReportType.LOCALITY_FEEDBACK, locality);
    }
    FeedbackReportBuilder b = builder(month);
    Report full =
        new LocalityReportBuilder(
                context(),
                month,
                b.measures(),
                disclosurePolicyVersion(),
                b.quality(),
                evaluation(month))
            .build(locality);
    return audienceView.forAudience(full, audience);
  }

  /** The case management measures of a month, prepared once per snapshot. */
  private synchronized ReturnMeasures returnMeasures(YearMonth month) {
    MeasureContext ctx = context();
    // kept as long as the feedback builders that hold their end-of-life measures
    returnMeasures.keySet().retainAll(builders.keySet());
    return returnMeasures.computeIfAbsent(month, m -> new ReturnMeasures(ctx, m, calendar));
  }

  /** The programme's evaluation of a month (the before/after matching), once per snapshot. */
  private synchronized ProgrammeEvaluation evaluation(YearMonth month) {
    ReturnMeasures prepared = returnMeasures(month);
    evaluations.keySet().retainAll(returnMeasures.keySet());
    return evaluations.computeIfAbsent(
        month, m -> new ProgrammeEvaluation(prepared, config.programmeSettings()));
  }

  public byte[] render(Report report, Format format) throws IOException {
    return renderers.get(format, report.type()).render(report);
  }

  public String disclosurePolicyVersion() {
    return config.disclosurePolicy().version();
  }

  /** The locality's trim points (empty when none were loaded). */
  public TrimPoints trimPoints() {
    return trimPoints == null ? TrimPoints.none() : trimPoints;
  }

  /** When the current snapshot was read from the source (the time the in-hospital page states). */
  public synchronized Instant readAt() {
    context();
    return cachedAt;
  }

  /** Who is in hospital on the extract date, prepared once per snapshot. */
  public synchronized InHospital inHospital() {
    MeasureContext ctx = context();
    if (inHospital == null || inHospitalOf != ctx) {
      inHospital = new InHospital(ctx, trimPoints(), ctx.extractDate());
      caseloads = new Caseloads(ctx.data().episodes(), ctx.extractDate());
      inHospitalOf = ctx;
    }
    return inHospital;
  }

  /** Every case manager's caseload on the extract date (measures.md), once per snapshot. */
  public synchronized Caseloads caseloads() {
    inHospital();
    return caseloads;
  }

  /** The latest complete month of the data (see {@link DataMonths#latestComplete}). */
  public YearMonth latestMonth() {
    return months().latestComplete();
  }

  /** The months the current snapshot can answer for: the range every request is checked against. */
  public synchronized DataMonths months() {
    MeasureContext ctx = context();
    if (months == null || monthsOf != ctx) {
      months =
          DataMonths.of(
              ExtractDate.firstActivity(ctx.data(), ctx.extractDate()), ctx.extractDate());
      monthsOf = ctx;
    }
    return months;
  }

  /** The clock's date, for the rules that depend on today (a return's month must have ended). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
