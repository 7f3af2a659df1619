package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.source.SourceRows.Episode;

/**
 * Case management episodes by patient: who was on the register on a date (measures.md "Case-managed
 * vs not": an episode with {@code start_date ≤ d} and {@code end_date} null or {@code > d}), and a
 * patient's latest risk tier. Episodes without a patient id are left out (a data-quality issue).
 */
public final class RegisterEpisodes {
  private final Map<String, List<Episode>> byPatient = new HashMap<>();

  public RegisterEpisodes(List<Episode> episodes) {
    if (episodes != null) {
      for (Episode e : episodes) {
        if (e.patientId() != null) {
          byPatient.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
        }
      }
    }
    GroupedRows.trim(byPatient);
  }

  public List<Episode> of(String patientId) {
    return patientId == null ? List.of() : byPatient.getOrDefault(patientId, List.of());
  }

  /** Whether the patient was on the register on d (any of their episodes). */
  public boolean onRegister(String patientId, LocalDate d) {
    if (d == null) {
      return false;
    }
    for (Episode e : of(patientId)) {
      if (e.onRegister(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The patient's most recent risk tier as at d: of the episodes referred on or before d, latest
   * referral first (then the higher episode id), the first tier recorded; null when none.
   */
  public String latestRiskTier(String patientId, LocalDate d) {
    return of(patientId).stream()
        .filter(e -> e.referralDate() != null && !e.referralDate().isAfter(d))
        .filter(e -> Codes.normalise(e.riskTier()) != null)
        .max(
            Comparator.comparing(Episode::referralDate)
                .thenComparing(
                    Episode::episodeId, Comparator.nullsFirst(Comparator.naturalOrder())))
        .map(e -> Codes.normalise(e.riskTier()))
        .orElse(null);
  }
}
