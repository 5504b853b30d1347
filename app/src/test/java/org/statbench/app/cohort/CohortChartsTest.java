package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The triangle's heat colour, without a toolkit. */
class CohortChartsTest {
  @Test
  void anEmptyShareIsWhiteWithBlackText() {
    assertThat(CohortCharts.heatStyle(0, 0.4))
        .isEqualTo("-fx-background-color: rgb(255,255,255); -fx-text-fill: black;");
  }

  @Test
  void theMaximumAndAboveTakeTheFullHeatColourWithWhiteText() {
    // 0x2b6cb0 = rgb(43,108,176)
    assertThat(CohortCharts.heatStyle(0.4, 0.4))
        .isEqualTo("-fx-background-color: rgb(43,108,176); -fx-text-fill: white;");
    assertThat(CohortCharts.heatStyle(0.9, 0.4)).isEqualTo(CohortCharts.heatStyle(0.4, 0.4));
  }

  @Test
  void halfTheMaximumBlendsHalfWayAndKeepsBlackText() {
    // 255 - 0.5 * (255 - 43) = 149; 255 - 0.5 * (255 - 108) = 181.5 -> 182; 255 - 0.5 * 79 = 215.5
    // -> 216; text turns white only above 55%
    assertThat(CohortCharts.heatStyle(0.2, 0.4))
        .isEqualTo("-fx-background-color: rgb(149,182,216); -fx-text-fill: black;");
  }
}
