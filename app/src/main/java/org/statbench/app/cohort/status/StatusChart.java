package org.statbench.app.cohort.status;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import org.statbench.app.release.FxReleaseAdapter;
import org.statbench.export.Release;

/**
 * The stacked-area chart of the states' shares by duration: one area per state (priority order, the
 * off state on top), percentages of the cohort, durations without a stack (censored or withheld)
 * left out. The same builder draws the screen and the released PNG.
 */
final class StatusChart {
  static final int WIDTH = 1000;
  static final int HEIGHT = 620;

  private StatusChart() {}

  /** A new chart of the shares (empty axes when null). */
  static StackedAreaChart<Number, Number> chart(StatusShares shares, String title, String unit) {
    NumberAxis x = new NumberAxis();
    x.setLabel("duration since entry (" + unit + ")");
    x.setAutoRanging(false);
    NumberAxis y = new NumberAxis(0, 100, 20);
    y.setAutoRanging(false);
    y.setLabel("%");
    StackedAreaChart<Number, Number> chart = new StackedAreaChart<>(x, y);
    chart.setId("statusChart");
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setTitle(title);
    chart.setLegendSide(javafx.geometry.Side.RIGHT);
    fill(chart, shares);
    return chart;
  }

  /** Replaces the chart's areas with the shares. */
  static void fill(StackedAreaChart<Number, Number> chart, StatusShares shares) {
    chart.getData().clear();
    if (shares == null) {
      return;
    }
    List<String> states = shares.states();
    // Whole durations on the axis: every one up to a year, every third beyond.
    int horizon = shares.share()[0].length - 1;
    NumberAxis x = (NumberAxis) chart.getXAxis();
    x.setLowerBound(0);
    x.setUpperBound(Math.max(1, horizon));
    x.setTickUnit(horizon <= 12 ? 1 : 3);
    for (int s = 0; s < states.size(); s++) {
      XYChart.Series<Number, Number> series = new XYChart.Series<>();
      series.setName(states.get(s));
      double[] row = shares.share()[s];
      for (int d = 0; d < row.length; d++) {
        if (!Double.isNaN(row[d])) {
          series.getData().add(new XYChart.Data<>(d, 100 * row[d]));
        }
      }
      chart.getData().add(series);
    }
  }

  /** Draws released shares off screen and writes them as PNG through the release. */
  static Path write(Release release, StatusShares shares, String title, Path out) {
    String note =
        shares.withheld().isEmpty()
            ? title
            : title + " (durations withheld: " + shares.withheld() + ")";
    StackedAreaChart<Number, Number> chart =
        chart(
            shares, note + "\nDrawn from the" + " disclosure-checked count table only.", "months");
    chart.setPrefSize(WIDTH, HEIGHT);
    Scene scene = new Scene(new Group(chart), WIDTH, HEIGHT);
    chart.applyCss();
    chart.resize(WIDTH, HEIGHT);
    chart.layout();
    scene.getRoot().layout();
    return FxReleaseAdapter.writeChartPng(release, chart, out);
  }
}
