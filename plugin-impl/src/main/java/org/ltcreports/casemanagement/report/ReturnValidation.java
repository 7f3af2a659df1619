package org.ltcreports.casemanagement.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.measures.MeasureSettings;

/**
 * The checks a return gets before submission (governance.md "The return lifecycle"), each a warning
 * the submitter must acknowledge, shown on the return's {@code Return} sheet:
 *
 * <ul>
 *   <li>{@code REGISTER_BELOW_TARGET}: {@code register_below_target} is {@code YES};
 *   <li>{@code CASELOAD_ABOVE_MANAGEABLE}, {@code CASELOAD_UNSUSTAINABLE}, {@code HIGH_RISK_SHARE}:
 *       one per case manager row carrying that flag;
 *   <li>{@code DATA_QUALITY/<kind>}: one per data-quality kind whose count for the practice and
 *       month is above the threshold (default 0: any issue warns).
 * </ul>
 *
 * Warnings are worded for the reader and ordered as above, so the same return always lists the same
 * warnings in the same order.
 */
public final class ReturnValidation {
  /** One warning: a stable code (for acknowledging) and a sentence. */
  public record Warning(String code, String message) {}

  private final MeasureSettings settings;
  private final long dataQualityThreshold;

  public ReturnValidation(MeasureSettings settings, long dataQualityThreshold) {
    this.settings = settings;
    this.dataQualityThreshold = dataQualityThreshold;
  }

  public static ReturnValidation defaults() {
    return new ReturnValidation(MeasureSettings.defaults(), 0);
  }

  public List<Warning> check(Report r) {
    List<Warning> out = new ArrayList<>();
    if (r.audience() == Audience.PUBLIC) {
      // warnings are for the practice and the commissioner; a published copy carries none (their
      // words would print figures the copy withholds)
      return out;
    }
    if (r.measure("register_below_target") instanceof MeasureValue.Text t
        && "YES".equals(t.value())) {
      Number pct = r.number("register_pct_adult_list");
      out.add(
          new Warning(
              "REGISTER_BELOW_TARGET",
              String.format(
                  Locale.UK,
                  "The register is %.1f%% of adult patients, below the target of %.1f%%.",
                  pct == null ? 0.0 : pct.doubleValue(),
                  settings.registerTargetPct())));
    }
    if (r.measure("caseloads") instanceof MeasureValue.Table t) {
      int id = t.columnIndex("case_manager_id");
      int name = t.columnIndex("display_name");
      int total = t.columnIndex("total_caseload");
      int high = t.columnIndex("high_risk_pct");
      int flags = t.columnIndex("flags");
      for (List<Object> row : t.rows()) {
        String f = row.get(flags) == null ? "" : row.get(flags).toString();
        String who =
            row.get(name) == null
                ? String.valueOf(row.get(id))
                : row.get(name) + " (" + row.get(id) + ")";
        if (f.contains("ABOVE_MANAGEABLE") && !f.contains("UNSUSTAINABLE")) {
          out.add(
              new Warning(
                  "CASELOAD_ABOVE_MANAGEABLE",
                  who
                      + ": caseload of "
                      + row.get(total)
                      + " is above the manageable "
                      + settings.caseloadManageable()
                      + "."));
        }
        if (f.contains("UNSUSTAINABLE")) {
          out.add(
              new Warning(
                  "CASELOAD_UNSUSTAINABLE",
                  who
                      + ": caseload of "
                      + row.get(total)
                      + " is above the sustainable "
                      + settings.caseloadUnsustainable()
                      + "."));
        }
        if (f.contains("HIGH_RISK_SHARE")) {
          Object pct = row.get(high);
          out.add(
              new Warning(
                  "HIGH_RISK_SHARE",
                  String.format(
                      Locale.UK,
                      "%s: %.1f%% of the caseload is very high risk, above %.1f%%.",
                      who,
                      pct instanceof Number n ? n.doubleValue() : 0.0,
                      settings.highRiskSharePct())));
        }
      }
    }
    for (Map.Entry<String, Long> e : r.dataQuality().entrySet()) {
      if (e.getValue() != null && e.getValue() > dataQualityThreshold) {
        String words = e.getKey();
        for (DataQualityKind k : DataQualityKind.values()) {
          if (k.key().equals(e.getKey())) {
            words = k.description();
          }
        }
        out.add(
            new Warning(
                "DATA_QUALITY/" + e.getKey(),
                "Data quality: " + e.getValue() + " × " + words + "."));
      }
    }
    return out;
  }
}
