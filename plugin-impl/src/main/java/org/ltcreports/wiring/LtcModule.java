package org.ltcreports.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.ltcreports.access.PracticeLocalities;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.audit.AuditAnchor;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.casemanagement.report.ReturnSignatures;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.engine.sql.SqlEngine;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.ReferenceEngine;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.render.Renderers;
import org.ltcreports.report.AudienceView;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.report.BatchSettings;
import org.ltcreports.report.ReportRecorder;
import org.ltcreports.report.ReportService;
import org.ltcreports.review.AdmissionReviews;
import org.ltcreports.round.MonthlyRound;
import org.ltcreports.round.RoundClaims;
import org.ltcreports.round.RoundNode;
import org.ltcreports.round.RoundScheduler;
import org.ltcreports.round.RoundSettings;
import org.ltcreports.round.SmtpMailer;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;
import org.ltcreports.store.PluginDatabase;
import org.ltcreports.store.ReportRuns;
import org.ltcreports.submission.Submissions;
import org.ltcreports.web.HealthCheck;
import org.ltcreports.web.pages.Jobs;
import org.ltcreports.web.pages.ReturnDrafts;
import org.ltcreports.web.pages.Web;

/**
 * The one Guice module of a deployment: configuration, the two data sources (the host's read-only
 * source, the plugin's own tables), and the services built on them. A host can override any binding
 * (for example its own {@code UserDirectory}) with {@code Modules.override}.
 */
public final class LtcModule extends AbstractModule {
  private final LtcConfig config;
  private final DataSource source;
  private final DataSource plugin;

  public LtcModule(LtcConfig config, DataSource source, DataSource plugin) {
    this.config = config;
    this.source = source;
    this.plugin = plugin;
  }

  @Override
  protected void configure() {
    bind(LtcConfig.class).toInstance(config);
    bind(Clock.class).toInstance(Clock.systemUTC());
  }

  @Provides
  @Singleton
  @Named("source")
  Jdbi sourceJdbi() {
    return Jdbi.create(source);
  }

  @Provides
  @Named("source")
  DataSource sourceDataSource() {
    return source;
  }

  @Provides
  @Singleton
  ReportService reportService(
      SourceReader reader,
      Renderers renderers,
      AudienceView view,
      TrimPoints trimPoints,
      ReviewRecords reviews,
      Clock clock,
      MeasureEngine engine) {
    return new ReportService(reader, config, renderers, view, trimPoints, reviews, clock, engine);
  }

  /** {@code measures.engine}: the SQL engine over the source, or the reference engine. */
  @Provides
  @Singleton
  MeasureEngine measureEngine(@Named("source") Jdbi jdbi, SourceTables tables) {
    return config.sqlEngine() ? new SqlEngine(jdbi, tables) : ReferenceEngine.INSTANCE;
  }

  /**
   * Trim points from {@code trim-points.file}; without one, excess bed days are "not available".
   */
  @Provides
  @Singleton
  TrimPoints trimPoints() {
    String file = config.trimPointsFile();
    return file == null ? TrimPoints.none() : TrimPoints.load(java.nio.file.Path.of(file));
  }

  @Provides
  @Singleton
  HealthCheck healthCheck(SourceTables tables, PluginDatabase plugin) {
    return new HealthCheck(source, tables, plugin);
  }

  @Provides
  @Singleton
  SourceTables sourceTables() {
    return new SourceTables(config.sourceSchema(), config.tableOverrides());
  }

  @Provides
  @Singleton
  SourceReader sourceReader(@Named("source") Jdbi jdbi, SourceTables tables) {
    return new SourceReader(jdbi, tables, config.readConnections());
  }

  @Provides
  @Singleton
  PluginDatabase pluginDatabase() {
    return PluginDatabase.migrate(plugin);
  }

  @Provides
  @Singleton
  Renderers renderers(ReturnSignatures signatures) {
    return StandardRenderers.create(signatures);
  }

  @Provides
  @Singleton
  AudienceView audienceView() {
    return StandardRenderers.audienceView(config);
  }

  @Provides
  @Singleton
  AuditLog auditLog(PluginDatabase db, Clock clock) {
    return new AuditLog(
        db.jdbi(),
        clock,
        config
            .auditAnchorFile()
            .map(file -> new AuditAnchor(file, config.auditAnchorEvery()))
            .orElse(null));
  }

  @Provides
  @Singleton
  ReportRecorder reportRecorder(PluginDatabase db, AuditLog audit, Clock clock) {
    return new RunAndAuditRecorder(new ReportRuns(db.jdbi(), clock), audit);
  }

  @Provides
  @Singleton
  AdmissionReviews admissionReviews(PluginDatabase db, Clock clock) {
    return new AdmissionReviews(db.jdbi(), clock, config.reviewVersionsPerDay());
  }

  @Provides
  @Singleton
  ReviewRecords reviewRecords(AdmissionReviews reviews) {
    return new StoredReviews(reviews);
  }

  @Provides
  @Singleton
  WorkingDays workingDays() {
    return WorkingDays.configured(config.bankHolidaysFile());
  }

  @Provides
  @Singleton
  Submissions submissions(
      PluginDatabase db, Clock clock, PracticeLocalities localities, WorkingDays calendar) {
    return new Submissions(db.jdbi(), clock, config.returnPolicy(), localities, calendar);
  }

  // ---- the monthly round (issue 20): generation and emails without anyone signing in ----

  @Provides
  @Singleton
  RoundSettings roundSettings() {
    return RoundSettings.from(config.properties());
  }

  @Provides
  @Singleton
  MonthlyRound monthlyRound(
      RoundSettings settings,
      PluginDatabase db,
      Submissions submissions,
      ReportService reports,
      WorkingDays calendar,
      Clock clock,
      AuditLog audit,
      BatchGenerator generator) {
    java.nio.file.Path out =
        settings.outDir() == null
            ? config.artifactDir().resolve("round")
            : java.nio.file.Path.of(settings.outDir());
    MonthlyRound.Generation generation =
        month -> {
          BatchResult r =
              generator.run(
                  new BatchRequest(
                      month,
                      java.util.List.of(),
                      null,
                      java.util.Set.of(
                          ReportType.PRACTICE_FEEDBACK, ReportType.CASE_MANAGEMENT_RETURN),
                      java.util.Set.of(Format.PDF, Format.XLSX),
                      Audience.PRACTICE,
                      out,
                      MonthlyRound.SYSTEM_USER),
                  submissions.today(),
                  line -> {});
          return r.written().size()
              + " files written to "
              + out
              + (r.complete() ? "" : "; failed: " + String.join("; ", r.failures()));
        };
    return new MonthlyRound(
        settings,
        new RoundClaims(db.jdbi(), java.time.Duration.ofMinutes(30)),
        submissions,
        reports::practices,
        calendar,
        clock,
        new SmtpMailer(settings),
        audit,
        generation,
        RoundNode.name());
  }

  @Provides
  @Singleton
  RoundScheduler roundScheduler(MonthlyRound round, RoundSettings settings) {
    return new RoundScheduler(round, settings);
  }

  @Provides
  @Singleton
  BatchGenerator batchGenerator(
      SourceReader reader,
      Renderers renderers,
      AudienceView view,
      ReportRecorder recorder,
      Submissions submissions,
      ReviewRecords reviews,
      TrimPoints trimPoints,
      WorkingDays calendar,
      MeasureEngine engine,
      ReturnSignatures signatures) {
    return new BatchGenerator(
        reader,
        renderers,
        view,
        recorder,
        new StoredSubmissions(submissions, signatures),
        reviews,
        new BatchSettings(
            config.measureSettings(),
            trimPoints,
            calendar,
            StandardRenderers.disclosurePolicyVersion(config),
            config.extractDate(),
            config.scopedReads(),
            config.routedReads(),
            config.routedFolder(),
            config.programmeSettings(),
            engine));
  }

  // ---- governance services and the web pages (issue 7) ----

  /**
   * Which locality each practice is in, from the source's practice table (re-read with the
   * reports).
   */
  @Provides
  @Singleton
  PracticeLocalities practiceLocalities(ReportService reports) {
    return code ->
        java.util.Optional.ofNullable(code == null ? null : reports.practice(code))
            .map(p -> p.localityCode());
  }

  @Provides
  @Singleton
  ReturnDrafts returnDrafts(
      ReportService reports,
      AudienceView view,
      TrimPoints trimPoints,
      ReturnSignatures signatures) {
    return new ReturnDrafts(reports, config, view, trimPoints, signatures);
  }

  /** This installation's return-signing key and the keys it trusts (docs/deployment.md). */
  @Provides
  @Singleton
  ReturnSignatures returnSignatures() {
    return ReturnSignatures.load(config.returnSigningKey(), config.returnTrustedKeys());
  }

  /** The web pages' executor for long work (two threads); closed when the pages stop. */
  @Provides
  @Singleton
  Jobs jobs() {
    return new Jobs(2);
  }

  @Provides
  @Singleton
  Web web(
      ReportService reports,
      AuditLog audit,
      Submissions submissions,
      AdmissionReviews reviews,
      PracticeLocalities localities,
      ReturnDrafts returns,
      Jobs jobs,
      AudienceView view) {
    return new Web(reports, audit, submissions, reviews, localities, returns, jobs, view);
  }
}
