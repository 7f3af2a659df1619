package org.ltcreports.report;

import java.util.List;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;

/**
 * Turns the full (practice-audience) report into what another audience may see. The one place
 * disclosure control happens, between the report model and every renderer.
 */
public interface AudienceView {
  Report forAudience(Report practiceReport, Audience audience);

  /**
   * The PUBLIC copies of a month's pack (a locality's practices' feedback reports and returns and
   * its summary), made together so that what one withholds no other gives back. Without a pack
   * rule, each report on its own.
   *
   * @param fullReports practice-audience reports
   * @return their PUBLIC copies, in the same order
   */
  default List<Report> publicPack(List<Report> fullReports) {
    return fullReports.stream().map(r -> forAudience(r, Audience.PUBLIC)).toList();
  }
}
