package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ltcreports.source.SourceRows.Episode;

/**
 * Whose caseload a patient is on, as at a date (measures.md "Caseload of a case manager"): an
 * episode of the case manager accepted on or before the date ({@code start_date ≤ d}) and open, or
 * closed in the last {@value #RECENTLY_CLOSED_DAYS} days ({@code end_date} null or {@code ≥ d −
 * 90}). The one place deciding what a CASE_MANAGER user may see, whatever the patient's practice.
 */
public final class Caseloads {
  /**
   * A case manager keeps a discharged patient in view this long (a readmission after discharge).
   */
  public static final int RECENTLY_CLOSED_DAYS = 90;

  private final Map<String, Set<String>> caseManagersByPatient = new HashMap<>();
  private final Map<String, Set<String>> patientsByCaseManager = new HashMap<>();
  private final LocalDate asAt;

  /**
   * @param episodes the counted episodes ({@link CountedEpisodes}): the rows the register is made
   *     of ({@link RegisterEpisodes}), so a repeated row or one with no episode id puts nobody on a
   *     caseload
   */
  private Caseloads(CountedEpisodes episodes, LocalDate asAt) {
    this.asAt = asAt;
    for (Episode e : episodes.byId().values()) {
      if (onCaseload(e, asAt)) {
        caseManagersByPatient
            .computeIfAbsent(e.patientId(), k -> new TreeSet<>())
            .add(e.caseManagerId());
        patientsByCaseManager
            .computeIfAbsent(e.caseManagerId(), k -> new TreeSet<>())
            .add(e.patientId());
      }
    }
  }

  /** Every case manager's caseload on {@code asAt}, over the context's counted episodes. */
  public static Caseloads of(MeasureContext ctx, LocalDate asAt) {
    return new Caseloads(CountedEpisodes.of(ctx), asAt);
  }

  /** Whether the episode puts its patient on its case manager's caseload on d. */
  public static boolean onCaseload(Episode e, LocalDate d) {
    return e.patientId() != null
        && e.caseManagerId() != null
        && e.startDate() != null
        && !e.startDate().isAfter(d)
        && (e.endDate() == null || !e.endDate().isBefore(d.minusDays(RECENTLY_CLOSED_DAYS)));
  }

  public LocalDate asAt() {
    return asAt;
  }

  /** The case managers whose caseload the patient is on (empty when none). */
  public Set<String> caseManagersOf(String patientId) {
    return Set.copyOf(caseManagersByPatient.getOrDefault(patientId, Set.of()));
  }

  /** The patients on the case manager's caseload (empty when none). */
  public Set<String> patientsOf(String caseManagerId) {
    return Set.copyOf(patientsByCaseManager.getOrDefault(caseManagerId, Set.of()));
  }
}
