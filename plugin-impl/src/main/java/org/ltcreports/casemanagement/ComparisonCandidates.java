package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceRows.Patient;

/** The candidates of one sex code, oldest first, as columns. */
final class ComparisonCandidates {
  final Patient[] patients;
  final int[] deathDay; // epoch day, MAX_VALUE when alive
  // Registrations of i: [regStart[i], regEnd[i]) in the reg* columns, as epoch days.
  final int[] regStart;
  final int[] regEnd;
  final int[] regFrom;
  final int[] regTo; // MAX_VALUE when open
  final String[] regPractice;
  final String[] regLocality;
  // Episodes of i ever on the register: [epStart[i], epStart[i + 1]), on it [epFrom, epTo).
  final int[] epStart;
  final int[] epFrom;
  final int[] epTo; // MAX_VALUE when open
  final int[] eaStart; // counted EA days of i: eaDays[eaStart[i] .. eaStart[i + 1])
  final int[] eaDays;
  final long[] idHash; // fmix64(FNV-1a 64(id)): the candidate's half of the rank
  final boolean[] used; // taken in the locality being matched

  /**
   * {@link Registrations#registrationOn} on epoch days, for a patient alive on the day: the
   * covering registration with the latest start (then the lower practice code), or -1.
   */
  int registrationOn(int i, int day) {
    int best = -1;
    for (int j = regStart[i]; j < regEnd[i]; j++) {
      if (regFrom[j] <= day
          && day <= regTo[j]
          && (best < 0
              || regFrom[j] > regFrom[best]
              || (regFrom[j] == regFrom[best]
                  && regPractice[j].compareTo(regPractice[best]) < 0))) {
        best = j;
      }
    }
    return best;
  }

  /**
   * {@link Registrations#registeredThroughout} on epoch days, for a patient alive on the last day:
   * registered on every day of [from, lastDay].
   */
  boolean registeredThroughout(int i, int from, int lastDay) {
    int d = from;
    while (d <= lastDay) {
      int r = registrationOn(i, d);
      if (r < 0) {
        return false;
      }
      if (regTo[r] == Integer.MAX_VALUE) {
        return true;
      }
      d = regTo[r] + 1;
    }
    return true;
  }

  /** {@link CaseManagementData#onRegisterDuring} on epoch days: any day of [from, toExclusive). */
  boolean onRegisterDuring(int i, int from, int toExclusive) {
    for (int e = epStart[i]; e < epStart[i + 1]; e++) {
      if (epFrom[e] < toExclusive && epTo[e] > from) {
        return true;
      }
    }
    return false;
  }

  /**
   * A cohort patient's windows as epoch days: before {@code [beforeStart, index)}, after {@code
   * [index, afterEnd)}, whose last day is {@code lastDay}.
   */
  record WindowDays(int beforeStart, int index, int lastDay, int afterEnd) {
    static WindowDays of(BeforeAfter.Windows w) {
      return new WindowDays(
          (int) w.beforeStart().toEpochDay(),
          (int) w.index().toEpochDay(),
          (int) w.lastDay().toEpochDay(),
          (int) w.afterEnd().toEpochDay());
    }
  }

  /**
   * The rules of BeforeAfter's "Matched comparison" for candidate i, cheapest first (not excluding
   * the cohort patient, which the callers do): eligible for a cohort patient of the locality with
   * these windows and this prior group.
   */
  boolean eligible(int i, String locality, WindowDays w, int priorGroup) {
    return deathDay[i] >= w.lastDay() // alive at the end of the after window
        && priorGroup(i, w) == priorGroup
        && meetsRegisterRules(i, locality, w);
  }

  /**
   * {@link #eligible} without the prior group: the candidate's prior group when it meets the other
   * rules, else -1.
   */
  int priorGroupIfEligible(int i, String locality, WindowDays w) {
    return deathDay[i] >= w.lastDay() && meetsRegisterRules(i, locality, w) ? priorGroup(i, w) : -1;
  }

  /** Counted EAs admitted in the before window, 3 or more pooled. */
  private int priorGroup(int i, WindowDays w) {
    int prior = 0;
    for (int e = eaStart[i]; e < eaStart[i + 1] && eaDays[e] < w.index(); e++) {
      if (eaDays[e] >= w.beforeStart()) {
        prior++;
      }
    }
    return Math.min(prior, 3);
  }

  private boolean meetsRegisterRules(int i, String locality, WindowDays w) {
    // The registration on the index date must be with a practice of the locality (the patient is
    // alive on it: alive at the end), registrations must cover both windows, and the candidate
    // was on the case management register on no day of them.
    int r = registrationOn(i, w.index());
    return r >= 0
        && locality.equals(regLocality[r])
        && registeredThroughout(i, w.beforeStart(), w.lastDay())
        && !onRegisterDuring(i, w.beforeStart(), w.afterEnd());
  }

  /** Whether any registration of candidate i is with a practice of the locality. */
  boolean everInLocality(int i, String locality) {
    for (int j = regStart[i]; j < regEnd[i]; j++) {
      if (locality.equals(regLocality[j])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The epoch days at which the rules can change their answer for candidate i as the windows move:
   * its registrations' first and last days, its episodes' days on and off the register, its EAs'
   * days and its death day (not the open ends). Every rule compares a window day with one of these,
   * or with one of these plus one.
   */
  int boundaries(int i, int[] out) {
    int k = 0;
    for (int j = regStart[i]; j < regEnd[i]; j++) {
      out[k++] = regFrom[j];
      if (regTo[j] != Integer.MAX_VALUE) {
        out[k++] = regTo[j];
      }
    }
    for (int e = epStart[i]; e < epStart[i + 1]; e++) {
      out[k++] = epFrom[e];
      if (epTo[e] != Integer.MAX_VALUE) {
        out[k++] = epTo[e];
      }
    }
    for (int e = eaStart[i]; e < eaStart[i + 1]; e++) {
      out[k++] = eaDays[e];
    }
    if (deathDay[i] != Integer.MAX_VALUE) {
      out[k++] = deathDay[i];
    }
    return k;
  }

  /** The most {@link #boundaries} of candidate i. */
  int boundaryCount(int i) {
    return 2 * (regEnd[i] - regStart[i])
        + 2 * (epStart[i + 1] - epStart[i])
        + eaStart[i + 1]
        - eaStart[i]
        + 1;
  }

  /**
   * @param byBirth {@code (birth epoch day << 32) | position} of each candidate, ascending: as
   *     positions are in patient-id order, this is {@link #BY_BIRTH} order
   * @param onRegister by position, the [from, to) epoch days on the register of each episode
   * @param admitted by position, the admission epoch day of each counted EA
   */
  ComparisonCandidates(
      long[] byBirth,
      Registrations regs,
      PositionRows onRegister,
      PositionRows admitted,
      Map<String, String> localityOfPractice) {
    int n = byBirth.length;
    this.patients = new Patient[n];
    deathDay = new int[n];
    regStart = new int[n];
    regEnd = new int[n];
    epStart = new int[n + 1];
    eaStart = new int[n + 1];
    used = new boolean[n];
    int[] position = new int[n];
    for (int i = 0; i < n; i++) {
      position[i] = (int) byBirth[i];
      epStart[i + 1] = epStart[i] + onRegister.end(position[i]) - onRegister.start(position[i]);
      eaStart[i + 1] = eaStart[i] + admitted.end(position[i]) - admitted.start(position[i]);
    }
    // registrations in the order they are filled (each patient's list is read once)
    int[] from = new int[n + n / 4 + 16];
    int[] to = new int[from.length];
    String[] practice = new String[from.length];
    String[] locality = new String[from.length];
    int j = 0;
    epFrom = new int[epStart[n]];
    epTo = new int[epStart[n]];
    eaDays = new int[eaStart[n]];
    idHash = new long[n];
    // Filled in position (patient id) order, the order the source's rows were read and lie in
    // memory: in birth order every patient and registration read was a cache miss.
    long[] byPosition = new long[n];
    for (int i = 0; i < n; i++) {
      byPosition[i] = (long) position[i] << 32 | i;
    }
    Arrays.sort(byPosition);
    for (long key : byPosition) {
      int i = (int) key;
      Patient p = regs.patientAt(position[i]);
      patients[i] = p;
      // Registrations' own int columns: the same days without following each registration to
      // its dates (which was most of this build).
      deathDay[i] = regs.deathDayAt(position[i]);
      idHash[i] = ComparisonMatching.idHash(p.patientId());
      int first = regs.registrationStart(position[i]);
      int count = regs.registrationStart(position[i] + 1) - first;
      if (j + count > from.length) {
        int size = Math.max(from.length * 2, j + count);
        from = Arrays.copyOf(from, size);
        to = Arrays.copyOf(to, size);
        practice = Arrays.copyOf(practice, size);
        locality = Arrays.copyOf(locality, size);
      }
      regStart[i] = j;
      for (int row = first; row < first + count; row++) {
        from[j] = regs.fromDay(row);
        to[j] = regs.toDay(row);
        practice[j] = regs.practice(row);
        locality[j] = localityOfPractice.get(practice[j]);
        j++;
      }
      regEnd[i] = j;
      int e = epStart[i];
      for (int row = onRegister.start(position[i]); row < onRegister.end(position[i]); row++) {
        epFrom[e] = onRegister.value(0, row);
        epTo[e++] = onRegister.value(1, row);
      }
      int k = eaStart[i];
      for (int row = admitted.start(position[i]); row < admitted.end(position[i]); row++) {
        eaDays[k++] = admitted.value(0, row);
      }
      Arrays.sort(eaDays, eaStart[i], k);
    }
    regFrom = Arrays.copyOf(from, j);
    regTo = Arrays.copyOf(to, j);
    regPractice = Arrays.copyOf(practice, j);
    regLocality = Arrays.copyOf(locality, j);
  }

  static int epochDayOrMax(LocalDate d) {
    return d == null ? Integer.MAX_VALUE : (int) d.toEpochDay();
  }
}
