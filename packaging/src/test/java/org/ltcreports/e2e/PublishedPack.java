package org.ltcreports.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ltcreports.api.report.MeasureCatalogue;
import org.ltcreports.api.report.MeasureDefinition;
import org.ltcreports.api.report.ValueKind;

/**
 * What a reader can read out of a folder of published reports, by machine, without the program:
 * every figure of every JSON, CSV and XLSX file as a named cell of the pack, with the precision it
 * was printed at. Cell names put the same fact of two reports under one name: a practice's measure
 * {@code K83001:ea_count} is the same cell in its own feedback report and in its row of the
 * locality summary; a funnel point {@code funnel/K83001/observed} is the same in every report that
 * draws it; a return's measures are {@code K83001:ret:register_size}.
 */
final class PublishedPack {

  /** One printed figure of a cell: its value and half the step of the last digit printed. */
  record Reading(String source, BigDecimal value, BigDecimal halfStep) {}

  /** Every printed figure, by cell. */
  final Map<String, List<Reading>> readings = new LinkedHashMap<>();

  /** Cells a report marks as withheld (in its {@code suppressed} list). */
  final Set<String> hidden = new LinkedHashSet<>();

  /** Cells whose figure is a count of people or events (suppressed 1-7, rounded otherwise). */
  final Set<String> counts = new LinkedHashSet<>();

  /** Cells that are printed as text (significance, flags). */
  final Map<String, String> texts = new LinkedHashMap<>();

  /** The months of each practice's monthly series, oldest first. */
  final Map<String, List<String>> seriesMonths = new LinkedHashMap<>();

  /** Practices of each locality. */
  final Map<String, List<String>> practicesOf = new LinkedHashMap<>();

  /** Row keys of each practice's caseload table (case manager ids, as printed). */
  final Map<String, List<String>> caseloadRows = new LinkedHashMap<>();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Count columns of the tables (the table's column kinds are not in the JSON). */
  private static final Set<String> COUNT_COLUMNS =
      Set.of(
          "ea_count",
          "list_size",
          "ea_count_12m",
          "acsc_count_12m",
          "observed",
          "practice_caseload",
          "total_caseload",
          "patients");

  static PublishedPack read(Path monthDir, String audience) throws IOException {
    PublishedPack p = new PublishedPack();
    List<Path> files;
    try (var s = Files.list(monthDir)) {
      files =
          s.filter(f -> f.getFileName().toString().contains("-" + audience + "."))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".json")) {
        p.json(f);
      }
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".csv")) {
        p.csv(f);
      } else if (name.endsWith(".xlsx") && !name.contains("collation")) {
        p.xlsx(f);
      }
    }
    return p;
  }

  /**
   * The scope prefix of a report's cells: {@code K83001:} or {@code K83001:ret:} or {@code L01:}.
   */
  private static String prefix(String reportSlug, String scope) {
    return reportSlug.equals("case-management-return") ? scope + ":ret:" : scope + ":";
  }

  /**
   * The pack-wide name of a report's cell {@code id} (a measure id, {@code id/key} or table cell).
   */
  static String cellName(String reportSlug, String scope, String id) {
    String[] parts = id.split("/", -1);
    if (parts.length == 3 && parts[0].equals("ea_funnel")) {
      return "funnel/" + parts[1] + "/" + parts[2];
    }
    if (parts.length == 3 && parts[0].equals("practices")) {
      return parts[1] + ":" + parts[2];
    }
    return prefix(reportSlug, scope) + id;
  }

  private void json(Path f) throws IOException {
    JsonNode doc = JSON.readTree(f.toFile());
    String slug = doc.get("report").asText();
    String scope =
        doc.get("practice").isNull() ? doc.get("locality").asText() : doc.get("practice").asText();
    String source = f.getFileName().toString();
    for (JsonNode s : doc.get("suppressed")) {
      hidden.add(cellName(slug, scope, s.asText()));
    }
    Iterator<Map.Entry<String, JsonNode>> it = doc.get("measures").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = e.getKey();
      JsonNode v = e.getValue();
      ValueKind kind =
          MeasureCatalogue.find(id).map(MeasureDefinition::kind).orElse(ValueKind.DECIMAL);
      if (v.isArray()) {
        for (JsonNode row : v) {
          Iterator<Map.Entry<String, JsonNode>> cols = row.fields();
          String key = cols.next().getValue().asText();
          if (id.equals("ea_series")) {
            seriesMonths.computeIfAbsent(scope, k -> new ArrayList<>()).add(key);
          }
          if (id.equals("practices")) {
            practicesOf.computeIfAbsent(scope, k -> new ArrayList<>()).add(key);
          }
          if (id.equals("caseloads")) {
            caseloadRows.computeIfAbsent(scope, k -> new ArrayList<>()).add(key);
          }
          while (cols.hasNext()) {
            Map.Entry<String, JsonNode> c = cols.next();
            String cell = cellName(slug, scope, id + "/" + key + "/" + c.getKey());
            if (COUNT_COLUMNS.contains(c.getKey())) {
              counts.add(cell);
            }
            add(cell, source, c.getValue());
          }
        }
      } else if (v.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> keys = v.fields();
        while (keys.hasNext()) {
          Map.Entry<String, JsonNode> k = keys.next();
          String cell = cellName(slug, scope, id + "/" + k.getKey());
          if (kind == ValueKind.COUNT) {
            counts.add(cell);
          }
          add(cell, source, k.getValue());
        }
      } else {
        String cell = cellName(slug, scope, id);
        if (kind == ValueKind.COUNT) {
          counts.add(cell);
        }
        add(cell, source, v);
      }
    }
  }

  private void add(String cell, String source, JsonNode v) {
    if (v == null || v.isNull()) {
      return;
    }
    if (v.isNumber()) {
      addNumber(cell, source, v.asText());
    } else if (v.isTextual()) {
      texts.put(cell, v.asText());
    }
  }

  private void addNumber(String cell, String source, String printed) {
    BigDecimal value;
    try {
      value = new BigDecimal(printed.trim());
    } catch (NumberFormatException e) {
      return;
    }
    int scale = Math.max(0, value.scale());
    BigDecimal half = BigDecimal.ONE.movePointLeft(scale).divide(BigDecimal.valueOf(2));
    readings.computeIfAbsent(cell, k -> new ArrayList<>()).add(new Reading(source, value, half));
  }

  private void csv(Path f) throws IOException {
    String name = f.getFileName().toString();
    String slug =
        name.contains("case-management-return")
            ? "case-management-return"
            : name.contains("locality-feedback") ? "locality-feedback" : "practice-feedback";
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String scope = rec.get("practice_code");
        String id = rec.get("measure");
        String key = rec.get("key");
        String value = rec.get("value");
        if (value.isEmpty()) {
          continue;
        }
        String cellId = key.isEmpty() ? id : id + "/" + key;
        String cell = cellName(slug, scope, cellId);
        if (readings.containsKey(cell) || counts.contains(cell)) {
          addNumber(cell, name, value);
        }
      }
    }
  }

  /**
   * The section sheets name each measure in a column headed "Measure id"; the table sheets have the
   * JSON table's columns in order, keyed by their first column. A number cell is read at the
   * precision the file stores (what a reader who widens the column sees).
   */
  private void xlsx(Path f) throws IOException {
    String name = f.getFileName().toString();
    String slug =
        name.contains("case-management-return")
            ? "case-management-return"
            : name.contains("locality-feedback") ? "locality-feedback" : "practice-feedback";
    String scope = name.substring(0, name.indexOf('-'));
    try (InputStream in = Files.newInputStream(f);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (Sheet sheet : wb) {
        Row header = sheet.getRow(0);
        if (header == null) {
          continue;
        }
        int idCol = -1;
        for (Cell c : header) {
          if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals("Measure id")) {
            idCol = c.getColumnIndex();
          }
        }
        for (Row row : sheet) {
          if (row.getRowNum() == 0) {
            continue;
          }
          if (idCol >= 0) {
            Cell id = row.getCell(idCol);
            Cell value = row.getCell(1);
            if (id != null
                && id.getCellType() == CellType.STRING
                && value != null
                && value.getCellType() == CellType.NUMERIC) {
              String cell = cellName(slug, scope, id.getStringCellValue());
              addNumber(cell, name, BigDecimal.valueOf(value.getNumericCellValue()).toString());
            }
          }
        }
      }
    }
  }
}
