package org.statbench.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with error bars: each bar of a survey estimate gets a whisker from the lower to the upper
 * end of its interval (asymmetric intervals, such as Woodruff intervals of quantiles, drawn as they
 * are). Ends that are NaN are not drawn.
 */
final class ErrorBarRenderer extends BarRenderer {
  private static final long serialVersionUID = 1L;
  private final transient ChartData data;
  private final Color whiskers;

  /**
   * @param whiskers the error bars' colour: the chart theme's text colour, so they read on a dark
   *     or high-contrast chart as on a light one
   */
  ErrorBarRenderer(ChartData data, Color whiskers) {
    this.data = data;
    this.whiskers = whiskers;
  }

  /** The error bars' colour. */
  Color whiskers() {
    return whiskers;
  }

  @Override
  public void drawItem(
      Graphics2D g2,
      CategoryItemRendererState state,
      Rectangle2D dataArea,
      CategoryPlot plot,
      CategoryAxis domainAxis,
      ValueAxis rangeAxis,
      CategoryDataset dataset,
      int row,
      int column,
      int pass) {
    super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    ChartData.Series s = data.series().get(row);
    if (pass != 0 || !s.hasIntervals()) {
      return;
    }
    double lo = s.lower().get(column);
    double hi = s.upper().get(column);
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      return;
    }
    PlotOrientation orientation = plot.getOrientation();
    double x =
        calculateBarW0(plot, orientation, dataArea, domainAxis, state, row, column)
            + state.getBarWidth() / 2;
    double y0 = rangeAxis.valueToJava2D(lo, dataArea, plot.getRangeAxisEdge());
    double y1 = rangeAxis.valueToJava2D(hi, dataArea, plot.getRangeAxisEdge());
    double cap = Math.max(2, state.getBarWidth() / 6);
    g2.setPaint(whiskers);
    g2.setStroke(new BasicStroke(1.2f));
    if (orientation == PlotOrientation.VERTICAL) {
      g2.draw(new Line2D.Double(x, y0, x, y1));
      g2.draw(new Line2D.Double(x - cap, y0, x + cap, y0));
      g2.draw(new Line2D.Double(x - cap, y1, x + cap, y1));
    } else {
      g2.draw(new Line2D.Double(y0, x, y1, x));
    }
  }
}
