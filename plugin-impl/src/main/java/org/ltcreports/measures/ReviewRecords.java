package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.Map;

/**
 * The admission reviews a practice has recorded (governance.md "Admission review audit"), as the
 * measures see them: the outcome of each reviewed spell. Kept as plain data so the measures never
 * touch the plugin's tables.
 */
public interface ReviewRecords {
  /** Outcome name (e.g. {@code AVOIDABLE}) by spell id, for the practice's reviews of the month. */
  Map<String, String> outcomes(String practice, YearMonth month);

  /** No review store: {@code reviews_completed} and {@code reviews_avoidable} are not available. */
  ReviewRecords NONE = (practice, month) -> Map.of();
}
