package org.ltcreports.render.returns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.casemanagement.BeforeAfter;
import org.ltcreports.casemanagement.BeforeAfterRegression;
import org.ltcreports.casemanagement.CaseManagementCodes;
import org.ltcreports.casemanagement.EndOfLifeMeasures;
import org.ltcreports.disclosure.CommissionerOnly;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Wording;

/**
 * The fixed layout of the case management return's {@code Return} sheet: every measure (and every
 * breakdown key) has its own row, the same row every month whatever the data, so a commissioner's
 * formulas and a collation can rely on cell addresses. {@link #markdown()} prints the map (it is
 * {@code docs/case-management-return-layout.md}; a test keeps the two equal).
 *
 * <p>Cells of the {@code Return} sheet (1-based Excel addresses):
 *
 * <ul>
 *   <li>{@code B2} practice code, {@code B3} practice name, {@code B4} locality code, {@code C4}
 *       locality name, {@code B5} month ({@code YYYY-MM}), {@code B6} audience, {@code B7} data
 *       extract date, {@code B8} rules version, {@code B9} report id, {@code B10} layout version
 *       ({@link #VERSION}), {@code B11} SHA-256 of the {@code Data} sheet;
 *   <li>row 13: column headings; from row 14 one row per {@link Line}: {@code A} label, {@code B}
 *       measure id, {@code C} breakdown key, {@code D} value, {@code E} the locality's value
 *       (before/after rows only, for a practice with fewer than 10 cohort patients);
 *   <li>{@code G1} "Validation warnings", one warning per row from {@code G2};
 *   <li>below the last line: the report's notes (variable length, so last).
 * </ul>
 */
public final class ReturnLayout {
  /** Written in {@code B10}; a collation refuses files of another layout. */
  public static final String VERSION = "ltc-cm-return-layout-2";

  /**
   * "Case management activity return: Abbey Surgery (K83001)": the files' titles, with the month.
   */
  public static String heading(Report r) {
    return DocumentTitle.whose(
        "Case management activity return", r.practiceName(), r.practiceCode());
  }

  public static final String SHEET_RETURN = "Return";
  public static final String SHEET_CASELOADS = "Caseloads";
  public static final String SHEET_DATA = "Data";
  public static final String SHEET_CHECKSUM = "Checksum";
  public static final String SHEET_QUARTER = "Quarter";

  /** 0-based row/column of the identity cells. */
  public static final int ROW_PRACTICE = 1;

  public static final int ROW_PRACTICE_NAME = 2;
  public static final int ROW_LOCALITY = 3;
  public static final int ROW_MONTH = 4;
  public static final int ROW_AUDIENCE = 5;
  public static final int ROW_EXTRACT = 6;
  public static final int ROW_RULES = 7;
  public static final int ROW_REPORT_ID = 8;
  public static final int ROW_LAYOUT = 9;
  public static final int ROW_CHECKSUM = 10;
  public static final int ROW_HEADINGS = 12;

  /** Sheet {@code Checksum}: the signing key's id ({@code B6}) and the signature ({@code B7}). */
  public static final int ROW_SIGNATURE_KEY = 5;

  public static final int ROW_SIGNATURE = 6;
  public static final int FIRST_LINE_ROW = 13;
  public static final int COL_LABEL = 0;
  public static final int COL_ID = 1;
  public static final int COL_KEY = 2;
  public static final int COL_VALUE = 3;
  public static final int COL_LOCALITY = 4;
  public static final int COL_WARNINGS = 6;

  /** How a line's quarter figure is made from the three months. */
  public enum Aggregation {
    /** Counts of events in the month: the sum of the three months. */
    SUM("sum of the three months"),
    /** A state on the last day of the month: the quarter's last month. */
    LAST("value at the end of the quarter"),
    /** A state on the first day of the month: the quarter's first month. */
    FIRST("value at the start of the quarter"),
    /** A rate: recomputed from the three months' summed numerators and denominators. */
    RATIO("recomputed from the summed numerator and denominator"),
    /** Not aggregated (section headings). */
    NONE("");

    private final String words;

    Aggregation(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /**
   * One row of the sheet: a section heading ({@code measureId} null) or a measure value.
   *
   * @param row 0-based row index on the {@code Return} and {@code Quarter} sheets
   * @param key the breakdown key or {@code rowKey/column} of a table ("" for a single value)
   * @param numeratorId for {@link Aggregation#RATIO}: the measure summed as numerator
   * @param denominatorId for {@link Aggregation#RATIO}: the measure summed as denominator
   * @param factor for {@link Aggregation#RATIO}: 100 for a percentage, 1 for a ratio
   */
  public record Line(
      int row,
      String section,
      String label,
      String measureId,
      String key,
      Aggregation aggregation,
      String numeratorId,
      String denominatorId,
      double factor) {
    public boolean isHeading() {
      return measureId == null;
    }

    /** The Excel address of the value cell, e.g. {@code D15}. */
    public String valueCell() {
      return new CellReference(row, COL_VALUE).formatAsString(false);
    }
  }

  private static final Map<String, String> KEY_WORDS = keyWords();

  private static Map<String, String> keyWords() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("01", "01 face to face");
    m.put("02", "02 telephone");
    m.put("03", "03 telemedicine");
    m.put("09", "09 text message");
    m.put("10", "10 instant messaging");
    m.put("11", "11 video");
    m.put("98", "98 other");
    m.put("GP", "GP");
    m.put("UNKNOWN", "not recorded or not a listed code");
    return m;
  }

  private static final List<Line> LINES = build();

  private ReturnLayout() {}

  public static List<Line> lines() {
    return LINES;
  }

  /** The line of a measure id and key, or null. */
  public static Line line(String measureId, String key) {
    for (Line l : LINES) {
      if (measureId.equals(l.measureId()) && key.equals(l.key())) {
        return l;
      }
    }
    return null;
  }

  /** The row just after the last line (where the notes start). */
  public static int endRow() {
    return LINES.get(LINES.size() - 1).row() + 1;
  }

  private static List<Line> build() {
    Builder b = new Builder();
    b.section(MeasureCatalogue.POPULATION);
    b.one("list_size", Aggregation.FIRST);
    b.one("list_size_18plus", Aggregation.FIRST);
    b.one("list_size_month_end", Aggregation.LAST);
    b.one("list_size_18plus_month_end", Aggregation.LAST);

    b.section(MeasureCatalogue.REGISTER);
    b.one("register_size", Aggregation.LAST);
    b.one("register_pct_adult_list", Aggregation.LAST);
    b.one("register_below_target", Aggregation.LAST);

    b.section(MeasureCatalogue.ACTIVITY);
    b.one("referrals_received", Aggregation.SUM);
    b.breakdown("referrals_by_source", CaseManagementCodes.REFERRAL_SOURCES);
    b.one("episodes_started", Aggregation.SUM);
    b.one("discharges", Aggregation.SUM);
    b.breakdown("discharges_by_reason", CaseManagementCodes.END_REASONS);
    b.one("contacts_attended", Aggregation.SUM);
    b.one("contacts_not_attended", Aggregation.SUM);
    b.breakdown("contacts_by_type", CaseManagementCodes.CONTACT_TYPES);
    b.breakdown("contacts_by_mechanism", CaseManagementCodes.MECHANISMS);
    b.one("contact_minutes", Aggregation.SUM);
    b.ratio("contacts_per_register_patient", "contacts_attended", "register_size", 1);

    b.section(MeasureCatalogue.CARE_PLANS);
    b.one("care_plan_agreed", Aggregation.LAST);
    b.one("care_plan_declined", Aggregation.LAST);
    b.one("care_plan_none", Aggregation.LAST);
    b.one("care_plan_agreed_pct", Aggregation.LAST);
    b.one("care_plan_reviewed_12m", Aggregation.LAST);
    b.one("named_gp_informed", Aggregation.LAST);
    b.one("hospital_discharges_register", Aggregation.SUM);
    b.one("followed_up_3wd", Aggregation.SUM);
    b.ratio("followed_up_3wd_pct", "followed_up_3wd", "hospital_discharges_register", 100);
    b.one("register_ea_count", Aggregation.SUM);
    b.one("register_bed_days", Aggregation.SUM);

    b.section(MeasureCatalogue.BEFORE_AFTER);
    b.one("ba_patients", Aggregation.LAST);
    b.breakdown("ba_excluded_by_reason", BeforeAfter.EXCLUSION_REASONS, Aggregation.LAST);
    for (String m : new String[] {"ea", "bed_days"}) {
      for (String s :
          new String[] {"before_mean", "after_mean", "diff_mean", "diff_lcl95", "diff_ucl95"}) {
        b.one("ba_" + m + "_" + s, Aggregation.LAST);
      }
    }
    for (String group : BeforeAfter.PRIOR_GROUPS) {
      for (int c = 1; c < BeforeAfter.PRIOR_COLUMNS.size(); c++) {
        String col = BeforeAfter.PRIOR_COLUMNS.get(c).name();
        b.add(
            "ba_by_prior_admissions",
            group + "/" + col,
            MeasureCatalogue.get("ba_by_prior_admissions").label()
                + ": "
                + group
                + " before, "
                + BeforeAfter.PRIOR_COLUMNS.get(c).label().toLowerCase(Locale.UK),
            Aggregation.LAST);
      }
    }
    b.one("ba_comparison_patients", Aggregation.LAST);
    b.one("ba_comparison_ea_diff_mean", Aggregation.LAST);
    b.one("ba_comparison_did", Aggregation.LAST);
    b.one("ba_comparison_did_lcl95", Aggregation.LAST);
    b.one("ba_comparison_did_ucl95", Aggregation.LAST);

    // Layout 2 (issue 23): end of life, after every line of layout 1, so no earlier cell moved.
    b.section(MeasureCatalogue.END_OF_LIFE);
    for (String group : EndOfLifeMeasures.GROUPS) {
      for (String m :
          new String[] {
            "deaths",
            "identified",
            "identified_pct",
            "preference",
            "preference_pct",
            "preference_place_known",
            "died_preferred",
            "died_preferred_pct",
            "place_known",
            "died_hospital",
            "died_hospital_pct",
            "bed_days_90d_mean"
          }) {
        b.one("eol_" + group + "_" + m, Aggregation.LAST);
      }
    }

    // The practice's own regression (issue 23; only with 30 or more cohort patients, else empty and
    // a note points to the locality's), after every earlier line: no cell moved, so the layout
    // version stays (the collation reads the Data sheet, never these cells).
    b.section(MeasureCatalogue.REGRESSION);
    for (String outcome : new String[] {"bar_bed_days", "bar_ea"}) {
      b.one(outcome + "_n", Aggregation.LAST);
      b.one(outcome + "_r2", Aggregation.LAST);
      for (String term : BeforeAfterRegression.TERM_LABELS) {
        for (int c = 1; c < BeforeAfterRegression.COLUMNS.size(); c++) {
          MeasureValue.Column col = BeforeAfterRegression.COLUMNS.get(c);
          b.add(
              outcome,
              term + "/" + col.name(),
              MeasureCatalogue.get(outcome).label()
                  + ": "
                  + term.toLowerCase(Locale.UK)
                  + ", "
                  + col.label().toLowerCase(Locale.UK),
              Aggregation.LAST);
        }
      }
      b.one(outcome + "_findings", Aggregation.LAST);
    }
    return Collections.unmodifiableList(b.lines);
  }

  /**
   * A line's value as a person reads it, on the return PDF and the return page alike: {@code *}
   * when disclosure control withheld it, {@code –} when it cannot be computed, a number as its
   * catalogue kind shows, a code in words ({@link Wording#cell}). The workbook keeps the raw
   * values, which a collation reads back.
   */
  public static String shown(Report r, Line l, Object v) {
    String withheld = withheld(r, l);
    if (withheld != null) {
      return withheld;
    }
    if (v == null) {
      return Display.NOT_AVAILABLE;
    }
    if (v instanceof Number n) {
      ValueKind kind =
          MeasureCatalogue.find(l.measureId())
              .map(MeasureDefinition::kind)
              .orElse(ValueKind.DECIMAL);
      return Display.number(n, kind);
    }
    return Wording.cell(l.measureId(), v.toString());
  }

  /**
   * What a line shows instead of its value when the copy does not give it: {@code *} when the value
   * is withheld, "Not in the public copy" for a measure a public copy leaves out; null when the
   * value is given. The workbook and the PDF both ask here.
   */
  public static String withheld(Report r, Line l) {
    if (r.suppressed().contains(l.measureId())
        || (!l.key().isEmpty() && r.suppressed().contains(l.measureId() + "/" + l.key()))) {
      return Display.SUPPRESSED;
    }
    if (r.audience() == Audience.PUBLIC && CommissionerOnly.leavesOut(l.measureId())) {
      return Display.NOT_IN_PUBLIC_COPY;
    }
    return null;
  }

  /** The words for a breakdown key: {@code SOCIAL_CARE} → "social care". */
  public static String keyWords(String key) {
    String w = KEY_WORDS.get(key);
    return w != null ? w : key.toLowerCase(Locale.UK).replace('_', ' ');
  }

  private static final class Builder {
    final List<Line> lines = new ArrayList<>();
    int row = FIRST_LINE_ROW;
    String section;

    void section(String title) {
      section = title;
      lines.add(new Line(row++, title, title, null, "", Aggregation.NONE, null, null, 0));
    }

    void one(String id, Aggregation agg) {
      add(id, "", MeasureCatalogue.get(id).label(), agg);
    }

    void ratio(String id, String num, String den, double factor) {
      lines.add(
          new Line(
              row++,
              section,
              MeasureCatalogue.get(id).label(),
              id,
              "",
              Aggregation.RATIO,
              num,
              den,
              factor));
    }

    /** A breakdown over a code list: every code, then UNKNOWN (as the measures give it). */
    void breakdown(String id, List<String> codes) {
      breakdown(id, CaseManagementCodes.keys(codes), Aggregation.SUM);
    }

    void breakdown(String id, List<String> keys, Aggregation agg) {
      for (String k : keys) {
        add(id, k, MeasureCatalogue.get(id).label() + ": " + keyWords(k), agg);
      }
    }

    void add(String id, String key, String label, Aggregation agg) {
      lines.add(new Line(row++, section, label, id, key, agg, null, null, 0));
    }
  }

  /**
   * The layout as a Markdown table (the content of {@code docs/case-management-return-layout.md}).
   */
  public static String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("# Case management return: the fixed cell map (layout `")
        .append(VERSION)
        .append("`)\n\n");
    s.append(
        "Generated from `org.ltcreports.render.returns.ReturnLayout` (a test keeps this file equal to it).\n");
    s.append(
        "Sheet `Return`: the same cell holds the same figure every month, whatever the data.\n\n");
    s.append("| cell | holds |\n|---|---|\n");
    s.append("| B2 | practice code |\n| B3 | practice name |\n| B4, C4 | locality code, name |\n");
    s.append("| B5 | month (YYYY-MM) |\n| B6 | audience |\n| B7 | data extract date |\n");
    s.append("| B8 | rules version |\n| B9 | report id |\n| B10 | layout version |\n");
    s.append("| B11 | SHA-256 of the `Data` sheet (also on sheet `Checksum`, B2) |\n");
    s.append("| G2… | validation warnings, one per row |\n\n");
    s.append(
        "Rows from 14: `A` label, `B` measure id, `C` key, `D` value, `E` locality value (before/after, practices with fewer than 10 patients). ");
    s.append(
        "Sheet `Quarter`: the same rows; `D`–`F` the three months (headed in words, \"July 2026\"), `G` the quarter, `H` how the quarter figure is made. ");
    s.append(
        "The regression lines (`bar_*`, after every other line) hold the practice's own before/after regression, one line per coefficient and column (key `<term>/<column>`); "
            + "they are empty for a practice with fewer than 30 cohort patients, whose notes point to the locality summary's regression.\n\n");
    s.append("| value cell | measure id | key | quarter |\n|---|---|---|---|\n");
    for (Line l : LINES) {
      if (l.isHeading()) {
        s.append("| | **").append(l.label()).append("** | | |\n");
      } else {
        s.append("| ")
            .append(l.valueCell())
            .append(" | `")
            .append(l.measureId())
            .append("` | ")
            .append(l.key().isEmpty() ? "" : "`" + l.key() + "`")
            .append(" | ")
            .append(quarterWords(l))
            .append(" |\n");
      }
    }
    s.append(
        "\nBelow the last row: the report's notes, then its data-quality counts (variable length, so last).\n");
    s.append("\n## Other sheets\n\n");
    s.append(
        "- `Caseloads`: one row per case manager holding any register patient of the practice (grows with the data): ");
    s.append(
        "case_manager_id, name, role, WTE, practice caseload, caseload at all practices, caseload per WTE (empty when WTE is empty or 0), ");
    s.append(
        "very high risk share (%), flags (`ABOVE_MANAGEABLE`, `UNSUSTAINABLE`, `HIGH_RISK_SHARE`).\n");
    s.append(
        "- `Data`: header `practice_code, month, measure, key, value`, then one row per measure id and key — the same rows as the warehouse CSV ");
    s.append(
        "(a table gives one row per cell with key `<first cell>/<column>`). Numbers are numeric cells at full precision; a value that cannot be computed is an empty cell.\n");
    s.append(
        "- `Checksum`: `B2` the SHA-256 (lower-case hex) of the canonical text of the `Data` sheet: the header line, then one line per row, ");
    s.append(
        "the five fields joined by TAB and ended by LF, UTF-8; numbers as the shortest plain decimal without trailing zeros (`5`, `0.5`); empty cells as nothing; ");
    s.append(
        "`\\`, TAB, CR, LF in text escaped as `\\\\`, `\\t`, `\\r`, `\\n`. A collation recomputes it and refuses a file whose `Data` sheet was edited. ");
    s.append(
        "`B6` the id of the key that signed it and `B7` the Ed25519 signature (Base64) of `ltc-return-data <B2>` by the generating installation's key: ");
    s.append(
        "a checksum can be recomputed by anyone, the signature only by the key's holder, so a collation refuses a file whose signature does not hold or whose key it does not trust.\n");
    s.append("\n## Quarter\n\n");
    s.append(
        "Counts of events in a month are summed; states on the last day (register, care plans) are the quarter's last month; list sizes on the first day are its first month; ");
    s.append(
        "rates are recomputed from the three months' summed numerators and denominators, never averaged ");
    s.append(
        "(`contacts_per_register_patient` for the quarter is Σ contacts / Σ month-end register sizes: contacts per register patient per month). ");
    s.append(
        "The before/after figures are those of the quarter's last month (each month's evaluation already covers a 12-month cohort).\n");
    return s.toString();
  }

  /** How a line's quarter figure is made, in words. */
  public static String quarterWords(Line l) {
    if (l.aggregation() == Aggregation.RATIO) {
      return (l.factor() == 100 ? "100 × " : "")
          + "Σ "
          + l.numeratorId()
          + " / Σ "
          + l.denominatorId()
          + " over the three months";
    }
    if (l.measureId() != null && l.measureId().startsWith("ba_")) {
      return "the quarter's last month (its 12-month cohort)";
    }
    if (l.measureId() != null && l.measureId().startsWith("eol_")) {
      return "the quarter's last month (deaths in its 12 months)";
    }
    if (l.measureId() != null && l.measureId().startsWith("bar_")) {
      return "the quarter's last month (its 12-month cohort)";
    }
    return l.aggregation().words();
  }
}
