package org.ltcreports.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.MeasureValue.Breakdown;
import org.ltcreports.api.report.MeasureValue.Table;
import org.ltcreports.api.report.MeasureValue.Text;

/**
 * A last check on every COMMISSIONER and PUBLIC copy: no text in it (text measures, table cells,
 * breakdown keys, notes) may hold a valid NHS number (10 digits, optionally spaced 3-3-4, passing
 * the Modulus 11 check). Column kinds are declared by whoever builds a report; this catches an
 * identifier put in a TEXT column by mistake. The finding names where, never the number.
 */
final class NhsNumberScan {
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<!\\d)(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?!\\d)");

  private NhsNumberScan() {}

  /** Where the first NHS number is, e.g. {@code caseloads/row 2/display_name}, if any. */
  static Optional<String> find(Map<String, MeasureValue> measures, List<String> notes) {
    for (Map.Entry<String, MeasureValue> e : measures.entrySet()) {
      String id = e.getKey();
      MeasureValue v = e.getValue();
      if (v instanceof Text t && holdsNhsNumber(t.value())) {
        return Optional.of(id);
      }
      if (v instanceof Breakdown b) {
        for (String key : b.values().keySet()) {
          if (holdsNhsNumber(key)) {
            return Optional.of(id + " (a breakdown key)");
          }
        }
      }
      if (v instanceof Table t) {
        for (int r = 0; r < t.rows().size(); r++) {
          List<Object> row = t.rows().get(r);
          for (int c = 0; c < row.size(); c++) {
            if (row.get(c) instanceof String s && holdsNhsNumber(s)) {
              return Optional.of(id + "/row " + r + "/" + t.columns().get(c).name());
            }
          }
        }
      }
    }
    for (int i = 0; i < notes.size(); i++) {
      if (holdsNhsNumber(notes.get(i))) {
        return Optional.of("note " + (i + 1));
      }
    }
    return Optional.empty();
  }

  static boolean holdsNhsNumber(String text) {
    if (text == null) {
      return false;
    }
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      if (validNhsNumber(m.group(1) + m.group(2) + m.group(3))) {
        return true;
      }
    }
    return false;
  }

  /** The NHS number Modulus 11 check: weights 10..2 on the first nine digits. */
  static boolean validNhsNumber(String digits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
