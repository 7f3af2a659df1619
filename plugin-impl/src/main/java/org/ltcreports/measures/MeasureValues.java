package org.ltcreports.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureValue;

/**
 * The measures of one report in the order they were added. Ids must be in {@link MeasureCatalogue},
 * so a typo cannot create a figure nobody defined.
 */
public final class MeasureValues {
  private final Map<String, MeasureValue> values = new LinkedHashMap<>();
  private final List<String> notes = new java.util.ArrayList<>();

  public MeasureValues count(String id, long value) {
    return put(id, MeasureValue.Num.of(value));
  }

  /** A number that may be null ("cannot be computed"). */
  public MeasureValues number(String id, Number value) {
    return put(id, new MeasureValue.Num(value));
  }

  public MeasureValues text(String id, String value) {
    return put(id, new MeasureValue.Text(value));
  }

  public MeasureValues put(String id, MeasureValue value) {
    MeasureCatalogue.get(id);
    values.put(id, value);
    return this;
  }

  public MeasureValues note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
    return this;
  }

  public Map<String, MeasureValue> values() {
    return values;
  }

  public List<String> notes() {
    return notes;
  }

  /** A copy to add to without changing this one: the same values and notes, in the same order. */
  public MeasureValues copy() {
    MeasureValues copy = new MeasureValues();
    copy.values.putAll(values);
    copy.notes.addAll(notes);
    return copy;
  }

  public Number number(String id) {
    return values.get(id) instanceof MeasureValue.Num n ? n.value() : null;
  }
}
