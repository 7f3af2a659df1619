package org.ltcreports.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A motivated reader of a published pack. It knows the disclosure rule (published in every copy:
 * counts of 1 to 7 withheld, other counts rounded to the nearest 5, 0 shown as 0) and how the
 * figures are related (rates, percentages, means, totals and their parts, the locality's totals and
 * its practices, the 12 months and the months), and narrows down the whole number each count can
 * be, derivation after derivation, until nothing changes. A count of 1 to 7 whose range narrows to
 * one value has been disclosed.
 *
 * <p>Each count starts as "0 or more"; every printed figure of it narrows it (a rounded count
 * {@code c} means {@code c-2..c+2} and more than 7; {@code 0} means 0; withheld means 1 or more);
 * each relation then narrows the counts it joins, with interval arithmetic and, for a ratio, by
 * trying every denominator left in range (a ratio printed at full precision is a fraction whose
 * denominator is usually the only whole number that fits).
 */
final class Attacker {
  static final long INF = Long.MAX_VALUE / 8;
  private static final int THRESHOLD = 7;
  private static final int BASE = 5;

  /** The range of one count: lo..hi, and which derivation last narrowed it. */
  static final class Range {
    long lo;
    long hi = INF;
    String by = "published figure";

    boolean set(long newLo, long newHi, String how) {
      boolean changed = false;
      if (newLo > lo) {
        lo = newLo;
        changed = true;
      }
      if (newHi < hi) {
        hi = newHi;
        changed = true;
      }
      if (changed) {
        by = how;
      }
      return changed;
    }

    @Override
    public String toString() {
      return lo + ".." + (hi >= INF ? "∞" : Long.toString(hi));
    }
  }

  /** A relation between counts and printed figures; narrows the ranges, says if it changed any. */
  interface Relation {
    String derivation();

    boolean narrow(Map<String, Range> ranges, PublishedPack pack);
  }

  /** {@code num = value × den / scale}, where value is a printed rate, percentage or mean. */
  record Ratio(String derivation, String value, String num, String den, double scale)
      implements Relation {
    /**
     * Whether the figure is the ratio of the printed counts themselves (as the PUBLIC note says its
     * rates are): then it tells nothing the counts do not, and taking it for a ratio of the exact
     * counts would be wrong.
     */
    private boolean fromPublishedCounts(PublishedPack pack, double[] v) {
      double[] n = tightest(pack, num);
      double[] d = tightest(pack, den);
      if (n == null || d == null || d[0] + d[1] == 0) {
        return false;
      }
      double ratio = (n[0] + n[1]) / (d[0] + d[1]) * scale;
      return ratio >= v[0] - 1e-9 && ratio <= v[1] + 1e-9;
    }

    @Override
    public boolean narrow(Map<String, Range> ranges, PublishedPack pack) {
      double[] v = tightest(pack, value);
      if (v == null || fromPublishedCounts(pack, v)) {
        return false;
      }
      Range n = ranges.computeIfAbsent(num, k -> new Range());
      Range d = ranges.computeIfAbsent(den, k -> new Range());
      double vlo = v[0];
      double vhi = v[1];
      boolean changed = false;
      if (d.hi < INF && d.hi - d.lo <= 5000) {
        // every denominator left: keep those for which some whole numerator fits the figure
        long newDlo = INF;
        long newDhi = -1;
        long newNlo = INF;
        long newNhi = -1;
        for (long dd = d.lo; dd <= d.hi; dd++) {
          long a = Math.max(n.lo, (long) Math.ceil(vlo * dd / scale - 1e-9));
          long b = Math.min(n.hi, (long) Math.floor(vhi * dd / scale + 1e-9));
          if (dd == 0 || a > b) {
            continue;
          }
          newDlo = Math.min(newDlo, dd);
          newDhi = Math.max(newDhi, dd);
          newNlo = Math.min(newNlo, a);
          newNhi = Math.max(newNhi, b);
        }
        if (newDhi >= 0) {
          changed |= d.set(newDlo, newDhi, derivation);
          changed |= n.set(newNlo, newNhi, derivation);
        }
      } else if (d.hi < INF) {
        changed |=
            n.set(
                (long) Math.ceil(vlo * d.lo / scale - 1e-9),
                (long) Math.floor(vhi * d.hi / scale + 1e-9),
                derivation);
      }
      return changed;
    }
  }

  /** {@code total = Σ parts}. */
  record Sum(String derivation, String total, List<String> parts) implements Relation {
    @Override
    public boolean narrow(Map<String, Range> ranges, PublishedPack pack) {
      Range t = ranges.computeIfAbsent(total, k -> new Range());
      List<Range> ps = new ArrayList<>();
      for (String p : parts) {
        ps.add(ranges.computeIfAbsent(p, k -> new Range()));
      }
      long sumLo = 0;
      long sumHi = 0;
      for (Range p : ps) {
        sumLo = Math.min(INF, sumLo + p.lo);
        sumHi = Math.min(INF, sumHi + p.hi);
      }
      boolean changed = t.set(sumLo, sumHi >= INF ? INF : sumHi, derivation);
      for (Range p : ps) {
        long othersLo = sumLo - p.lo;
        long othersHi = sumHi >= INF || p.hi >= INF ? INF : sumHi - p.hi;
        long lo = othersHi >= INF ? 0 : t.lo - othersHi;
        long hi = t.hi >= INF ? INF : t.hi - othersLo;
        changed |= p.set(lo, hi, derivation);
      }
      return changed;
    }
  }

  /** The narrowest printed range of a figure over every reading, or null. */
  static double[] tightest(PublishedPack pack, String cell) {
    List<PublishedPack.Reading> rs = pack.readings.get(cell);
    if (rs == null || rs.isEmpty()) {
      return null;
    }
    double lo = -Double.MAX_VALUE;
    double hi = Double.MAX_VALUE;
    for (PublishedPack.Reading r : rs) {
      lo = Math.max(lo, r.value().subtract(r.halfStep()).doubleValue());
      hi = Math.min(hi, r.value().add(r.halfStep()).doubleValue());
    }
    return new double[] {lo, hi};
  }

  /**
   * What the attack found: disclosed cells (true count 1-7), counts above 7 whose rounding it undid
   * (narrowed to the exact count the rounded figure hid), and contradictions of the truth.
   */
  record Finding(
      Map<String, String> disclosed, Map<String, String> unrounded, List<String> contradictions) {}

  /**
   * Figures published exactly as whole numbers that are not counts of people or events (bed days
   * are not rounded): a reader knows them exactly, and a mean of them over a rounded count must not
   * give that count back.
   */
  static boolean exactWholeFigure(String cell) {
    String id = cell.substring(cell.lastIndexOf(':') + 1);
    return id.equals("ea_bed_days") || id.equals("ea_bed_days_locality");
  }

  /**
   * Runs the relations over the published figures until nothing narrows, then compares with the
   * truth.
   */
  static Finding attack(
      PublishedPack published,
      Map<String, Long> truth,
      List<Relation> relations,
      boolean useAllFormats) {
    PublishedPack pack = useAllFormats ? published : jsonOnly(published);
    Map<String, Range> ranges = new TreeMap<>();
    for (String cell : pack.counts) {
      Range r = ranges.computeIfAbsent(cell, k -> new Range());
      if (pack.hidden.contains(cell)) {
        r.set(1, INF, "withheld");
      }
      double[] v = tightest(pack, cell);
      if (v != null) {
        long c = Math.round((v[0] + v[1]) / 2);
        if (c == 0) {
          r.set(0, 0, "published figure");
        } else {
          r.set(Math.max(THRESHOLD + 1, c - BASE / 2), c + BASE / 2, "published figure");
        }
      }
    }
    for (String cell : pack.readings.keySet()) {
      double[] v = tightest(pack, cell);
      if (exactWholeFigure(cell) && v != null) {
        ranges
            .computeIfAbsent(cell, k -> new Range())
            .set((long) Math.ceil(v[0] - 1e-9), (long) Math.floor(v[1] + 1e-9), "published figure");
      }
    }
    for (int round = 0; round < 60; round++) {
      boolean changed = false;
      for (Relation rel : relations) {
        changed |= rel.narrow(ranges, pack);
      }
      if (!changed || ranges.values().stream().anyMatch(r -> r.lo > r.hi)) {
        break;
      }
    }
    List<String> empty =
        ranges.entrySet().stream()
            .filter(e -> e.getValue().lo > e.getValue().hi)
            .map(e -> e.getKey() + " (" + e.getValue().by + ")")
            .toList();
    if (!empty.isEmpty()) {
      // the published figures contradict the reader's model of them: a published figure is wrong
      return new Finding(
          Map.of(), Map.of(), List.of("no count fits the published figures: " + empty));
    }
    Map<String, String> disclosed = new LinkedHashMap<>();
    Map<String, String> unrounded = new LinkedHashMap<>();
    List<String> contradictions = new ArrayList<>();
    for (Map.Entry<String, Long> t : truth.entrySet()) {
      Range r = ranges.get(t.getKey());
      if (r == null) {
        continue;
      }
      long v = t.getValue();
      if (v < r.lo || v > r.hi) {
        contradictions.add(
            t.getKey() + " is " + v + " but the published figures say " + r + " (" + r.by + ")");
      } else if (v >= 1 && v <= THRESHOLD && r.lo == r.hi) {
        disclosed.put(t.getKey(), v + " by " + r.by);
      } else if (v > THRESHOLD && r.lo == r.hi && pack.counts.contains(t.getKey())) {
        double[] shown = tightest(pack, t.getKey());
        if (shown != null && Math.round((shown[0] + shown[1]) / 2) != v) {
          unrounded.put(t.getKey(), v + " (shown as " + Math.round(shown[0]) + ") by " + r.by);
        }
      }
    }
    return new Finding(disclosed, unrounded, contradictions);
  }

  private static PublishedPack jsonOnly(PublishedPack p) {
    PublishedPack q = new PublishedPack();
    q.hidden.addAll(p.hidden);
    q.counts.addAll(p.counts);
    q.texts.putAll(p.texts);
    p.readings.forEach(
        (cell, rs) -> {
          List<PublishedPack.Reading> json =
              rs.stream().filter(r -> r.source().endsWith(".json")).toList();
          if (!json.isEmpty()) {
            q.readings.put(cell, json);
          }
        });
    return q;
  }

  /** The derivations a reader can try, in the words of the issue. */
  static final String RATE = "rate × denominator";

  static final String PERCENT = "percentage × denominator";
  static final String MEAN = "mean × count";
  static final String PARTS = "total − Σ visible parts";
  static final String LOCALITY = "locality total − Σ other practices";
  static final String MONTHS = "12-month − Σ visible months";

  /** Every relation of the pack, checked against the truth first (a wrong relation is a bug). */
  static List<Relation> relations(PublishedPack truthPack, Map<String, Long> truth) {
    List<Relation> all = new ArrayList<>();
    Set<String> practices = new LinkedHashSet<>();
    truthPack.practicesOf.values().forEach(practices::addAll);
    for (String p : practices) {
      String f = p + ":";
      String r = p + ":ret:";
      all.add(new Ratio(RATE, f + "ea_rate_per_1000", f + "ea_count", f + "list_size", 1000));
      all.add(
          new Ratio(RATE, f + "ea_rate_12m_per_1000", f + "ea_count_12m", f + "list_size", 1000));
      all.add(
          new Ratio(PERCENT, f + "readmission_pct", f + "readmissions_30d", f + "ea_count", 100));
      all.add(new Ratio(MEAN, f + "ea_los_mean", f + "ea_bed_days", f + "ea_discharges", 1));
      // the locality's figures as the practice's report prints them
      all.add(
          new Ratio(
              PERCENT,
              f + "readmission_pct_locality",
              f + "readmissions_30d_locality",
              f + "ea_count_locality",
              100));
      all.add(
          new Ratio(
              MEAN,
              f + "ea_los_mean_locality",
              f + "ea_bed_days_locality",
              f + "ea_discharges_locality",
              1));
      all.add(
          new Ratio(
              PERCENT,
              r + "register_pct_adult_list",
              r + "register_size",
              r + "list_size_18plus_month_end",
              100));
      all.add(
          new Ratio(
              PERCENT,
              r + "care_plan_agreed_pct",
              r + "care_plan_agreed",
              r + "register_size",
              100));
      all.add(
          new Ratio(
              PERCENT,
              r + "followed_up_3wd_pct",
              r + "followed_up_3wd",
              r + "hospital_discharges_register",
              100));
      all.add(
          new Ratio(
              MEAN,
              r + "contacts_per_register_patient",
              r + "contacts_attended",
              r + "register_size",
              1));
      all.add(
          new Sum(
              PARTS,
              f + "ea_count",
              List.of(f + "ea_count_register", f + "ea_count_not_register")));
      all.add(
          new Sum(
              PARTS,
              r + "register_size",
              List.of(r + "care_plan_agreed", r + "care_plan_declined", r + "care_plan_none")));
      for (String[] g :
          new String[][] {
            {f, "acsc_count", "acsc_by_condition"},
            {r, "referrals_received", "referrals_by_source"},
            {r, "discharges", "discharges_by_reason"},
            {r, "contacts_attended", "contacts_by_type"},
            {r, "contacts_attended", "contacts_by_mechanism"}
          }) {
        List<String> parts =
            truthPack.counts.stream().filter(c -> c.startsWith(g[0] + g[2] + "/")).toList();
        all.add(new Sum(PARTS, g[0] + g[1], parts));
      }
      List<String> months = truthPack.seriesMonths.getOrDefault(p, List.of());
      for (String m : months) {
        String row = f + "ea_series/" + m + "/";
        all.add(
            new Ratio(RATE, row + "ea_rate_per_1000", row + "ea_count", row + "list_size", 1000));
      }
      if (!months.isEmpty()) {
        String last = months.get(months.size() - 1);
        // this month's count is the last month of the series
        all.add(new Sum(MONTHS, f + "ea_count", List.of(f + "ea_series/" + last + "/ea_count")));
        if (months.size() >= 12) {
          List<String> twelve =
              months.subList(months.size() - 12, months.size()).stream()
                  .map(m -> f + "ea_series/" + m + "/ea_count")
                  .toList();
          all.add(new Sum(MONTHS, f + "ea_count_12m", twelve));
        }
      }
      for (String cm : truthPack.caseloadRows.getOrDefault(p, List.of())) {
        String row = r + "caseloads/" + cm + "/";
        all.add(
            new Ratio(
                PERCENT, row + "high_risk_pct", row + "high_risk", row + "total_caseload", 100));
      }
    }
    for (Map.Entry<String, List<String>> l : truthPack.practicesOf.entrySet()) {
      for (String m : List.of("list_size", "ea_count", "ea_count_12m", "acsc_count_12m")) {
        all.add(
            new Sum(
                LOCALITY,
                l.getKey() + ":" + m,
                l.getValue().stream().map(p -> p + ":" + m).toList()));
      }
      all.add(
          new Ratio(
              RATE,
              l.getKey() + ":ea_rate_per_1000",
              l.getKey() + ":ea_count",
              l.getKey() + ":list_size",
              1000));
      all.add(
          new Ratio(
              PERCENT,
              l.getKey() + ":readmission_pct",
              l.getKey() + ":readmissions_30d",
              l.getKey() + ":ea_count",
              100));
      all.add(
          new Ratio(
              MEAN,
              l.getKey() + ":ea_los_mean",
              l.getKey() + ":ea_bed_days",
              l.getKey() + ":ea_discharges",
              1));
    }
    // A relation that does not hold on the truth would make the attacker wrong, not clever.
    List<Relation> holding = new ArrayList<>();
    for (Relation rel : all) {
      if (holds(rel, truthPack, truth)) {
        holding.add(rel);
      }
    }
    return holding;
  }

  static final List<String> NOT_HOLDING = new ArrayList<>();

  private static boolean holds(Relation rel, PublishedPack truthPack, Map<String, Long> truth) {
    if (rel instanceof Sum s) {
      if (!truth.containsKey(s.total())
          || !s.parts().stream().allMatch(truth::containsKey)
          || s.parts().isEmpty()) {
        return false;
      }
      long sum = s.parts().stream().mapToLong(truth::get).sum();
      if (sum != truth.get(s.total())) {
        NOT_HOLDING.add(s + " sums to " + sum + " not " + truth.get(s.total()));
        return false;
      }
      return true;
    }
    Ratio r = (Ratio) rel;
    double[] v = tightest(truthPack, r.value());
    Long n = truth.get(r.num());
    Long d = truth.get(r.den());
    if (v == null || n == null || d == null || d == 0) {
      return false;
    }
    double expected = n * r.scale() / d;
    if (Math.abs(expected - (v[0] + v[1]) / 2) > 1e-6 * Math.max(1, Math.abs(expected))) {
      NOT_HOLDING.add(r + ": " + expected + " vs " + (v[0] + v[1]) / 2);
      return false;
    }
    return true;
  }

  /** The true counts, from the PRACTICE copy (plus counts only a ratio reveals). */
  static Map<String, Long> truth(PublishedPack practice) {
    Map<String, Long> truth = new TreeMap<>();
    for (String cell : practice.counts) {
      double[] v = tightest(practice, cell);
      if (v != null) {
        truth.put(cell, Math.round((v[0] + v[1]) / 2));
      }
    }
    for (String cell : practice.readings.keySet()) {
      double[] v = tightest(practice, cell);
      if (exactWholeFigure(cell) && v != null) {
        truth.put(cell, Math.round((v[0] + v[1]) / 2));
      }
    }
    // a caseload's very-high-risk patients are only published as a share of its caseload
    practice.caseloadRows.forEach(
        (p, rows) -> {
          for (String cm : rows) {
            String row = p + ":ret:caseloads/" + cm + "/";
            double[] pct = tightest(practice, row + "high_risk_pct");
            Long total = truth.get(row + "total_caseload");
            if (pct != null && total != null) {
              truth.put(row + "high_risk", Math.round(pct[0] * total / 100));
              practice.counts.add(row + "high_risk");
            }
          }
        });
    return truth;
  }
}
