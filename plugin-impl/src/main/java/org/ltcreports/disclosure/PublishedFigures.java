package org.ltcreports.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Num;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.ValueKind;

/**
 * The rates, percentages, ratios and averages a PUBLIC copy prints, once disclosure control has
 * decided what is shown (governance.md "Derived values in a publication"):
 *
 * <ul>
 *   <li>a plain ratio of two counts of the report (a crude rate, a percentage, contacts per
 *       register patient, a change on last year) is worked out again from the <em>published</em>
 *       counts: multiplied by its published denominator it gives back only the published count,
 *       never the exact one the rounding hid (6.8679 per 1,000 × 6,989 patients = 48 admissions,
 *       where the copy shows 50);
 *   <li>every other derived value (standardised rates and their limits, expected counts, means,
 *       control limits) is kept from the exact counts but published at display precision: rates,
 *       percentages, days and decimals to 1 decimal place, ratios to 2, in every format.
 * </ul>
 */
final class PublishedFigures {

  /** {@code id = per × num / den}, or {@code 100 × (num − den) / den} for a change. */
  private record Ratio(String num, String den, double per, boolean change) {}

  private static Map<String, Ratio> ratios() {
    Map<String, Ratio> all = new java.util.HashMap<>(COUNT_RATIOS);
    // the evaluation (measures.md "End of life", "Programme practices against comparators")
    for (String g : new String[] {"eol_register_", "eol_all_"}) {
      all.put(g + "identified_pct", new Ratio(g + "identified", g + "deaths", 100, false));
      all.put(g + "preference_pct", new Ratio(g + "preference", g + "deaths", 100, false));
      all.put(
          g + "died_preferred_pct",
          new Ratio(g + "died_preferred", g + "preference_place_known", 100, false));
      all.put(
          g + "died_hospital_pct", new Ratio(g + "died_hospital", g + "place_known", 100, false));
    }
    for (String g : new String[] {"prog_", "prog_other_"}) {
      all.put(g + "growth_pct", new Ratio(g + "ea_12m", g + "ea_prev_12m", 100, true));
    }
    for (String g : new String[] {"prog_cohort_", "prog_comparators_"}) {
      all.put(g + "growth_pct", new Ratio(g + "ea_after", g + "ea_before", 100, true));
    }
    // the locality's own figures as a practice's report prints them, from the locality's counts
    // (readmission_pct_locality = 100 × readmissions_30d_locality / ea_count_locality)
    for (Map.Entry<String, Ratio> e : COUNT_RATIOS.entrySet()) {
      Ratio r = e.getValue();
      all.put(
          MeasureCatalogue.localityId(e.getKey()),
          new Ratio(
              MeasureCatalogue.localityId(r.num()),
              MeasureCatalogue.localityId(r.den()),
              r.per(),
              r.change()));
    }
    return Map.copyOf(all);
  }

  /** The plain ratios of counts of the feedback report and the return. */
  private static final Map<String, Ratio> COUNT_RATIOS =
      Map.ofEntries(
          Map.entry("ea_rate_per_1000", new Ratio("ea_count", "list_size", 1000, false)),
          Map.entry("ea_rate_12m_per_1000", new Ratio("ea_count_12m", "list_size", 1000, false)),
          Map.entry("readmission_pct", new Ratio("readmissions_30d", "ea_count", 100, false)),
          Map.entry(
              "register_pct_adult_list",
              new Ratio("register_size", "list_size_18plus_month_end", 100, false)),
          Map.entry(
              "care_plan_agreed_pct", new Ratio("care_plan_agreed", "register_size", 100, false)),
          Map.entry(
              "followed_up_3wd_pct",
              new Ratio("followed_up_3wd", "hospital_discharges_register", 100, false)),
          Map.entry(
              "contacts_per_register_patient",
              new Ratio("contacts_attended", "register_size", 1, false)),
          Map.entry("ea_change_pct_yoy", new Ratio("ea_count", "ea_count_last_year", 100, true)),
          Map.entry("ea_change_pct_12m", new Ratio("ea_count_12m", "ea_count_prev_12m", 100, true)),
          // a mean of published whole figures: the bed days (not rounded) over the discharges
          Map.entry("ea_los_mean", new Ratio("ea_bed_days", "ea_discharges", 1, false)),
          // caseloads: per whole-time equivalent, from the published caseload
          Map.entry("caseload_per_wte", new Ratio("total_caseload", "wte", 1, false)));

  /** Every plain ratio of counts, as measures.md defines it (by measure id or table column). */
  private static final Map<String, Ratio> RATIOS = ratios();

  /** Text columns whose words rest on the counts of their row (a verdict or a flag). */
  private static final Set<String> WORDS_ON_COUNTS = Set.of("significance", "flags");

  private final Map<String, MeasureValue> shown;

  /**
   * @param shown the copy's measures with counts already rounded or withheld
   */
  PublishedFigures(Map<String, MeasureValue> shown) {
    this.shown = shown;
  }

  static boolean restsOnCounts(String textColumn) {
    return WORDS_ON_COUNTS.contains(textColumn);
  }

  /**
   * A number of a table that is not worked out from counts: a case manager's whole-time equivalent
   * is from the staff records. It was withheld with any small count of its row (fail closed), so
   * the team report hid every WTE that the returns printed.
   */
  static boolean restsOnNoCount(String column) {
    return column.equals("wte");
  }

  /**
   * A count a table column is a share of without the count itself being a column: the very high
   * risk patients of a caseload ({@code high_risk_pct} of {@code total_caseload}). Null when none.
   */
  static Number impliedCount(Table t, List<Object> row, String column) {
    if (!column.equals("high_risk_pct") && !column.equals("flags")) {
      return null;
    }
    int pct = indexOf(t.columns(), "high_risk_pct");
    int total = indexOf(t.columns(), "total_caseload");
    if (pct < 0
        || total < 0
        || !(row.get(pct) instanceof Number p)
        || !(row.get(total) instanceof Number n)) {
      return null;
    }
    return Math.round(p.doubleValue() * n.doubleValue() / 100);
  }

  /** The published form of one measure of the copy. */
  MeasureValue publish(String id, MeasureValue value) {
    MeasureDefinition def = MeasureCatalogue.find(id).orElse(null);
    ValueKind kind = def == null ? ValueKind.DECIMAL : def.kind();
    if (value instanceof Num n && n.value() != null && kind != ValueKind.COUNT) {
      Ratio r = RATIOS.get(id);
      Number fromShown = r == null ? null : ratio(r, number(r.num()), number(r.den()));
      return new Num(displayed(fromShown != null ? fromShown : n.value(), kind));
    }
    if (value instanceof Breakdown b && kind != ValueKind.COUNT) {
      Map<String, Number> values = new LinkedHashMap<>();
      b.values().forEach((k, v) -> values.put(k, v == null ? null : displayed(v, kind)));
      return new Breakdown(values);
    }
    if (value instanceof Table t) {
      return table(t);
    }
    return value;
  }

  private Table table(Table t) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      List<Object> r = new ArrayList<>(row);
      for (int c = 0; c < t.columns().size(); c++) {
        Column col = t.columns().get(c);
        if (!(row.get(c) instanceof Number v) || !isDerived(col.kind())) {
          continue;
        }
        Ratio ratio = RATIOS.get(col.name());
        Number fromShown = null;
        if (ratio != null) {
          int num = indexOf(t.columns(), ratio.num());
          int den = indexOf(t.columns(), ratio.den());
          if (num >= 0 && den >= 0) {
            fromShown = ratio(ratio, (Number) row.get(num), (Number) row.get(den));
          }
        }
        r.set(c, displayed(fromShown != null ? fromShown : v, col.kind()));
      }
      rows.add(r);
    }
    return new Table(t.columns(), rows);
  }

  private Number number(String id) {
    return shown.get(id) instanceof Num n ? n.value() : null;
  }

  private static Number ratio(Ratio r, Number num, Number den) {
    if (num == null || den == null || den.doubleValue() == 0) {
      return null;
    }
    return r.change()
        ? 100.0 * (num.doubleValue() - den.doubleValue()) / den.doubleValue()
        : r.per() * num.doubleValue() / den.doubleValue();
  }

  private static boolean isDerived(ValueKind k) {
    return switch (k) {
      case RATE, PERCENT, RATIO, DAYS, DECIMAL -> true;
      default -> false;
    };
  }

  /**
   * A derived value at display precision (rates, percentages, days and decimals 1 dp, ratios 2 dp,
   * half-up on the shortest decimal form, as {@code Display} prints them); whole numbers of days
   * stay whole.
   */
  static Number displayed(Number v, ValueKind kind) {
    if (v instanceof Long || v instanceof Integer) {
      return v;
    }
    int places =
        switch (kind) {
          case RATIO -> 2;
          case RATE, PERCENT, DAYS, DECIMAL -> 1;
          default -> -1;
        };
    if (places < 0) {
      return v;
    }
    return BigDecimal.valueOf(v.doubleValue()).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  private static int indexOf(List<Column> cols, String name) {
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
