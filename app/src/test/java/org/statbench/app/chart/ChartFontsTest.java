package org.statbench.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** Chart text follows the window's text size, so presenter mode's larger text reaches charts. */
class ChartFontsTest {
  @Test
  void presenterSizedTextScalesTitleAxesAndLegendFromTheWindowsTextSize() {
    JFreeChart chart = barChart();
    ChartStyle.paint(chart, ChartStyle.Theme.DARK, 19);
    CategoryPlot plot = chart.getCategoryPlot();
    // title 1.25 x 19 px, axis labels 19 px, ticks and legend 0.85 x 19 px
    assertThat(chart.getTitle().getFont().getSize2D()).isEqualTo(23.75f);
    assertThat(plot.getRangeAxis().getLabelFont().getSize2D()).isEqualTo(19f);
    assertThat(plot.getDomainAxis().getTickLabelFont().getSize2D()).isEqualTo(16.15f);
    assertThat(chart.getLegend().getItemFont().getSize2D()).isEqualTo(16.15f);
  }

  @Test
  void paintingAgainAtTheNormalSizeShrinksTheTextBack() {
    JFreeChart chart = barChart();
    ChartStyle.paint(chart, ChartStyle.Theme.LIGHT, 19);
    ChartStyle.paint(chart, ChartStyle.Theme.LIGHT, 13);
    assertThat(chart.getTitle().getFont().getSize2D()).isEqualTo(16.25f);
    assertThat(chart.getCategoryPlot().getRangeAxis().getTickLabelFont().getSize2D())
        .isEqualTo(11.05f);
    assertThat(chart.getTitle().getFont().isBold()).isTrue();
  }

  private static JFreeChart barChart() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(3, "men", "North");
    data.addValue(4, "women", "North");
    return ChartFactory.createBarChart("Count by region", "region", "count", data);
  }
}
