package org.ltcreports.report;

import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Report;

/**
 * Turns the full (practice-audience) report into what another audience may see. The one place
 * disclosure control happens, between the report model and every renderer.
 */
@FunctionalInterface
public interface AudienceView {
  Report forAudience(Report practiceReport, Audience audience);
}
