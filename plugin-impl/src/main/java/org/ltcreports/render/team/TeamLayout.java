package org.ltcreports.render.team;

import java.util.ArrayList;
import java.util.List;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.report.ValueKind;
import org.ltcreports.casemanagement.report.TeamReportBuilder;
import org.ltcreports.render.Display;
import org.ltcreports.render.DocumentTitle;
import org.ltcreports.render.Wording;
import org.ltcreports.render.returns.ReturnLayout;

/**
 * What every format of the community team report shows and in which order (one layout for PDF, XLSX
 * and the page): the team's lines with the same month last year, its breakdowns, then each case
 * manager. Words for codes come from {@link Wording} and {@link ReturnLayout#keyWords}.
 */
public final class TeamLayout {
  /** The version of this fixed layout (printed in the footer; a change of layout is a new one). */
  static final String VERSION = "team-1";

  /** The team's lines, in order: measure ids whose this-month value is a measure of the report. */
  public static final List<String> TOTALS =
      List.of(
          "team_caseload",
          "team_wte",
          "team_caseload_per_wte",
          "referrals_received",
          "episodes_started",
          "contacts_attended",
          "contacts_not_attended",
          "contact_minutes",
          "hospital_discharges_register",
          "followed_up_3wd",
          "followed_up_3wd_pct",
          "discharges",
          "register_ea_count",
          "register_bed_days",
          "in_hospital_now",
          "in_hospital_beyond_trim_point");

  /** The team's breakdowns, each with its heading. */
  static final List<List<String>> BREAKDOWNS =
      List.of(
          List.of("referrals_by_source", "Referrals by source"),
          List.of("contacts_by_type", "Contacts that took place, by type"),
          List.of("contacts_by_mechanism", "Contacts that took place, by mechanism"),
          List.of("discharges_by_reason", "Discharges from case management, by reason"));

  private TeamLayout() {}

  static void check(Report r) {
    if (r.type() != ReportType.COMMUNITY_TEAM) {
      throw new IllegalArgumentException("not a community team report: " + r.type().slug());
    }
  }

  public static String title(Report r) {
    return "Community team activity";
  }

  /** "Community team activity: Northfield team (L01-T1)": the files' titles, with the month. */
  public static String heading(Report r) {
    return DocumentTitle.whose(title(r), r.localityName(), r.localityCode());
  }

  /** "Northfield team (L01-T1) · November 2026". */
  public static String subtitle(Report r) {
    String name = r.localityName() == null ? r.localityCode() : r.localityName();
    return name + " (" + r.localityCode() + ") · " + Display.month(r.month());
  }

  /** The label a reader sees for a line (the catalogue's words). */
  public static String label(String id) {
    return Display.label(id);
  }

  /** This month's value of a team line as shown ({@code *} withheld, {@code –} not computable). */
  public static String thisMonth(Report r, String id) {
    String v = Display.value(r, id);
    return v == null ? Display.NOT_AVAILABLE : v;
  }

  /** The same month last year of a team line, as a number; null when withheld or not there. */
  static Number lastYear(Report r, String id) {
    if (r.measure(TeamReportBuilder.LAST_YEAR) instanceof MeasureValue.Table t) {
      int idCol = t.columnIndex("measure_id");
      int value = t.columnIndex("last_year");
      for (List<Object> row : t.rows()) {
        if (id.equals(row.get(idCol))) {
          return (Number) row.get(value);
        }
      }
    }
    return null;
  }

  /** Whether the team line has a last-year figure at all (counts only). */
  static boolean hasLastYear(Report r, String id) {
    if (r.measure(TeamReportBuilder.LAST_YEAR) instanceof MeasureValue.Table t) {
      int idCol = t.columnIndex("measure_id");
      return t.rows().stream().anyMatch(row -> id.equals(row.get(idCol)));
    }
    return false;
  }

  /** The same month last year as shown. */
  public static String lastYearShown(Report r, String id) {
    if (!hasLastYear(r, id)) {
      return "";
    }
    Number n = lastYear(r, id);
    if (n == null) {
      return Display.isSuppressed(r, TeamReportBuilder.LAST_YEAR + "/" + id + "/last_year")
          ? Display.SUPPRESSED
          : Display.NOT_AVAILABLE;
    }
    return Display.number(n, ValueKind.COUNT);
  }

  /** A breakdown key in words. */
  static String keyWords(String key) {
    String words = ReturnLayout.keyWords(key);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A case manager's name as shown: the name, or the id a PUBLIC copy numbers them by. */
  public static String name(MeasureValue.Table t, List<Object> row) {
    Object name = row.get(t.columnIndex("display_name"));
    return name != null ? name.toString() : String.valueOf(row.get(0));
  }

  /** A cell of a table as a person reads it: a code in words, a number formatted, * withheld. */
  public static String cell(
      Report r, String tableId, MeasureValue.Table t, List<Object> row, String col) {
    int c = t.columnIndex(col);
    Object v = row.get(c);
    ValueKind kind = t.columns().get(c).kind();
    if (Display.withheld(r, tableId, t, indexOf(t, row), col)) {
      return Display.SUPPRESSED;
    }
    if (v == null) {
      return col.equals("flags") ? "" : Display.NOT_AVAILABLE;
    }
    if (v instanceof Number n) {
      return kind == ValueKind.PERCENT ? Display.percent(n) : Display.number(n, kind);
    }
    return Wording.cell(col, v.toString());
  }

  /** The position of one of the table's own rows (the same list, not an equal one). */
  private static int indexOf(MeasureValue.Table t, List<Object> row) {
    for (int i = 0; i < t.rows().size(); i++) {
      if (t.rows().get(i) == row) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a row of this table");
  }

  /** The rows of a case manager in a long table ({@code team_caseload_by_practice} etc.). */
  static List<List<Object>> rowsOf(MeasureValue.Table t, String caseManagerId) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      if (caseManagerId.equals(row.get(0))) {
        out.add(row);
      }
    }
    return out;
  }
}
