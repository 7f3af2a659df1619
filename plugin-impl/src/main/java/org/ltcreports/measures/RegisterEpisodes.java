package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.source.SourceRows.Episode;

/**
 * The one home of "on the case management register on d" (measures.md "On the register on d": an
 * episode with {@code start_date ≤ d} and {@code end_date} null or {@code > d}), and of a patient's
 * latest risk tier, for every report, page and engine. Made of the counted episodes only ({@link
 * CountedEpisodes}: an episode id and a patient id, the first row of a repeated id): the rows the
 * return's register size counts, so a repeated row or a row with no episode id (data-quality
 * issues, reported) puts nobody on the register anywhere.
 */
public final class RegisterEpisodes {
  private final Map<String, List<Episode>> byPatient = new HashMap<>();

  public RegisterEpisodes(CountedEpisodes counted) {
    for (Episode e : counted.byId().values()) {
      byPatient.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
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
