package org.ltcreports.casemanagement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.ltcreports.casemanagement.ComparisonCandidates.WindowDays;

/**
 * Which candidates of one sex are eligible ({@link ComparisonCandidates#eligible}), and with which
 * prior group, on each index date of many cohort patients at once: how many each cohort patient has
 * (the order in which they choose their comparators) and which they are (what they choose from).
 *
 * <p>Checking every candidate of the age band for each cohort patient was the costliest part of the
 * before/after evaluation (a few thousand cohort patients times tens of thousands of candidates).
 * But every rule compares a window day with one of the candidate's {@link
 * ComparisonCandidates#boundaries} (or that day plus one), and each window day grows with the index
 * date; so a candidate's answer can change only at the first index date where a window day reaches
 * such a day. The rules are checked once for each stretch of index dates between those dates (one
 * stretch for most candidates: registered long before, no EAs, episodes or death), and a sweep over
 * the index dates keeps, per prior group, a Fenwick tree of the candidates eligible on the day: a
 * cohort patient's count is the sum over the slice of its age band. The same stretches, kept by
 * prior group, list a cohort patient's eligible candidates without checking the rules again (a
 * cohort patient with EAs before has few, scattered among thousands with other prior groups).
 */
final class EligibleCounts {
  /**
   * One count to make: the candidates {@code [from, to)} eligible, with this prior group, for a
   * cohort patient whose index date is {@code index}.
   */
  record Query(int from, int to, LocalDate index, int group) {}

  private static final int GROUPS = 4;

  private final int lo; // stretch positions are candidate indices minus lo
  private final int first; // stretch days are index dates (epoch days) minus first
  private final Stretches[] byGroup = new Stretches[GROUPS];
  private final int[] counts;

  /**
   * @param months the before/after window in months ({@link BeforeAfter#around})
   */
  static EligibleCounts of(
      ComparisonCandidates c, String locality, int months, List<Query> queries) {
    return new EligibleCounts(c, locality, months, queries);
  }

  /** The count of each query, in order. */
  int[] counts() {
    return counts;
  }

  /**
   * Offers {@code each} every candidate of {@code [from, to)} eligible with the prior group for the
   * index date, in candidate order; the slice and index date are those of a query. This walk runs
   * over the whole slice for each cohort patient without EAs before (tens of thousands): the
   * candidate's id hash, all a choice needs of most, is read beside its stretch.
   */
  void forEachEligible(int from, int to, LocalDate index, int group, Offer each) {
    Stretches s = byGroup[group];
    int day = (int) index.toEpochDay() - first;
    int end = firstAtLeast(s.position, s.size, to - lo);
    int[] position = s.position;
    int[] dayFrom = s.from;
    int[] dayTo = s.to;
    long[] hash = s.hash;
    for (int x = firstAtLeast(position, end, from - lo); x < end; x++) {
      if (dayFrom[x] <= day && day < dayTo[x]) {
        each.offer(lo + position[x], hash[x]);
      }
    }
  }

  /** Takes an eligible candidate, with its {@link ComparisonCandidates#idHash}. */
  @FunctionalInterface
  interface Offer {
    void offer(int candidate, long idHash);
  }

  private EligibleCounts(ComparisonCandidates c, String locality, int months, List<Query> queries) {
    for (int g = 0; g < GROUPS; g++) {
      byGroup[g] = new Stretches();
    }
    counts = new int[queries.size()];
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (Query q : queries) {
      if (q.from() < q.to()) {
        first = Math.min(first, (int) q.index().toEpochDay());
        last = Math.max(last, (int) q.index().toEpochDay());
        lo = Math.min(lo, q.from());
        hi = Math.max(hi, q.to());
      }
    }
    this.lo = lo;
    this.first = first;
    if (lo >= hi) {
      return; // every slice empty
    }
    int span = last - first + 1;
    stretches(c, locality, months, span, hi);
    for (int g = 0; g < GROUPS; g++) {
      sweep(byGroup[g], g, hi - lo, span, queries);
    }
  }

  /**
   * The stretches of index dates first + [0, span) on which each candidate of [lo, hi) is eligible.
   */
  private void stretches(ComparisonCandidates c, String locality, int months, int span, int hi) {
    WindowDays[] windows = new WindowDays[span];
    // The window days of each index date first + k, each non-decreasing in k.
    int[][] days = new int[4][span];
    for (int k = 0; k < span; k++) {
      WindowDays w = WindowDays.of(BeforeAfter.around(LocalDate.ofEpochDay(first + k), months));
      windows[k] = w;
      days[0][k] = w.beforeStart();
      days[1][k] = w.index();
      days[2][k] = w.lastDay();
      days[3][k] = w.afterEnd();
    }
    int lowest = Math.min(Math.min(days[0][0], days[1][0]), Math.min(days[2][0], days[3][0]));
    int highest =
        Math.max(
            Math.max(days[0][span - 1], days[1][span - 1]),
            Math.max(days[2][span - 1], days[3][span - 1]));
    // The first index date at which each window day reaches v, for every v of the range: looked up
    // for each boundary of each candidate, so a table rather than four binary searches.
    int[][] reach = new int[days.length][highest - lowest + 1];
    for (int d = 0; d < days.length; d++) {
      for (int v = lowest, k = 0; v <= highest; v++) {
        while (k < span && days[d][k] < v) {
          k++;
        }
        reach[d][v - lowest] = k;
      }
    }
    int[] bounds = new int[16];
    int[] cuts = new int[64];
    for (int i = lo; i < hi; i++) {
      if (!c.everInLocality(i, locality)) {
        continue;
      }
      if (bounds.length < c.boundaryCount(i)) {
        bounds = new int[c.boundaryCount(i) * 2];
      }
      int nb = c.boundaries(i, bounds);
      if (cuts.length < 1 + nb * 8) {
        cuts = new int[(1 + nb * 8) * 2];
      }
      int nc = 0;
      cuts[nc++] = 0;
      for (int b = 0; b < nb; b++) {
        // a comparison with v is the same for every index date unless v is within the window
        // days' range: then it changes at most once per window day, where that day reaches v
        // (a bound can be the last int day, a registration to PostgreSQL's infinity: v stops
        // at bound + 1, not counting on to it, which would wrap around)
        for (int plus = 0; plus <= 1; plus++) {
          int v = bounds[b] + plus;
          if (v > lowest && v <= highest) {
            for (int[] window : reach) {
              int k = window[v - lowest];
              if (k > 0 && k < span) {
                cuts[nc++] = k;
              }
            }
          }
        }
      }
      if (nc > 1) { // most candidates: no boundary in range, one stretch (Arrays.sort still costs)
        Arrays.sort(cuts, 0, nc);
      }
      for (int s = 0; s < nc; s++) {
        if (s > 0 && cuts[s] == cuts[s - 1]) {
          continue;
        }
        int end = span;
        for (int t = s + 1; t < nc; t++) {
          if (cuts[t] != cuts[s]) {
            end = cuts[t];
            break;
          }
        }
        int group = c.priorGroupIfEligible(i, locality, windows[cuts[s]]);
        if (group >= 0) {
          byGroup[group].add(i - lo, cuts[s], end, c.idHash[i]);
        }
      }
    }
  }

  /**
   * Answers the queries of one prior group day by day, with the group's stretches starting and
   * ending on each day applied to a Fenwick tree of the candidates eligible on the day.
   */
  private void sweep(Stretches s, int group, int positions, int span, List<Query> queries) {
    long[] byDay = new long[queries.size()]; // (day << 32) | query, for the group's queries
    int n = 0;
    for (int q = 0; q < queries.size(); q++) {
      Query query = queries.get(q);
      if (query.group() == group && query.from() < query.to()) {
        byDay[n++] = (long) ((int) query.index().toEpochDay() - first) << 32 | q;
      }
    }
    if (n == 0) {
      return;
    }
    Arrays.sort(byDay, 0, n);
    int[] startAt = s.byDay(s.from, span);
    int[] endAt = s.byDay(s.to, span);
    int[] startOrder = s.ordered(s.from, startAt);
    int[] endOrder = s.ordered(s.to, endAt);
    // Most stretches start on the first day (a candidate eligible on every index date): the tree
    // of those is built in one pass, not by a walk up the tree for each.
    int[] tree = new int[positions + 1];
    for (int x = startAt[0]; x < startAt[1]; x++) {
      tree[s.position[startOrder[x]] + 1]++;
    }
    for (int x = 1; x <= positions; x++) {
      int parent = x + (x & -x);
      if (parent <= positions) {
        tree[parent] += tree[x];
      }
    }
    int next = 0;
    for (int k = 0; k < span && next < n; k++) {
      for (int x = k == 0 ? startAt[1] : startAt[k]; x < startAt[k + 1]; x++) {
        add(tree, s.position[startOrder[x]], 1);
      }
      for (int x = endAt[k]; x < endAt[k + 1]; x++) {
        add(tree, s.position[endOrder[x]], -1);
      }
      for (; next < n && (int) (byDay[next] >>> 32) == k; next++) {
        int q = (int) byDay[next];
        counts[q] = sum(tree, queries.get(q).to() - lo) - sum(tree, queries.get(q).from() - lo);
      }
    }
  }

  /** Fenwick tree: adds delta at position p (0-based). */
  private static void add(int[] tree, int p, int delta) {
    for (int x = p + 1; x < tree.length; x += x & -x) {
      tree[x] += delta;
    }
  }

  /** Fenwick tree: the sum over positions [0, p). */
  private static int sum(int[] tree, int p) {
    int total = 0;
    for (int x = p; x > 0; x -= x & -x) {
      total += tree[x];
    }
    return total;
  }

  /**
   * The first index of the non-decreasing {@code a[0, end)} whose value is at least v (end if
   * none).
   */
  static int firstAtLeast(int[] a, int end, int v) {
    int lo = 0;
    int hi = end;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Candidates eligible with one prior group for the index dates first + [from, to). */
  private static final class Stretches {
    int size;
    int[] position = new int[1024]; // ascending: candidates are added in order
    int[] from = new int[1024];
    int[] to = new int[1024];
    long[] hash = new long[1024]; // the candidate's id hash, read beside its stretch

    void add(int p, int f, int t, long h) {
      if (size > 0 && position[size - 1] == p && to[size - 1] == f) {
        to[size - 1] = t; // the same answer on: one stretch
        return;
      }
      if (size == position.length) {
        position = Arrays.copyOf(position, size * 2);
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
        hash = Arrays.copyOf(hash, size * 2);
      }
      hash[size] = h;
      position[size] = p;
      from[size] = f;
      to[size++] = t;
    }

    /** Where each day's stretches begin in {@link #ordered} by that column: [at[k], at[k + 1]). */
    int[] byDay(int[] day, int span) {
      int[] at = new int[span + 2];
      for (int x = 0; x < size; x++) {
        at[day[x] + 1]++;
      }
      for (int k = 0; k <= span; k++) {
        at[k + 1] += at[k];
      }
      return at;
    }

    /** The stretches in order of a day column (a counting sort). */
    int[] ordered(int[] day, int[] at) {
      int[] next = Arrays.copyOf(at, at.length);
      int[] order = new int[size];
      for (int x = 0; x < size; x++) {
        order[next[day[x]]++] = x;
      }
      return order;
    }
  }
}
