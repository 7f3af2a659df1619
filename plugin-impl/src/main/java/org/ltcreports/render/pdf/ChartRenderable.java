package org.ltcreports.render.pdf;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;
import org.jfree.chart.JFreeChart;

/**
 * A JFreeChart drawn straight onto the PDF page as vectors (text as glyph outlines: the exporter is
 * configured to force shapes), so the chart is sharp at any zoom and its bytes are deterministic.
 */
final class ChartRenderable extends AbstractRenderer implements Graphics2DRenderable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final JFreeChart chart;

  ChartRenderable(String id, JFreeChart chart) {
    this.id = id;
    this.chart = chart;
  }

  /** A stable id (the default one is random). */
  @Override
  public String getId() {
    return id;
  }

  @Override
  public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
    chart.draw(g, area);
  }
}
