package org.ltcreports.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.measures.MeasureContext;

/**
 * The PUBLIC copies of one month, one locality's pack at a time (governance.md "Publishing a
 * pack"): every practice's feedback report and return and the locality's summary are built for the
 * practice audience and protected together by the {@link AudienceView}, whichever of them were
 * asked for, so that a report published alone withholds what the whole pack withholds. A practice
 * with no locality is a pack of its own two reports.
 */
final class PublicPacks {
  private final MeasureContext ctx;
  private final AudienceView view;
  private final Function<String, Report> feedback;
  private final Function<String, Report> returns;
  private final Function<String, Report> summary;
  private final Map<String, List<Report>> packs = new HashMap<>();

  /**
   * @param feedback builds a practice's full feedback report
   * @param returns builds a practice's full return
   * @param summary builds a locality's full summary
   */
  PublicPacks(
      MeasureContext ctx,
      AudienceView view,
      Function<String, Report> feedback,
      Function<String, Report> returns,
      Function<String, Report> summary) {
    this.ctx = ctx;
    this.view = view;
    this.feedback = feedback;
    this.returns = returns;
    this.summary = summary;
  }

  /** The PUBLIC copy of a report of the pack: {@code scope} a practice code or a locality code. */
  Report copy(ReportType type, String scope) {
    String locality =
        type == ReportType.LOCALITY_FEEDBACK ? scope : ctx.practice(scope).localityCode();
    String key = locality != null ? locality : "practice " + scope;
    for (Report r : pack(key, locality, scope)) {
      String s = r.practiceCode() != null ? r.practiceCode() : r.localityCode();
      if (r.type() == type && s.equals(scope)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no " + type.slug() + " for " + scope);
  }

  private synchronized List<Report> pack(String key, String locality, String practice) {
    List<Report> pack = packs.get(key);
    if (pack == null) {
      List<String> practices = locality != null ? ctx.practicesOf(locality) : List.of(practice);
      List<Report> full = new ArrayList<>();
      for (String p : practices) {
        full.add(feedback.apply(p));
        full.add(returns.apply(p));
      }
      if (locality != null) {
        full.add(summary.apply(locality));
      }
      pack = view.publicPack(full);
      packs.put(key, pack);
    }
    return pack;
  }
}
