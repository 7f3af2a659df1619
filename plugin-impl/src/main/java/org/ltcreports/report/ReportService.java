package org.ltcreports.report;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.measures.Caseloads;
import org.ltcreports.measures.InHospital;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.render.Renderers;
import org.ltcreports.source.DataMonths;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceRows.Practice;

/**
 * Single reports on demand (the web preview and the HTTP API).
 *
 * <p>A practice's feedback report, a locality's summary and a PUBLIC copy are made from the rows
 * the batch would read for them ({@link MonthSnapshots}: the month's rows of the practice's
 * locality); feedback reports are then kept as their figures, not their rows. The other pages
 * (patient lists, worklists, in hospital, returns, community teams) use the whole-source snapshot
 * ({@link #context()}), read when first asked for. Both are kept for {@code cache.minutes} so a
 * page of links does not re-read the host's tables for every click.
 */
public final class ReportService {
  private final SourceReader reader;
  private final LtcConfig config;
  private final Renderers renderers;
  private final AudienceView audienceView;
  private final Clock clock;
  private final Duration maxAge;
  private final TrimPoints trimPoints;
  private final WorkingDays calendar;
  private final MonthSnapshots snapshots;
  private MeasureContext cached;
  private Instant cachedAt;
  private Map<String, Practice> practiceTable;
  private Instant practiceTableAt;
  private DataMonths months;
  private LocalDate extractDate;
  private Instant monthsAt;
  private InHospital inHospital;
  private Caseloads caseloads;
  private MeasureContext inHospitalOf;
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
    this.reader = reader;
    this.config = config;
    this.renderers = renderers;
    this.audienceView = audienceView;
    this.clock = clock;
    this.maxAge = Duration.ofMinutes(Long.parseLong(config.get("cache.minutes", "10")));
    this.calendar = WorkingDays.configured(config.bankHolidaysFile());
    this.snapshots =
        new MonthSnapshots(
            reader,
            this::context,
            data -> new MeasureContext(data, config.measureSettings(), engine),
            new PreparedMonth.Settings(
                disclosurePolicyVersion(),
                trimPoints,
                reviews,
                calendar,
                config.programmeSettings(),
                audienceView),
            config.scopedReads(),
            this::extractDate,
            clock,
            maxAge);
  }

  /**
   * The whole-source snapshot, re-read when older than {@code cache.minutes}: for the pages that
   * list or look up patients across the source. The reports of {@link #feedback} and {@link
   * #locality} do not need it.
   */
  public synchronized MeasureContext context() {
    Instant now = clock.instant();
    if (cached == null || expired(cachedAt, now)) {
      // dropped first: the old snapshot is not held while the new one is read
      cached = null;
      SourceData data = reader.read(config.extractDate(), LocalDate.now(clock));
      cached = new MeasureContext(data, config.measureSettings(), engine);
      cachedAt = now;
    }
    return cached;
  }

  private boolean expired(Instant readAt, Instant now) {
    return readAt.plus(maxAge).isBefore(now);
  }

  /** The practice table (small), by code; re-read when older than {@code cache.minutes}. */
  private synchronized Map<String, Practice> practiceTable() {
    Instant now = clock.instant();
    if (practiceTable == null || expired(practiceTableAt, now)) {
      practiceTable = MeasureContext.practicesByCode(reader.practices());
      practiceTableAt = now;
    }
    return practiceTable;
  }

  /** Every practice of the source, in code order. */
  public List<Practice> practices() {
    return List.copyOf(practiceTable().values());
  }

  /** The practice of the source with this code, or null. */
  public Practice practice(String code) {
    return practiceTable().get(code);
  }

  /** Codes of the practices in a locality, in order (empty for a code the source does not use). */
  public List<String> practicesOf(String localityCode) {
    return practiceTable().values().stream()
        .filter(p -> localityCode.equals(p.localityCode()))
        .map(Practice::practiceCode)
        .toList();
  }

  /** The month's reports over the rows of one locality (a null code: practices with none). */
  private synchronized PreparedMonth prepared(YearMonth month, String locality) {
    return snapshots.prepared(month, locality, practiceTable());
  }

  /**
   * A practice's feedback report; a PUBLIC copy is taken from its locality's pack, so it withholds
   * what the published pack withholds (governance.md "Publishing a pack").
   *
   * @throws IllegalArgumentException when the source has no such practice
   */
  public Report feedback(String practice, YearMonth month, Audience audience) {
    String locality = known(practice).localityCode();
    if (audience == Audience.PUBLIC) {
      return prepared(month, locality).publicPacks().copy(ReportType.PRACTICE_FEEDBACK, practice);
    }
    return audienceView.forAudience(feedbackOf(month, locality).apply(practice), audience);
  }

  /**
   * The source rows the server holds for its reports (the practice tables' left out): the kept
   * locality-months' and the whole-source snapshot's.
   */
  synchronized long rowsKept() {
    long n = snapshots.rowsKept();
    if (cached != null) {
      n += cached.data().rowCount() - cached.data().practices().size();
    }
    return n;
  }

  /** A practice's admission reviews of a month: due, and completed of those. */
  public record ReviewCounts(long due, long completed) {}

  /**
   * The month's admission reviews as the practice's feedback report counts them ({@code
   * reviews_due}, {@code reviews_completed}), so the home page and the report say the same.
   *
   * @throws IllegalArgumentException when the source has no such practice
   */
  public ReviewCounts reviews(String practice, YearMonth month) {
    Report r = feedback(practice, month, Audience.PRACTICE);
    return new ReviewCounts(count(r, "reviews_due"), count(r, "reviews_completed"));
  }

  private static long count(Report r, String id) {
    Number n = r.number(id);
    return n == null ? 0 : n.longValue();
  }

  private synchronized Function<String, Report> feedbackOf(YearMonth month, String locality) {
    return snapshots.feedback(month, locality, practiceTable());
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
      return prepared(month, locality).publicPacks().copyOfTeam(code, locality);
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

  /**
   * The locality feedback summary, from the same prepared measures as its practices' reports.
   *
   * @throws IllegalArgumentException when no practice of the source is in the locality
   */
  public Report locality(String locality, YearMonth month, Audience audience) {
    if (practicesOf(locality).isEmpty()) {
      throw new IllegalArgumentException("unknown locality '" + locality + "'");
    }
    PreparedMonth prepared = prepared(month, locality);
    if (audience == Audience.PUBLIC) {
      return prepared.publicPacks().copy(ReportType.LOCALITY_FEEDBACK, locality);
    }
    return audienceView.forAudience(prepared.summaries().build(locality), audience);
  }

  /** The formats a report is made in ({@link Renderers#formatsOf}): the pack's answer too. */
  public Set<Format> formatsOf(ReportType type) {
    return renderers.formatsOf(type);
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
      caseloads = Caseloads.of(ctx, ctx.extractDate());
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

  /**
   * The months the source can answer for: the range every request is checked against. Found in the
   * database ({@link SourceReader#months}), re-read when older than {@code cache.minutes}.
   */
  public synchronized DataMonths months() {
    Instant now = clock.instant();
    if (months == null || expired(monthsAt, now)) {
      LocalDate today = LocalDate.now(clock);
      extractDate = config.extractDate() != null ? config.extractDate() : reader.extractDate(today);
      months = DataMonths.of(reader.firstActivityDate(extractDate), extractDate);
      monthsAt = now;
    }
    return months;
  }

  /**
   * The date the data is "as at": the configured one, or the one the source's activity gives
   * ({@link SourceReader#extractDate}, the same as a whole read derives), found with {@link
   * #months()}.
   */
  public synchronized LocalDate extractDate() {
    months();
    return extractDate;
  }

  /**
   * The snapshot a practice's reports of the month are made from (the month's rows of its
   * locality's patients, {@link MonthSnapshots}): its admissions, register, care plans and case
   * managers, for the review worklist that the feedback's {@code reviews_due} counts. Not for
   * anything that looks back over A&amp;E attendances or contacts before the month (patient lists):
   * those rows are not in it.
   *
   * @throws IllegalArgumentException when the source has no such practice
   */
  public MeasureContext monthContext(String practice, YearMonth month) {
    return prepared(month, known(practice).localityCode()).context();
  }

  private Practice known(String practice) {
    Practice p = practice(practice);
    if (p == null) {
      throw new IllegalArgumentException("unknown practice '" + practice + "'");
    }
    return p;
  }

  /** The clock's date, for the rules that depend on today (a return's month must have ended). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
