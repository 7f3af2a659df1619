package org.ltcreports.render.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltcreports.api.report.DataQualityIssue;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.MeasureValue;
import org.ltcreports.api.report.Report;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.render.ReportRenderer;

/**
 * The measure data format of outputs.md: one JSON document per report, measure ids as keys, full
 * precision, {@code null} for what cannot be computed, maps as maps, tables as arrays of objects.
 * Key order is the report's order, so the bytes are the same every time.
 */
public final class JsonRenderer implements ReportRenderer {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  @Override
  public Format format() {
    return Format.JSON;
  }

  @Override
  public Set<ReportType> types() {
    return EnumSet.allOf(ReportType.class);
  }

  @Override
  public void render(Report report, OutputStream out) throws IOException {
    MAPPER.writeValue(out, document(report));
    out.write('\n');
  }

  /** The document as plain maps and lists (also used to compare versions of a report). */
  public static Map<String, Object> document(Report r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("report", r.type().slug());
    doc.put("report_id", r.reportId());
    doc.put("practice", r.practiceCode());
    doc.put("practice_name", r.practiceName());
    doc.put("locality", r.localityCode());
    doc.put("locality_name", r.localityName());
    doc.put("month", r.month().toString());
    doc.put("audience", r.audience().name());
    doc.put("rules_version", r.rulesVersion());
    doc.put("disclosure_policy", r.disclosurePolicyVersion());
    doc.put("generated_from", Map.of("extract_date", String.valueOf(r.extractDate())));
    Map<String, Object> measures = new LinkedHashMap<>();
    r.measures().forEach((id, v) -> measures.put(id, value(v)));
    doc.put("measures", measures);
    doc.put("suppressed", r.suppressed());
    doc.put("data_quality", r.dataQuality());
    if (!r.dataQualityIssues().isEmpty()) {
      doc.put(
          "data_quality_issues", r.dataQualityIssues().stream().map(JsonRenderer::issue).toList());
    }
    doc.put("notes", r.notes());
    return doc;
  }

  static Object value(MeasureValue v) {
    if (v instanceof MeasureValue.Num n) {
      return n.value();
    }
    if (v instanceof MeasureValue.Text t) {
      return t.value();
    }
    if (v instanceof MeasureValue.Breakdown b) {
      return b.values();
    }
    MeasureValue.Table t = (MeasureValue.Table) v;
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (List<Object> row : t.rows()) {
      Map<String, Object> obj = new LinkedHashMap<>();
      for (int i = 0; i < t.columns().size(); i++) {
        obj.put(t.columns().get(i).name(), row.get(i));
      }
      rows.add(obj);
    }
    return rows;
  }

  private static Map<String, Object> issue(DataQualityIssue i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", i.kind().key());
    m.put("table", i.table());
    m.put("id", i.rowId());
    m.put("detail", i.detail());
    return m;
  }
}
