package org.ltcreports.render;

import java.util.List;

/**
 * One piece of a report section, already in words and formatted numbers: what the PDF and the HTML
 * preview both lay out, so that the two show the same figures in the same order.
 */
public sealed interface Block {

  /** Headline tiles (up to four side by side). */
  record Tiles(List<Tile> tiles) implements Block {
    public Tiles {
      tiles = List.copyOf(tiles);
    }
  }

  /**
   * @param title what the tile is about ("This month")
   * @param value the big figure
   * @param unit what the figure counts
   * @param detail a second figure (a rate, an interval)
   * @param trend the verdict or the context line ("● Common cause variation: no significant
   *     change", "▲ +9.4% this year (context only)")
   */
  record Tile(String title, String value, String unit, String detail, String trend) {}

  /** Label–value lines; {@code measureId} ties a line to the report (null for derived lines). */
  record Rows(List<Row> rows) implements Block {
    public Rows {
      rows = List.copyOf(rows);
    }
  }

  record Row(String measureId, String label, String value, String comment) {}

  /** The SPC chart of the monthly rates. */
  record SpcChart(ChartData.Spc data, String title, String description) implements Block {}

  /**
   * The funnel plot.
   *
   * @param labelPoints whether each practice's dot carries its code (the locality summary)
   */
  record FunnelChart(ChartData.Funnel data, String title, String description, boolean labelPoints)
      implements Block {}

  /**
   * A table of formatted cells.
   *
   * @param numeric per column, whether it holds numbers (right-aligned)
   * @param highlightedRow a row to emphasise (this practice), or -1
   */
  record Grid(
      String caption,
      List<String> headers,
      List<List<String>> rows,
      List<Boolean> numeric,
      int highlightedRow)
      implements Block {
    public Grid {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      numeric = List.copyOf(numeric);
    }
  }

  /** A sentence or paragraph of body text. */
  record Paragraph(String text) implements Block {}

  /** Small print: legends, caveats, the data-quality row list. */
  record SmallPrint(String text) implements Block {}

  /** Terms and what they mean (the appendix). */
  record Definitions(List<Definition> items) implements Block {
    public Definitions {
      items = List.copyOf(items);
    }
  }

  record Definition(String term, String meaning) {}

  /**
   * A titled part of the report. {@code key} is stable (HTML ids, PDF grouping).
   *
   * @param startsPage whether the printed report starts a new page here (page 2, the appendix)
   */
  record Section(String key, String title, List<Block> blocks, boolean startsPage) {
    public Section {
      blocks = List.copyOf(blocks);
    }

    public Section(String key, String title, List<Block> blocks) {
      this(key, title, blocks, false);
    }

    /** The same section, starting a new printed page. */
    public Section onNewPage() {
      return new Section(key, title, blocks, true);
    }
  }
}
