package org.statbench.app.cohort;

import java.awt.Font;
import java.awt.Rectangle;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.fx.FXGraphics2D;
import org.statbench.app.release.FxReleaseAdapter;
import org.statbench.export.Release;

/**
 * Draws a {@link ReleasedChart} with the same chart builders as the Cohorts tab, onto an off-screen
 * canvas, and hands it to the export gate's adapter. Call on the FX thread.
 */
final class ReleasedChartImage {
  static final int WIDTH = 1000;
  static final int HEIGHT = 620;

  private ReleasedChartImage() {}

  /** The chart as JFreeChart: the on-screen chart of the released values, with a note. */
  static JFreeChart chart(ReleasedChart c) {
    JFreeChart chart =
        c.kind() == ChartKind.CURVES
            ? CohortCharts.curvesChart(c.table(), c.curves(), c.source())
            : CohortCharts.horizonChart(c.table(), c.horizon());
    String note =
        "Drawn from the disclosure-checked count table only."
            + (c.withheld().isEmpty()
                ? ""
                : " Withheld: " + String.join(", ", abbreviate(c.withheld())) + ".");
    TextTitle sub = new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    chart.addSubtitle(sub);
    return chart;
  }

  /** The chart drawn on a canvas of {@link #WIDTH} x {@link #HEIGHT}. */
  static Node node(ReleasedChart c) {
    Canvas canvas = new Canvas(WIDTH, HEIGHT);
    FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
    chart(c).draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return canvas;
  }

  /** Writes the chart as PNG through the release. */
  static Path write(Release release, ReleasedChart c, Path out) {
    return FxReleaseAdapter.writeChartPng(release, node(c), out);
  }

  private static java.util.List<String> abbreviate(java.util.List<String> labels) {
    if (labels.size() <= 12) {
      return labels;
    }
    java.util.List<String> out = new java.util.ArrayList<>(labels.subList(0, 12));
    out.add("and " + (labels.size() - 12) + " more");
    return out;
  }
}
