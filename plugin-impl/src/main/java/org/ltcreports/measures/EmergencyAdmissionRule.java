package org.ltcreports.measures;

import java.util.Set;
import org.ltcreports.source.SourceRows.Spell;

/**
 * Which spells are counted emergency admissions (measures.md "Emergency admissions", mirroring NHS
 * Digital's NHSOF 2.3.i filter): an emergency method, not a transfer, an ordinary admission.
 */
public final class EmergencyAdmissionRule {
  /** Admission sources that make a spell a transfer (also bound into the SQL engine's rule). */
  public static final Set<String> TRANSFER_SOURCES = Set.of("51", "52", "53");

  /** The admission method of a transfer. */
  public static final String TRANSFER_METHOD = "2B";

  /** The patient classification of an ordinary admission (a missing one counts as ordinary). */
  public static final String ORDINARY = "1";

  /**
   * Every admission method code of the NHS Data Dictionary (anything else is a data-quality issue).
   */
  public static final Set<String> KNOWN_METHODS =
      Set.of(
          "11", "12", "13", "21", "22", "23", "24", "25", "28", "2A", "2B", "2C", "2D", "31", "32",
          "81", "82", "83");

  private final Set<String> emergencyMethods;

  public EmergencyAdmissionRule(Set<String> emergencyMethods) {
    this.emergencyMethods = Set.copyOf(emergencyMethods);
  }

  /** The configured emergency methods ({@code measures.emergency-methods}). */
  public Set<String> emergencyMethods() {
    return emergencyMethods;
  }

  public boolean isCounted(Spell s) {
    String method = Codes.normalise(s.admissionMethod());
    if (method == null || !emergencyMethods.contains(method)) { // Set.of rejects contains(null)
      return false;
    }
    return !isTransfer(s) && isOrdinary(s);
  }

  public static boolean isTransfer(Spell s) {
    String source = Codes.normalise(s.admissionSource());
    return TRANSFER_METHOD.equals(Codes.normalise(s.admissionMethod()))
        || (source != null && TRANSFER_SOURCES.contains(source));
  }

  /**
   * Ordinary admission; a missing classification is treated as ordinary (and counted as a DQ
   * issue).
   */
  public static boolean isOrdinary(Spell s) {
    String pc = Codes.normalise(s.patientClassification());
    return pc == null || pc.equals(ORDINARY);
  }
}
