package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.source.SourceRows.Spell;

/**
 * The spells the measures use — every spell, not only emergency admissions — chosen exactly as
 * {@link MeasureContext} chooses the ones it counts: a row without a spell id or an admission date
 * cannot be used, and when a spell id appears more than once the first row wins. The rows left out
 * are data-quality issues ({@code org.ltcreports.quality.DataQualityScan} lists them).
 */
public final class SpellIndex {
  private final Map<String, Spell> byId = new LinkedHashMap<>();
  private final Map<String, List<Spell>> byPatient = new HashMap<>();

  public SpellIndex(List<Spell> rows) {
    for (Spell s : rows) {
      if (isUsable(s)) {
        byId.putIfAbsent(s.spellId(), s);
      }
    }
    for (Spell s : byId.values()) {
      if (s.patientId() != null) {
        byPatient.computeIfAbsent(s.patientId(), k -> new ArrayList<>()).add(s);
      }
    }
    Comparator<Spell> order =
        Comparator.comparing(Spell::admissionDate).thenComparing(Spell::spellId);
    byPatient.values().forEach(l -> l.sort(order));
    GroupedRows.trim(byPatient);
  }

  /** Whether a row can be used at all (it has a spell id and an admission date). */
  public static boolean isUsable(Spell s) {
    return s.spellId() != null && s.admissionDate() != null;
  }

  /** The used spells in source order (the first row of each spell id). */
  public List<Spell> spells() {
    return List.copyOf(byId.values());
  }

  /** The used spell with this id, or null. */
  public Spell spell(String spellId) {
    return spellId == null ? null : byId.get(spellId);
  }

  /** A patient's used spells by admission date, then spell id. */
  public List<Spell> ofPatient(String patientId) {
    return patientId == null ? List.of() : byPatient.getOrDefault(patientId, List.of());
  }
}
