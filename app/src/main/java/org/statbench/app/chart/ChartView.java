package org.statbench.app.chart;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The Chart tab's view: a chart-type picker, a "totals" switch and a JFreeChart-FX viewer that
 * redraws whenever the view model's data or chart type change. Node ids for tests: {@code
 * chartType}, {@code chartTotals}, {@code chartViewer}, {@code chartEmpty}.
 */
public final class ChartView extends BorderPane {
  private final ChartViewModel model;
  private final ChartViewer viewer = new ChartViewer();
  private final Label empty = new Label("No table yet: build one in the Table tab.");

  public ChartView(ChartViewModel model) {
    this.model = model;
    ChoiceBox<ChartType> type = new ChoiceBox<>();
    type.getItems().setAll(ChartType.values());
    type.setId("chartType");
    type.valueProperty().bindBidirectional(model.chartTypeProperty());
    CheckBox totals = new CheckBox("Show totals");
    totals.setId("chartTotals");
    totals.selectedProperty().bindBidirectional(model.includeTotalsProperty());
    HBox bar = new HBox(8, new Label("Chart:"), type, totals);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6));
    setTop(bar);
    viewer.setId("chartViewer");
    empty.setId("chartEmpty");
    empty.getStyleClass().add("placeholder-text");
    StackPane centre = new StackPane(viewer, empty);
    setCenter(centre);
    model.dataProperty().addListener((o, a, b) -> redraw());
    model.chartTypeProperty().addListener((o, a, b) -> redraw());
    redraw();
  }

  private void redraw() {
    ChartData d = model.data();
    empty.setVisible(d.isEmpty());
    viewer.setVisible(!d.isEmpty());
    if (!d.isEmpty()) {
      viewer.setChart(chart(d, model.chartTypeProperty().get()));
    }
  }

  /** Builds the JFreeChart of some data (also used for chart images). */
  static JFreeChart chart(ChartData d, ChartType type) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (int s = 0; s < d.series().size(); s++) {
      ChartData.Series series = d.series().get(s);
      Key row = new Key(s, series.name());
      for (int c = 0; c < d.categories().size(); c++) {
        double v = series.values().get(c);
        ds.addValue(Double.isNaN(v) ? null : v, row, new Key(c, d.categories().get(c)));
      }
    }
    boolean legend = d.series().size() > 1;
    JFreeChart chart =
        switch (type) {
          case BAR ->
              ChartFactory.createBarChart(
                  d.title(),
                  d.categoryAxis(),
                  d.valueAxis(),
                  ds,
                  PlotOrientation.VERTICAL,
                  legend,
                  true,
                  false);
          case STACKED_BAR ->
              ChartFactory.createStackedBarChart(
                  d.title(),
                  d.categoryAxis(),
                  d.valueAxis(),
                  ds,
                  PlotOrientation.VERTICAL,
                  legend,
                  true,
                  false);
          case LINE ->
              ChartFactory.createLineChart(
                  d.title(),
                  d.categoryAxis(),
                  d.valueAxis(),
                  ds,
                  PlotOrientation.VERTICAL,
                  legend,
                  true,
                  false);
        };
    boolean intervals = d.series().stream().anyMatch(ChartData.Series::hasIntervals);
    if (intervals && type == ChartType.BAR) {
      // survey estimates: their intervals as error bars, the axis reaching every upper end
      chart.getCategoryPlot().setRenderer(new ErrorBarRenderer(d));
      double top = 0;
      for (ChartData.Series s : d.series()) {
        for (int i = 0; i < s.upper().size(); i++) {
          double u = s.upper().get(i);
          top = Double.isNaN(u) ? Math.max(top, s.values().get(i)) : Math.max(top, u);
        }
      }
      if (top > 0) {
        chart.getCategoryPlot().getRangeAxis().setUpperBound(top * 1.05);
      }
      chart.addSubtitle(
          new org.jfree.chart.title.TextTitle("Error bars: intervals of the survey estimates"));
    }
    style(chart, type);
    return chart;
  }

  /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
  private static final java.awt.Color[] PALETTE = {
    new java.awt.Color(0x0072B2),
    new java.awt.Color(0xE69F00),
    new java.awt.Color(0x009E73),
    new java.awt.Color(0xCC79A7),
    new java.awt.Color(0x56B4E9),
    new java.awt.Color(0xD55E00),
    new java.awt.Color(0xF0E442),
    new java.awt.Color(0x000000)
  };

  private static void style(JFreeChart chart, ChartType type) {
    org.jfree.chart.plot.CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(java.awt.Color.WHITE);
    plot.setRangeGridlinePaint(new java.awt.Color(0xD0D0D0));
    plot.setOutlineVisible(false);
    chart.setBackgroundPaint(java.awt.Color.WHITE);
    org.jfree.chart.renderer.category.CategoryItemRenderer r = plot.getRenderer();
    for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, new java.awt.BasicStroke(2.5f));
    }
    if (r instanceof org.jfree.chart.renderer.category.BarRenderer bar) {
      bar.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
      bar.setShadowVisible(false);
      bar.setItemMargin(0.02);
    }
    if (r instanceof org.jfree.chart.renderer.category.LineAndShapeRenderer line) {
      line.setDefaultShapesVisible(true);
      ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    }
    chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(16f));
    Objects.requireNonNull(type);
  }

  /** The viewer (for tests and for exporting the chart through the export gate). */
  public ChartViewer viewer() {
    return viewer;
  }

  /**
   * A dataset key: categories and series may share labels (a roll-up parent and a child with the
   * same code), so keys carry their position and show only their label.
   */
  record Key(int index, String label) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
      return label;
    }
  }
}
