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
 * asked for, so that a report published alone withholds what the whole pack withholds; the
 * community team reports of the teams based in the locality are in its pack too. A practice with no
 * locality is a pack of its own two reports.
 */
final class PublicPacks {
  private final MeasureContext ctx;
  private final AudienceView view;
  private final Function<String, Report> feedback;
  private final Function<String, Report> returns;
  private final Function<String, Report> summary;
  private final Function<String, List<Report>> teams;
  private final Map<String, List<Report>> packs = new HashMap<>();

  /**
   * @param feedback builds a practice's full feedback report
   * @param returns builds a practice's full return
   * @param summary builds a locality's full summary
   * @param teams builds the full community team reports of the teams based in a locality (issue
   *     22): a case manager's caseload is printed in the returns and in the team's report
   */
  PublicPacks(
      MeasureContext ctx,
      AudienceView view,
      Function<String, Report> feedback,
      Function<String, Report> returns,
      Function<String, Report> summary,
      Function<String, List<Report>> teams) {
    this.ctx = ctx;
    this.view = view;
    this.feedback = feedback;
    this.returns = returns;
    this.summary = summary;
    this.teams = teams;
  }

  /** The PUBLIC copy of a report of the pack: {@code scope} a practice code or a locality code. */
  Report copy(ReportType type, String scope) {
    String locality =
        type == ReportType.LOCALITY_FEEDBACK ? scope : ctx.practice(scope).localityCode();
    return copy(type, scope, locality);
  }

  /** The PUBLIC copy of a community team's report, from the pack of the locality it is based in. */
  Report copyOfTeam(String team, String locality) {
    return copy(ReportType.COMMUNITY_TEAM, team, locality);
  }

  private Report copy(ReportType type, String scope, String locality) {
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
        full.addAll(teams.apply(locality));
      }
      pack = view.publicPack(full);
      packs.put(key, pack);
    }
    return pack;
  }
}
