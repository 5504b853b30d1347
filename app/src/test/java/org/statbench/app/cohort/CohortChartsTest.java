package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The heat maps' shade, without a toolkit: the theme's cell background under the heat colour
 * (#2b6cb0 = rgb(43,108,176)) at the share's strength, the theme's cell text until it is strong.
 */
class CohortChartsTest {
  @Test
  void anEmptyShareShowsTheThemesCellBackgroundAndText() {
    assertThat(CohortCharts.heatStyle(0, 0.4))
        .isEqualTo(
            "-fx-background-color: -sb-cell, rgba(43,108,176,0.000); -fx-text-fill: -sb-cell-text;");
  }

  @Test
  void theMaximumAndAboveTakeTheFullHeatColourWithWhiteText() {
    assertThat(CohortCharts.heatStyle(0.4, 0.4))
        .isEqualTo("-fx-background-color: -sb-cell, rgba(43,108,176,1.000); -fx-text-fill: white;");
    assertThat(CohortCharts.heatStyle(0.9, 0.4)).isEqualTo(CohortCharts.heatStyle(0.4, 0.4));
  }

  @Test
  void halfTheMaximumShadesHalfWayAndKeepsTheThemesText() {
    // 0.2 / 0.4 = 0.5; text turns white only above 55%
    assertThat(CohortCharts.heatStyle(0.2, 0.4))
        .isEqualTo(
            "-fx-background-color: -sb-cell, rgba(43,108,176,0.500); -fx-text-fill: -sb-cell-text;");
  }

  @Test
  void aStatusShareWithoutAValueLeavesTheCellTransparent() {
    assertThat(HeatShade.style(Double.NaN)).isEqualTo("-fx-background-color: transparent;");
    assertThat(HeatShade.style(0.6)).endsWith("-fx-text-fill: white;");
  }
}
