package org.ltcreports.render.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.render.Block;
import org.ltcreports.render.Block.Section;

/**
 * Turns the report's sections into the rows the JasperReports templates print: one map per printed
 * line, whose {@code kind} selects the detail band (see the comment at the top of the templates).
 */
final class JasperRows {
  private JasperRows() {}

  /**
   * @param gridColumns how many table columns the template has room for
   * @param idPrefix makes chart ids unique and stable within the report
   */
  static List<Map<String, Object>> of(List<Section> sections, int gridColumns, String idPrefix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int chart = 0;
    for (Section s : sections) {
      if (s.startsPage() && !rows.isEmpty()) {
        // a row of its own, outside any titled section, so the next title prints on the new page
        Map<String, Object> r = row("BREAK");
        r.put("sectionKey", s.key() + "/page");
        rows.add(r);
      }
      for (Block b : s.blocks()) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (b instanceof Block.Tiles t) {
          Map<String, Object> r = row("TILES");
          for (int i = 0; i < Math.min(4, t.tiles().size()); i++) {
            Block.Tile tile = t.tiles().get(i);
            String p = "t" + (i + 1);
            r.put(p + "Title", tile.title());
            r.put(p + "Value", tile.value());
            r.put(p + "Unit", tile.unit());
            r.put(p + "Detail", tile.detail());
            r.put(p + "Trend", tile.trend());
          }
          out.add(r);
          out.add(row("SPACER"));
        } else if (b instanceof Block.Rows rs) {
          for (Block.Row row : rs.rows()) {
            Map<String, Object> r = row("ROW");
            r.put("label", row.label());
            r.put("value", row.value());
            r.put("comment", row.comment());
            out.add(r);
          }
          out.add(row("SPACER"));
        } else if (b instanceof Block.SpcChart c) {
          Map<String, Object> r = row("CHART");
          r.put("chart", new ChartRenderable(idPrefix + "/chart/" + chart++, Charts.spc(c.data())));
          r.put("chartAlt", c.title() + ". " + c.description());
          out.add(r);
        } else if (b instanceof Block.FunnelChart c) {
          Map<String, Object> r = row("CHART");
          r.put(
              "chart",
              new ChartRenderable(
                  idPrefix + "/chart/" + chart++, Charts.funnel(c.data(), c.labelPoints())));
          r.put("chartAlt", c.title() + ". " + c.description());
          out.add(r);
        } else if (b instanceof Block.Grid g) {
          out.addAll(grid(g, gridColumns));
        } else if (b instanceof Block.Paragraph p) {
          out.add(text("TEXT", p.text()));
        } else if (b instanceof Block.SmallPrint p) {
          out.add(text("SMALL", p.text()));
        } else if (b instanceof Block.Definitions d) {
          for (Block.Definition def : d.items()) {
            Map<String, Object> r = row("DEF");
            r.put("label", def.term());
            r.put("text", def.meaning());
            out.add(r);
          }
        }
        for (Map<String, Object> r : out) {
          r.put("sectionKey", s.key());
          // the group header prints the title once, from the first row of the section
          r.put("sectionTitle", s.title());
        }
        rows.addAll(out);
      }
    }
    return rows;
  }

  private static List<Map<String, Object>> grid(Block.Grid g, int columns) {
    List<Map<String, Object>> out = new ArrayList<>();
    int shown = Math.min(columns, g.headers().size());
    // a narrow table (the practice beside the locality) has room for a wide first column
    boolean narrow = g.headers().size() <= 4 && columns > 4;
    String headKind = narrow ? "GRID4_HEAD" : "GRID_HEAD";
    String rowKind = narrow ? "GRID4_ROW" : "GRID_ROW";
    Map<String, Object> head = row(headKind);
    for (int i = 0; i < shown; i++) {
      head.put("c" + (i + 1), g.headers().get(i));
    }
    out.add(head);
    for (List<String> cells : g.rows()) {
      Map<String, Object> r = row(rowKind);
      for (int i = 0; i < Math.min(shown, cells.size()); i++) {
        r.put("c" + (i + 1), cells.get(i));
      }
      out.add(r);
    }
    if (g.headers().size() > shown) {
      out.add(
          text(
              "SMALL",
              "Only the first "
                  + shown
                  + " of "
                  + g.headers().size()
                  + " columns fit on the page; the spreadsheet version has them all."));
    }
    out.add(row("SPACER"));
    return out;
  }

  private static Map<String, Object> text(String kind, String text) {
    Map<String, Object> r = row(kind);
    r.put("text", text);
    return r;
  }

  private static Map<String, Object> row(String kind) {
    Map<String, Object> r = new HashMap<>();
    r.put("kind", kind);
    return r;
  }
}
