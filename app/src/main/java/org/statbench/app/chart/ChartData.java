package org.statbench.app.chart;

import java.util.List;

/**
 * What a chart shows: categories along the axis, one value per category in each series.
 *
 * @param title chart title (measure, dimensions and wafer)
 * @param categoryAxis label of the category axis (the row variables)
 * @param valueAxis label of the value axis (the measure)
 * @param categories category labels in table order
 * @param series the series in table order
 */
public record ChartData(
    String title,
    String categoryAxis,
    String valueAxis,
    List<String> categories,
    List<Series> series) {

  /** Nothing to chart. */
  public static final ChartData EMPTY = new ChartData("", "", "", List.of(), List.of());

  public ChartData {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
  }

  public boolean isEmpty() {
    return series.isEmpty() || categories.isEmpty();
  }

  /**
   * One series.
   *
   * @param name legend text (the column categories, or the measure when there are no columns)
   * @param values one value per category; NaN where undefined (drawn as a gap)
   */
  public record Series(String name, List<Double> values) {
    public Series {
      values = List.copyOf(values);
    }
  }
}
