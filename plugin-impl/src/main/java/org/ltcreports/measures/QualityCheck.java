package org.ltcreports.measures;

import java.time.YearMonth;
import java.util.Map;

/**
 * A family of the data-quality checks (quality.DataQualityScan, which is their Java home) as the
 * engines count it: the reference engine takes the counts the scan already made; the SQL engine
 * counts the same rules in the database. A check is handed to the engine, rather than the engine
 * calling the scan, because the checks read the case management codes and the measures do not.
 */
public interface QualityCheck {
  /** The families, by the source tables whose rows they judge. */
  enum Family {
    /** {@code practice}, {@code patient}, {@code registration}. */
    LISTS,
    /** {@code hospital_spell}. */
    HOSPITAL_SPELLS,
    /** {@code spell_diagnosis}, {@code spell_procedure}. */
    CODED_ROWS,
    /** {@code ae_attendance}, {@code case_manager}, {@code cm_episode}, {@code cm_contact}, … */
    CASE_MANAGEMENT
  }

  Family family();

  /** The trim point table the missing trim points are judged against (a file, not a table). */
  TrimPoints trimPoints();

  /**
   * The family's findings charged to each practice in {@code month}, by {@code
   * DataQualityKind.ordinal()}, as the Java scan found them; practices with none left out.
   */
  Map<String, long[]> countedInJava(YearMonth month);
}
