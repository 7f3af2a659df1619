package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Column;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.ValueKind;

/**
 * The step every non-practice copy goes through: patient-level measures and patient identifiers are
 * removed outright (not blanked), so that no renderer can print them by mistake.
 */
final class PatientLevelRemoval {

  /** The measures left, and what was taken out (measure ids, and {@code id/column}). */
  record Result(Map<String, MeasureValue> measures, List<String> removed) {}

  private PatientLevelRemoval() {}

  static Result apply(Map<String, MeasureValue> measures) {
    Map<String, MeasureValue> kept = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, MeasureValue> e : measures.entrySet()) {
      String id = e.getKey();
      MeasureDefinition def = definition(id);
      if (def.patientLevel() || def.kind() == ValueKind.IDENTIFIER) {
        removed.add(id);
        continue;
      }
      MeasureValue value = e.getValue();
      if (value instanceof Table table) {
        value = withoutIdentifierColumns(id, table, removed);
      }
      kept.put(id, value);
    }
    return new Result(kept, removed);
  }

  /**
   * The catalogue is the closed list of what may appear in a report; an id outside it cannot be
   * classified, so it fails closed rather than risk publishing a patient-level list.
   */
  static MeasureDefinition definition(String id) {
    return MeasureCatalogue.find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "measure '"
                        + id
                        + "' is not in the MeasureCatalogue, so disclosure control cannot tell"
                        + " whether it is patient-level: add it to the catalogue first"));
  }

  private static Table withoutIdentifierColumns(String id, Table table, List<String> removed) {
    List<Integer> keep = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      Column c = table.columns().get(i);
      if (c.kind() == ValueKind.IDENTIFIER) {
        removed.add(id + "/" + c.name());
      } else {
        keep.add(i);
        columns.add(c);
      }
    }
    if (keep.size() == table.columns().size()) {
      return table;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      List<Object> r = new ArrayList<>(keep.size());
      for (int i : keep) {
        r.add(row.get(i));
      }
      rows.add(r);
    }
    return new Table(columns, rows);
  }
}
