package org.statbench.app.chart;

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
    type.setItems(model.chartTypes());
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
    // the chart follows the window's theme (its root carries theme-dark, ...)
    ChartStyle.follow(this, t -> redraw());
    redraw();
  }

  private void redraw() {
    ChartData d = model.data();
    empty.setVisible(d.isEmpty());
    viewer.setVisible(!d.isEmpty());
    if (!d.isEmpty()) {
      JFreeChart chart = chart(d, model.chartTypeProperty().get(), ChartStyle.themeOf(this));
      ChartStyle.paint(chart, ChartStyle.themeOf(this), ChartStyle.textSize(this));
      viewer.setChart(chart);
    }
  }

  /** Builds the JFreeChart of some data in the light theme (also used for chart images). */
  static JFreeChart chart(ChartData d, ChartType type) {
    return chart(d, type, ChartStyle.Theme.LIGHT);
  }

  /** Builds the JFreeChart of some data in a theme. */
  static JFreeChart chart(ChartData d, ChartType type, ChartStyle.Theme theme) {
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
      chart.getCategoryPlot().setRenderer(new ErrorBarRenderer(d, theme.text));
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
    ChartStyle.apply(chart, type, theme);
    return chart;
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
