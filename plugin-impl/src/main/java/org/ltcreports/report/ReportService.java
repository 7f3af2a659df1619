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
import org.ltcreports.config.LtcConfig;
import org.ltcreports.measures.FeedbackMeasures;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.ReviewRecords;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.render.Renderers;
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
  private MeasureContext cached;
  private Instant cachedAt;

  public ReportService(
      SourceReader reader,
      LtcConfig config,
      Renderers renderers,
      AudienceView audienceView,
      TrimPoints trimPoints,
      ReviewRecords reviews,
      Clock clock) {
    this.trimPoints = trimPoints;
    this.reviews = reviews;
    this.reader = reader;
    this.config = config;
    this.renderers = renderers;
    this.audienceView = audienceView;
    this.clock = clock;
    this.maxAge = Duration.ofMinutes(Long.parseLong(config.get("cache.minutes", "10")));
  }

  /** The prepared source snapshot, re-read when older than {@code cache.minutes}. */
  public synchronized MeasureContext context() {
    Instant now = clock.instant();
    if (cached == null || cachedAt.plus(maxAge).isBefore(now)) {
      SourceData data = reader.read(config.extractDate(), LocalDate.now(clock));
      cached = new MeasureContext(data, config.measureSettings());
      cachedAt = now;
    }
    return cached;
  }

  public List<Practice> practices() {
    return List.copyOf(context().practices().values());
  }

  public Report feedback(String practice, YearMonth month, Audience audience) {
    MeasureContext ctx = context();
    Report full =
        new FeedbackReportBuilder(
                ctx,
                month,
                disclosurePolicyVersion(),
                trimPoints,
                new FeedbackMeasures(ctx, month, trimPoints, reviews))
            .build(practice);
    return audienceView.forAudience(full, audience);
  }

  public byte[] render(Report report, Format format) throws IOException {
    return renderers.get(format, report.type()).render(report);
  }

  public String disclosurePolicyVersion() {
    return config.disclosurePolicy().version();
  }

  /** The latest month a report can be made for: the month before the data's extract date month. */
  public YearMonth latestMonth() {
    LocalDate extract = context().extractDate();
    YearMonth m = YearMonth.from(extract);
    return extract.equals(m.atEndOfMonth()) ? m : m.minusMonths(1);
  }
}
