package org.ltcreports.casemanagement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.ltcreports.casemanagement.BeforeAfter.Windows;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.source.SourceRows.Registration;

/**
 * Chooses the comparison patients of the before-and-after evaluation; the rules are in {@link
 * BeforeAfter}'s class comment. A locality of 600,000 patients has a few thousand cohort patients
 * and tens of thousands of candidates in each sex and age band, so the search is built for that:
 * candidates of a sex are held in birth-date order (an age band is one binary-searched slice) as
 * primitive columns (death, registrations, episodes and EA days as epoch days), a cohort patient
 * keeps only its 3 lowest-ranked unused candidates instead of sorting them all (checking the rules
 * only for a candidate whose rank would put it among them), and cohort patients sharing index date,
 * sex, band and prior group share one count of eligible candidates.
 */
final class ComparisonMatching {
  /** The candidates of one sex code, oldest first, as columns. */
  private static final class Candidates {
    final Patient[] patients;
    final int[] deathDay; // epoch day, MAX_VALUE when alive
    // Registrations of i: [regStart[i], regStart[i + 1]) in the reg* columns, as epoch days.
    final int[] regStart;
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
    final int[] withAdmissions; // the i with any counted EA, ascending
    final long[] idHash; // fmix64(FNV-1a 64(id)): the candidate's half of the rank
    final boolean[] used; // taken in the locality being matched

    /**
     * {@link Registrations#registrationOn} on epoch days, for a patient alive on the day: the
     * covering registration with the latest start (then the lower practice code), or -1.
     */
    int registrationOn(int i, int day) {
      int best = -1;
      for (int j = regStart[i]; j < regStart[i + 1]; j++) {
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
     * {@link Registrations#registeredThroughout} on epoch days, for a patient alive on the last
     * day: registered on every day of [from, lastDay].
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

    /**
     * {@link CaseManagementData#onRegisterDuring} on epoch days: any day of [from, toExclusive).
     */
    boolean onRegisterDuring(int i, int from, int toExclusive) {
      for (int e = epStart[i]; e < epStart[i + 1]; e++) {
        if (epFrom[e] < toExclusive && epTo[e] > from) {
          return true;
        }
      }
      return false;
    }

    /**
     * @param byBirth {@code (birth epoch day << 32) | position} of each candidate, ascending: as
     *     positions are in patient-id order, this is {@link #BY_BIRTH} order
     * @param onRegister by position, the [from, to) epoch days on the register of each episode
     * @param admitted by position, the admission epoch day of each counted EA
     */
    Candidates(
        long[] byBirth,
        Registrations regs,
        PositionRows onRegister,
        PositionRows admitted,
        Map<String, String> localityOfPractice) {
      int n = byBirth.length;
      this.patients = new Patient[n];
      deathDay = new int[n];
      regStart = new int[n + 1];
      epStart = new int[n + 1];
      eaStart = new int[n + 1];
      used = new boolean[n];
      int[] position = new int[n];
      for (int i = 0; i < n; i++) {
        position[i] = (int) byBirth[i];
        regStart[i + 1] = regStart[i] + regs.registrationsAt(position[i]).size();
        epStart[i + 1] = epStart[i] + onRegister.end(position[i]) - onRegister.start(position[i]);
        eaStart[i + 1] = eaStart[i] + admitted.end(position[i]) - admitted.start(position[i]);
      }
      regFrom = new int[regStart[n]];
      regTo = new int[regStart[n]];
      regPractice = new String[regStart[n]];
      regLocality = new String[regStart[n]];
      epFrom = new int[epStart[n]];
      epTo = new int[epStart[n]];
      eaDays = new int[eaStart[n]];
      idHash = new long[n];
      for (int i = 0; i < n; i++) {
        Patient p = regs.patientAt(position[i]);
        patients[i] = p;
        deathDay[i] = epochDayOrMax(p.deathDate());
        idHash[i] = fmix64(fnv(FNV_OFFSET, p.patientId()));
        int j = regStart[i];
        for (Registration r : regs.registrationsAt(position[i])) {
          regFrom[j] = (int) r.registeredFrom().toEpochDay();
          regTo[j] = epochDayOrMax(r.registeredTo());
          regPractice[j] = r.practiceCode();
          regLocality[j] = localityOfPractice.get(r.practiceCode());
          j++;
        }
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
      withAdmissions =
          java.util.stream.IntStream.range(0, n).filter(i -> eaStart[i + 1] > eaStart[i]).toArray();
    }

    private static int epochDayOrMax(LocalDate d) {
      return d == null ? Integer.MAX_VALUE : (int) d.toEpochDay();
    }
  }

  private static final Comparator<Patient> BY_BIRTH =
      Comparator.comparing(Patient::birthDate).thenComparing(Patient::patientId);

  private final Map<String, Candidates> bySex = new HashMap<>();
  private final Map<String, String> localityOfPractice = new HashMap<>();

  ComparisonMatching(
      MeasureContext ctx, CaseManagementData cm, Map<String, List<Admission>> admissionsByPatient) {
    Registrations regs = ctx.registrations();
    for (Practice p : ctx.practices().values()) {
      if (p.localityCode() != null) {
        localityOfPractice.put(p.practiceCode(), p.localityCode());
      }
    }
    PositionRows onRegister = onRegister(regs, cm);
    PositionRows admitted = admitted(regs, admissionsByPatient);
    // Each sex's candidates as (birth day, position) keys: sorting primitives, not comparing
    // patients' dates and ids, which was a seventh of the before/after evaluation.
    Map<String, LongStream.Builder> keys = new HashMap<>();
    for (int i = 0; i < regs.positions(); i++) {
      Patient p = regs.patientAt(i);
      if (p != null && p.birthDate() != null) {
        keys.computeIfAbsent(String.valueOf(Codes.normalise(p.sex())), x -> LongStream.builder())
            .add(p.birthDate().toEpochDay() << 32 | i);
      }
    }
    // The sexes' candidates are independent: built on every core (the evaluation is prepared
    // before the reports' own threads start, so the second core is otherwise idle here). Every
    // input is only read.
    bySex.putAll(
        keys.entrySet().parallelStream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        new Candidates(
                            e.getValue().build().sorted().toArray(),
                            regs,
                            onRegister,
                            admitted,
                            localityOfPractice))));
  }

  /**
   * By patient position, the [from, to) epoch days of every episode that was ever on the register
   * (to MAX_VALUE when open); an episode without a start, or ending on or before its start, never
   * was. Patients not in the registrations are never candidates.
   */
  private static PositionRows onRegister(Registrations regs, CaseManagementData cm) {
    PositionRows.Builder rows = new PositionRows.Builder(regs.positions(), 2);
    for (String patientId : cm.patientsWithEpisodes()) {
      int at = regs.positionOf(patientId);
      if (at < 0) {
        continue;
      }
      for (Episode e : cm.episodesOf(patientId)) {
        if (e.startDate() != null && (e.endDate() == null || e.endDate().isAfter(e.startDate()))) {
          rows.add(at, (int) e.startDate().toEpochDay(), Candidates.epochDayOrMax(e.endDate()));
        }
      }
    }
    return rows.build();
  }

  /** By patient position, the admission epoch day of each counted EA. */
  private static PositionRows admitted(
      Registrations regs, Map<String, List<Admission>> admissionsByPatient) {
    PositionRows.Builder rows = new PositionRows.Builder(regs.positions(), 1);
    admissionsByPatient.forEach(
        (patientId, admissions) -> {
          int at = regs.positionOf(patientId);
          if (at >= 0) {
            for (Admission a : admissions) {
              rows.add(at, (int) a.admitted().toEpochDay());
            }
          }
        });
    return rows.build();
  }

  /**
   * The comparators of each cohort patient of a locality, by patient id, in rank order; cohort
   * patients with the fewest eligible candidates choose first, without replacement.
   */
  Map<String, List<String>> match(String locality, List<Windows> cohort, Registrations regs) {
    List<Target> targets = new ArrayList<>();
    // Cohort patients with the same index date, sex, band and prior group have the same
    // candidates: count them once, the distinct groups on every core (counting only reads).
    Map<String, List<Target>> groups = new LinkedHashMap<>();
    for (Windows w : cohort) {
      Target t = target(locality, w, regs.patient(w.patientId()));
      groups
          .computeIfAbsent(
              t.sex + '|' + t.from + '|' + t.to + '|' + w.index() + '|' + w.priorGroup(),
              k -> new ArrayList<>())
          .add(t);
      targets.add(t);
    }
    List<List<Target>> distinct = new ArrayList<>(groups.values());
    int[] shared = distinct.parallelStream().mapToInt(g -> g.get(0).countEligible()).toArray();
    for (int g = 0; g < shared.length; g++) {
      for (Target t : distinct.get(g)) {
        // A patient is never their own comparator (were they eligible in the shared count).
        t.eligibleCount = shared[g] - (t.self >= 0 && t.eligible(t.self) ? 1 : 0);
      }
    }
    targets.sort(
        Comparator.comparingInt((Target t) -> t.eligibleCount)
            .thenComparing(t -> t.w.index())
            .thenComparing(t -> t.w.patientId()));
    Map<String, List<String>> chosen = new HashMap<>();
    for (Target t : targets) {
      chosen.put(t.w.patientId(), t.choose());
    }
    bySex.values().forEach(c -> Arrays.fill(c.used, false)); // the next locality starts afresh
    return chosen;
  }

  private Target target(String locality, Windows w, Patient p) {
    if (p == null || p.birthDate() == null) {
      return new Target(locality, w, "", null, 0, 0, -1); // no age: no comparators
    }
    String sex = String.valueOf(Codes.normalise(p.sex()));
    Candidates all = bySex.get(sex);
    int band = ageBand(p, w.index());
    // Birth-date order is age order (oldest first), so the band is one slice.
    int from = band == 9 ? 0 : firstYoungerThan(all, (band + 1) * 10, w.index());
    int to = firstYoungerThan(all, band * 10, w.index());
    int self = Arrays.binarySearch(all.patients, from, to, p, BY_BIRTH);
    return new Target(locality, w, sex, all, from, to, Math.max(self, -1));
  }

  /** The first index whose age on d is below {@code age} (ages fall along the array). */
  private static int firstYoungerThan(Candidates all, int age, LocalDate d) {
    int lo = 0;
    int hi = all.patients.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Registrations.ageOn(all.patients[mid], d) >= age) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A cohort patient with the slice of same-sex, same-band candidates to search. */
  private final class Target {
    final String locality;
    final Windows w;
    final String sex;
    final Candidates c;
    final int from;
    final int to;
    final int self; // the cohort patient's own index among the candidates, or -1
    final int beforeStartDay;
    final int indexDay;
    final int lastDay;
    final int afterEndDay;
    int eligibleCount;

    Target(String locality, Windows w, String sex, Candidates c, int from, int to, int self) {
      this.locality = locality;
      this.w = w;
      this.sex = sex;
      this.c = c;
      this.from = from;
      this.to = to;
      this.self = self;
      this.beforeStartDay = (int) w.beforeStart().toEpochDay();
      this.indexDay = (int) w.index().toEpochDay();
      this.lastDay = (int) w.lastDay().toEpochDay();
      this.afterEndDay = (int) w.afterEnd().toEpochDay();
    }

    int countEligible() {
      int n = 0;
      int end = end();
      for (int x = first(); x < end; x++) {
        if (eligible(at(x))) {
          n++;
        }
      }
      return n;
    }

    // A cohort patient with EAs before can only match a candidate with EAs: search only those.
    private boolean onlyWithAdmissions() {
      return w.priorGroup() > 0;
    }

    private int first() {
      return onlyWithAdmissions() ? lowerBound(c.withAdmissions, from) : from;
    }

    private int end() {
      return onlyWithAdmissions() ? lowerBound(c.withAdmissions, to) : to;
    }

    private int at(int x) {
      return onlyWithAdmissions() ? c.withAdmissions[x] : x;
    }

    /** The up to 3 lowest-ranked eligible candidates not yet used, marked used, in rank order. */
    List<String> choose() {
      int k = BeforeAfter.COMPARATORS_PER_PATIENT;
      long cohortHash = fnv(FNV_OFFSET, w.patientId());
      long[] bestRank = new long[k];
      int[] best = new int[k];
      int found = 0;
      int end = end();
      for (int x = first(); x < end; x++) {
        int i = at(x);
        if (c.used[i] || i == self) {
          continue;
        }
        long r = fmix64(cohortHash ^ c.idHash[i]);
        // insertion into the sorted best-k (rank unsigned, then id); the id, a pointer away,
        // is read only on a tie
        int pos = found;
        while (pos > 0 && before(r, i, bestRank[pos - 1], best[pos - 1])) {
          pos--;
        }
        // Ranked first: only a candidate that would enter the best k is checked for eligibility,
        // a few dozen of the tens of thousands in the slice.
        if (pos >= k || !eligible(i)) {
          continue;
        }
        for (int j = Math.min(found, k - 1); j > pos; j--) {
          bestRank[j] = bestRank[j - 1];
          best[j] = best[j - 1];
        }
        bestRank[pos] = r;
        best[pos] = i;
        found = Math.min(found + 1, k);
      }
      List<String> out = new ArrayList<>(found);
      for (int j = 0; j < found; j++) {
        c.used[best[j]] = true;
        out.add(c.patients[best[j]].patientId());
      }
      return out;
    }

    private boolean before(long rankA, int a, long rankB, int b) {
      int cmp = Long.compareUnsigned(rankA, rankB);
      return cmp < 0
          || (cmp == 0 && c.patients[a].patientId().compareTo(c.patients[b].patientId()) < 0);
    }

    /**
     * The rules of BeforeAfter's "Matched comparison" for candidate i, cheapest first (not
     * excluding the cohort patient, which the callers do).
     */
    boolean eligible(int i) {
      if (c.deathDay[i] < lastDay) {
        return false; // not alive at the end of the after window
      }
      int prior = 0;
      for (int e = c.eaStart[i]; e < c.eaStart[i + 1] && c.eaDays[e] < indexDay; e++) {
        if (c.eaDays[e] >= beforeStartDay) {
          prior++;
        }
      }
      if (Math.min(prior, 3) != w.priorGroup()) {
        return false;
      }
      // The registration on the index date must be with a practice of the locality (the patient
      // is alive on it: alive at the end), and registrations must cover both windows.
      int r = c.registrationOn(i, indexDay);
      if (r < 0
          || !locality.equals(c.regLocality[r])
          || !c.registeredThroughout(i, beforeStartDay, lastDay)) {
        return false;
      }
      return !c.onRegisterDuring(i, beforeStartDay, afterEndDay);
    }
  }

  /** The 10-year age band on d: 0 for 0–9 … 9 for 90 and over. */
  static int ageBand(Patient p, LocalDate d) {
    return Math.min(Registrations.ageOn(p, d) / 10, 9);
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /**
   * The deterministic rank of a candidate for a cohort patient: {@code fmix64(h(cohort) XOR
   * fmix64(h(candidate)))}, compared unsigned, where h is the 64-bit FNV-1a hash of an id's UTF-8
   * bytes and fmix64 MurmurHash3's 64-bit finaliser. The candidate's half is computed once, so
   * ranking every eligible candidate of every cohort patient costs a few nanoseconds each (SHA-256
   * of the two ids was a tenth of a 600,000-patient pack); a few lines to re-implement.
   */
  static long rank(String cohortPatientId, String candidateId) {
    return fmix64(fnv(FNV_OFFSET, cohortPatientId) ^ fmix64(fnv(FNV_OFFSET, candidateId)));
  }

  /** The first index of the ascending array whose value is at least {@code key}. */
  private static int lowerBound(int[] a, int key) {
    int at = Arrays.binarySearch(a, key);
    return at >= 0 ? at : -at - 1;
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 0x80) { // not ASCII: hash the UTF-8 encoding of the rest
        for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
          h = fnv(h, b);
        }
        return h;
      }
      h = fnv(h, (byte) ch);
    }
    return h;
  }

  private static long fnv(long h, byte b) {
    return (h ^ (b & 0xff)) * FNV_PRIME;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
