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
   * @param lower per category the lower end of the value's interval (survey estimates), or empty
   * @param upper per category the upper end, or empty
   */
  public record Series(String name, List<Double> values, List<Double> lower, List<Double> upper) {
    public Series {
      values = List.copyOf(values);
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
    }

    /** A series without intervals. */
    public Series(String name, List<Double> values) {
      this(name, values, List.of(), List.of());
    }

    /** True when the values have intervals (drawn as error bars). */
    public boolean hasIntervals() {
      return !lower.isEmpty();
    }
  }
}
