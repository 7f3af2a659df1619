package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.Report;

/**
 * Case managers are staff, not the public's business by name: a PUBLIC copy numbers the rows of the
 * caseload table and of the community team report's case manager table ("Case manager 1") and
 * leaves the name out. The row without a named case manager keeps its words. Withheld cells of a
 * row are renamed with it, so the JSON's {@code suppressed} list still points at the right row.
 *
 * <p>In a pack the numbers are the pack's ({@link #acrossPack}: by case manager id), so "Case
 * manager 2" is one person in every return and the team report; a report made on its own numbers
 * its rows in order.
 */
final class CaseManagerNames {
  /** The tables that name case managers: the return's caseloads, the team report's rows. */
  static final List<String> TABLES = List.of("caseloads", "team_case_managers");

  /** The row of contacts with no case manager named; it keeps its words. */
  private static final String UNNAMED = "No named case manager";

  record Result(Map<String, MeasureValue> measures, List<String> suppressed, boolean renamed) {}

  /** A case manager's number: given their id and their row's position among the named rows. */
  @FunctionalInterface
  interface Numbering {
    int of(String caseManagerId, int positionInTable);
  }

  private CaseManagerNames() {}

  /** Rows numbered in the table's order (a report made on its own). */
  static Numbering inTableOrder() {
    return (id, position) -> position;
  }

  /** Every case manager of the pack's tables numbered once, in the order of their ids. */
  static Numbering acrossPack(List<Report> reports) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    for (Report r : reports) {
      for (String table : TABLES) {
        if (r.measure(table) instanceof Table t
            && indexOf(t, "case_manager_id") >= 0
            && indexOf(t, "display_name") >= 0) {
          int id = indexOf(t, "case_manager_id");
          int name = indexOf(t, "display_name");
          for (List<Object> row : t.rows()) {
            if (row.get(id) != null && !UNNAMED.equals(row.get(name))) {
              ids.add(row.get(id).toString());
            }
          }
        }
      }
    }
    List<String> ordered = new ArrayList<>(ids);
    return (id, position) -> ordered.indexOf(id) + 1;
  }

  static Result withdraw(
      Map<String, MeasureValue> measures, List<String> suppressed, Numbering numbering) {
    Result r = new Result(measures, suppressed, false);
    for (String table : TABLES) {
      Result next = withdraw(table, r.measures(), r.suppressed(), numbering);
      r = new Result(next.measures(), next.suppressed(), r.renamed() || next.renamed());
    }
    return r;
  }

  private static Result withdraw(
      String table,
      Map<String, MeasureValue> measures,
      List<String> suppressed,
      Numbering numbering) {
    if (!(measures.get(table) instanceof Table t) || t.rows().isEmpty()) {
      return new Result(measures, suppressed, false);
    }
    int id = indexOf(t, "case_manager_id");
    int name = indexOf(t, "display_name");
    if (name < 0) {
      return new Result(measures, suppressed, false);
    }
    Map<String, String> newIds = new LinkedHashMap<>();
    List<List<Object>> rows = new ArrayList<>();
    int n = 0;
    for (List<Object> row : t.rows()) {
      List<Object> r = new ArrayList<>(row);
      boolean unnamed = UNNAMED.equals(row.get(name));
      if (!unnamed) {
        n++;
        r.set(name, null);
      }
      if (id >= 0) {
        String old = String.valueOf(row.get(id));
        String renamed = unnamed ? old : "Case manager " + numbering.of(old, n);
        newIds.put(old, renamed);
        r.set(id, renamed);
      }
      rows.add(r);
    }
    Map<String, MeasureValue> out = new LinkedHashMap<>(measures);
    out.put(table, new Table(t.columns(), rows));
    List<String> ids = new ArrayList<>();
    for (String s : suppressed) {
      String renamed = s;
      for (Map.Entry<String, String> e : newIds.entrySet()) {
        String prefix = table + "/" + e.getKey() + "/";
        if (s.startsWith(prefix)) {
          renamed = table + "/" + e.getValue() + "/" + s.substring(prefix.length());
        }
      }
      ids.add(renamed);
    }
    return new Result(out, ids, n > 0);
  }

  private static int indexOf(Table t, String column) {
    for (int i = 0; i < t.columns().size(); i++) {
      if (t.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
