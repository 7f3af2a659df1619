package org.ltcreports.measures;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.source.SourceRows.Episode;

/**
 * The case management register on a date (measures.md "Case management activity return"): the
 * patients with a counted episode ({@link CountedEpisodes}) on the register that day (started on or
 * before it, not ended on or before it), by the practice they are registered with that day. A
 * patient on the register but registered with no practice that day (died or left) is on no
 * practice's register; they are counted, for a note, for the practice of the nearest registration.
 * The one home of the register for the reference engine and the return's families; the SQL engine
 * decides the same patients (engine.sql.CarePlanCounts).
 */
public final class CaseRegister {
  private final Map<String, Set<String>> byPractice = new HashMap<>();
  private final Map<String, Long> unregistered = new HashMap<>();

  private CaseRegister(MeasureContext ctx, LocalDate d) {
    Set<String> on = new HashSet<>();
    for (Episode e : CountedEpisodes.of(ctx).byId().values()) {
      if (e.onRegister(d)) {
        on.add(e.patientId());
      }
    }
    Registrations regs = ctx.registrations();
    for (String patientId : on) {
      String practice = regs.practiceOn(patientId, d);
      if (practice != null) {
        byPractice.computeIfAbsent(practice, k -> new HashSet<>()).add(patientId);
      } else {
        String nearest = regs.nearestPractice(patientId, d);
        if (nearest != null) {
          unregistered.merge(nearest, 1L, Long::sum);
        }
      }
    }
  }

  /** The register of every practice on {@code d}, made once per context and date. */
  public static CaseRegister on(MeasureContext ctx, LocalDate d) {
    return ctx.counted(List.of("case management register", d), () -> new CaseRegister(ctx, d));
  }

  /** The practices with a register, and their patient ids. */
  public Map<String, Set<String>> byPractice() {
    return Collections.unmodifiableMap(byPractice);
  }

  /** The patient ids on the practice's register. */
  public Set<String> patients(String practice) {
    return Collections.unmodifiableSet(byPractice.getOrDefault(practice, Set.of()));
  }

  /**
   * Every practice's {@code [register size, patients registered nowhere charged to it]}: the
   * reduced result the engines hand back ({@link MeasureEngine#registerSizes}).
   */
  public Map<String, long[]> sizes() {
    Map<String, long[]> sizes = new HashMap<>();
    byPractice.forEach((p, ids) -> sizes.computeIfAbsent(p, k -> new long[2])[0] = ids.size());
    unregistered.forEach((p, n) -> sizes.computeIfAbsent(p, k -> new long[2])[1] = n);
    return sizes;
  }
}
