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
import org.ltcreports.casemanagement.BeforeAfter.Windows;
import org.ltcreports.measures.Admission;
import org.ltcreports.measures.Codes;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.Registrations;
import org.ltcreports.source.SourceRows.Episode;
import org.ltcreports.source.SourceRows.Patient;
import org.ltcreports.source.SourceRows.Practice;

/**
 * Chooses the comparison patients of the before-and-after evaluation; the rules are in {@link
 * BeforeAfter}'s class comment. A locality of 600,000 patients has a few thousand cohort patients
 * and tens of thousands of candidates in each sex and age band, so the search is built for that:
 * candidates of a sex are held in birth-date order (an age band is one binary-searched slice) as
 * primitive columns (death, registrations, episodes and EA days as epoch days), the rules are
 * checked once per candidate and stretch of index dates ({@link EligibleCounts}), which then lists
 * each cohort patient's eligible candidates (for one with EAs before, only the few with the same
 * prior group), a cohort patient keeps only its 3 lowest-ranked unused candidates instead of
 * sorting them all, and cohort patients sharing index date, sex, band and prior group share one
 * count of eligible candidates.
 */
final class ComparisonMatching {
  private static final Comparator<Patient> BY_BIRTH =
      Comparator.comparing(Patient::birthDate).thenComparing(Patient::patientId);

  private final Map<String, ComparisonCandidates> bySex = new HashMap<>();
  private final Map<String, String> localityOfPractice = new HashMap<>();

  private final int months;

  /**
   * @param months the before/after window in months
   */
  ComparisonMatching(
      MeasureContext ctx,
      CaseManagementData cm,
      ListsByPatient<Admission> admissionsByPatient,
      int months) {
    this.months = months;
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
    Map<String, long[]> keys = new HashMap<>(); // [0] holds the count, the keys follow
    for (int i = 0; i < regs.positions(); i++) {
      Patient p = regs.patientAt(i);
      if (p != null && p.birthDate() != null) {
        String sex = String.valueOf(Codes.normalise(p.sex()));
        long[] k = keys.computeIfAbsent(sex, x -> new long[1024]);
        int n = (int) k[0] + 1;
        if (n == k.length) {
          k = Arrays.copyOf(k, k.length * 2);
          keys.put(sex, k);
        }
        k[n] = p.birthDate().toEpochDay() << 32 | i;
        k[0] = n;
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
                        new ComparisonCandidates(
                            sorted(e.getValue()),
                            regs,
                            onRegister,
                            admitted,
                            localityOfPractice))));
  }

  /** The keys of {@code [count, key, key, ...]}, ascending. */
  private static long[] sorted(long[] counted) {
    long[] keys = Arrays.copyOfRange(counted, 1, (int) counted[0] + 1);
    Arrays.sort(keys);
    return keys;
  }

  /**
   * By patient position, the [from, to) epoch days of every episode that was ever on the register
   * (to MAX_VALUE when open); an episode without a start, or ending on or before its start, never
   * was. Patients not in the registrations are never candidates.
   */
  static PositionRows onRegister(Registrations regs, CaseManagementData cm) {
    PositionRows.Builder rows = new PositionRows.Builder(regs.positions(), 2);
    for (String patientId : cm.patientsWithEpisodes()) {
      int at = regs.positionOf(patientId);
      if (at < 0) {
        continue;
      }
      for (Episode e : cm.episodesOf(patientId)) {
        if (e.startDate() != null && (e.endDate() == null || e.endDate().isAfter(e.startDate()))) {
          rows.add(
              at,
              (int) e.startDate().toEpochDay(),
              ComparisonCandidates.epochDayOrMax(e.endDate()));
        }
      }
    }
    return rows.build();
  }

  /** By patient position, the admission epoch day of each counted EA. */
  static PositionRows admitted(Registrations regs, ListsByPatient<Admission> admissionsByPatient) {
    PositionRows.Builder rows = new PositionRows.Builder(regs.positions(), 1);
    for (int at = 0; at < regs.positions(); at++) {
      for (Admission a : admissionsByPatient.at(at)) {
        rows.add(at, (int) a.admitted().toEpochDay());
      }
    }
    return rows.build();
  }

  /**
   * The comparators of each cohort patient of a locality, by patient id, in rank order; cohort
   * patients with the fewest eligible candidates choose first, without replacement.
   */
  Map<String, List<String>> match(String locality, List<Windows> cohort, Registrations regs) {
    List<Target> targets = counted(locality, cohort, regs);
    targets.sort(
        Comparator.comparingInt((Target t) -> t.eligibleCount)
            .thenComparing(t -> t.w.index())
            .thenComparing(t -> t.w.patientId()));
    Map<String, List<String>> chosen = new HashMap<>();
    for (Target t : targets) {
      // with no eligible candidate at all there is nothing to choose: no walk over the band
      chosen.put(t.w.patientId(), t.eligibleCount == 0 ? List.of() : t.choose());
    }
    bySex.values().forEach(c -> Arrays.fill(c.used, false)); // the next locality starts afresh
    return chosen;
  }

  /**
   * The number of candidates each cohort patient of a locality could be matched with (the order in
   * which they choose), by patient id.
   */
  Map<String, Integer> eligibleCounts(String locality, List<Windows> cohort, Registrations regs) {
    Map<String, Integer> counts = new HashMap<>();
    counted(locality, cohort, regs).forEach(t -> counts.put(t.w.patientId(), t.eligibleCount));
    return counts;
  }

  /** The cohort patients' targets, each with its count of eligible candidates. */
  private List<Target> counted(String locality, List<Windows> cohort, Registrations regs) {
    List<Target> targets = new ArrayList<>();
    // Cohort patients with the same index date, sex, band and prior group have the same
    // candidates: count them once.
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
    List<Target> shared = distinct.stream().map(g -> g.get(0)).toList();
    Map<String, EligibleCounts> eligible = countEligible(locality, shared);
    for (int g = 0; g < shared.size(); g++) {
      Target first = shared.get(g);
      EligibleCounts ofSex = eligible.get(first.sex);
      int n = ofSex == null ? 0 : ofSex.counts()[first.query];
      for (Target t : distinct.get(g)) {
        t.eligibleOfSex = ofSex;
        // A patient is never their own comparator (were they eligible in the shared count).
        t.eligibleCount = n - (t.self >= 0 && t.eligible(t.self) ? 1 : 0);
      }
    }
    return targets;
  }

  /**
   * The eligible candidates of the targets of each sex (not excluding the cohort patient), each
   * sex's found on its own core (counting only reads); each target's query is its index in its
   * sex's counts.
   */
  private Map<String, EligibleCounts> countEligible(String locality, List<Target> targets) {
    Map<String, List<EligibleCounts.Query>> queries = new LinkedHashMap<>();
    for (Target t : targets) {
      if (t.c != null) { // no birth date: no candidates
        List<EligibleCounts.Query> mine = queries.computeIfAbsent(t.sex, k -> new ArrayList<>());
        t.query = mine.size();
        mine.add(new EligibleCounts.Query(t.from, t.to, t.w.index(), t.w.priorGroup()));
      }
    }
    return queries.entrySet().parallelStream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> EligibleCounts.of(bySex.get(e.getKey()), locality, months, e.getValue())));
  }

  private Target target(String locality, Windows w, Patient p) {
    if (p == null || p.birthDate() == null) {
      return new Target(locality, w, "", null, 0, 0, -1); // no age: no comparators
    }
    String sex = String.valueOf(Codes.normalise(p.sex()));
    ComparisonCandidates all = bySex.get(sex);
    int band = ageBand(p, w.index());
    // Birth-date order is age order (oldest first), so the band is one slice.
    int from = band == 9 ? 0 : firstYoungerThan(all, (band + 1) * 10, w.index());
    int to = firstYoungerThan(all, band * 10, w.index());
    int self = Arrays.binarySearch(all.patients, from, to, p, BY_BIRTH);
    return new Target(locality, w, sex, all, from, to, Math.max(self, -1));
  }

  /** The first index whose age on d is below {@code age} (ages fall along the array). */
  private static int firstYoungerThan(ComparisonCandidates all, int age, LocalDate d) {
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
    final ComparisonCandidates c;
    final int from;
    final int to;
    final int self; // the cohort patient's own index among the candidates, or -1
    final ComparisonCandidates.WindowDays days;
    int query; // its index among its sex's queries (set for the first of those sharing a count)
    EligibleCounts eligibleOfSex; // null when it has no candidates
    int eligibleCount;

    Target(
        String locality,
        Windows w,
        String sex,
        ComparisonCandidates c,
        int from,
        int to,
        int self) {
      this.locality = locality;
      this.w = w;
      this.sex = sex;
      this.c = c;
      this.from = from;
      this.to = to;
      this.self = self;
      this.days = ComparisonCandidates.WindowDays.of(w);
    }

    /** The up to 3 lowest-ranked eligible candidates not yet used, marked used, in rank order. */
    List<String> choose() {
      BestRanked best = new BestRanked(c, fnv(FNV_OFFSET, w.patientId()), self);
      eligibleOfSex.forEachEligible(from, to, w.index(), w.priorGroup(), best);
      return best.take();
    }

    /** Whether candidate i is eligible (not excluding the cohort patient: the callers do). */
    boolean eligible(int i) {
      return c.eligible(i, locality, days, w.priorGroup());
    }
  }

  /**
   * The {@link BeforeAfter#COMPARATORS_PER_PATIENT} lowest-ranked unused candidates offered to it
   * for one cohort patient (not the cohort patient themself): rank unsigned, then id.
   */
  private static final class BestRanked implements EligibleCounts.Offer {
    private final ComparisonCandidates c;
    private final long cohortHash;
    private final int self;
    private final long[] bestRank = new long[BeforeAfter.COMPARATORS_PER_PATIENT];
    private final int[] best = new int[BeforeAfter.COMPARATORS_PER_PATIENT];
    private int found;

    BestRanked(ComparisonCandidates c, long cohortHash, int self) {
      this.c = c;
      this.cohortHash = cohortHash;
      this.self = self;
    }

    @Override
    public void offer(int i, long idHash) {
      long r = fmix64(cohortHash ^ idHash);
      // Most candidates of a large slice rank after the best k found: dismissed on the rank alone.
      if (found == best.length && Long.compareUnsigned(r, bestRank[found - 1]) > 0
          || c.used[i]
          || i == self) {
        return;
      }
      // insertion into the sorted best k; the id, a pointer away, is read only on a tie
      int pos = found;
      while (pos > 0 && before(r, i, bestRank[pos - 1], best[pos - 1])) {
        pos--;
      }
      if (pos >= best.length) {
        return;
      }
      for (int j = Math.min(found, best.length - 1); j > pos; j--) {
        bestRank[j] = bestRank[j - 1];
        best[j] = best[j - 1];
      }
      bestRank[pos] = r;
      best[pos] = i;
      found = Math.min(found + 1, best.length);
    }

    private boolean before(long rankA, int a, long rankB, int b) {
      int cmp = Long.compareUnsigned(rankA, rankB);
      return cmp < 0
          || (cmp == 0 && c.patients[a].patientId().compareTo(c.patients[b].patientId()) < 0);
    }

    /** The best found, in rank order, marked used. */
    List<String> take() {
      List<String> out = new ArrayList<>(found);
      for (int j = 0; j < found; j++) {
        c.used[best[j]] = true;
        out.add(c.patients[best[j]].patientId());
      }
      return out;
    }
  }

  /** The 10-year age band on d: 0 for 0–9 … 9 for 90 and over. */
  static int ageBand(Patient p, LocalDate d) {
    return Math.min(Registrations.ageOn(p, d) / 10, 9);
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** The candidate's half of {@link #rank}. */
  static long idHash(String id) {
    return fmix64(fnv(FNV_OFFSET, id));
  }

  /**
   * The deterministic rank of a candidate for a cohort patient: {@code fmix64(h(cohort) XOR
   * fmix64(h(candidate)))}, compared unsigned, where h is the 64-bit FNV-1a hash of an id's UTF-8
   * bytes and fmix64 MurmurHash3's 64-bit finaliser. The candidate's half is computed once, so
   * ranking every eligible candidate of every cohort patient costs a few nanoseconds each (SHA-256
   * of the two ids was a tenth of a 600,000-patient pack); a few lines to re-implement.
   */
  static long rank(String cohortPatientId, String candidateId) {
    return fmix64(fnv(FNV_OFFSET, cohortPatientId) ^ idHash(candidateId));
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
