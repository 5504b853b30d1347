package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramScaleTest {
  @Test
  void logAxisIsTheDefaultAndKeepsOnePairVisibleBesideMillions() {
    HistogramScale s = new HistogramScale();

    assertThat(s.logProperty().get()).isTrue();
    // log10(n) + 1: one pair is 1 high, a million pairs 7 high, none 0
    assertThat(s.height(0)).isEqualTo(0);
    assertThat(s.height(1)).isEqualTo(1);
    assertThat(s.height(1_000_000)).isCloseTo(7, within(1e-12));
    assertThat(s.height(300)).isCloseTo(Math.log10(300) + 1, within(1e-12));
    // ticks at whole powers of ten show the counts they stand for
    assertThat(s.tick(1)).isEqualTo("1");
    assertThat(s.tick(4)).isEqualTo("1,000");
    assertThat(s.tick(2.5)).isEmpty();
    assertThat(s.axisLabel()).contains("log");
  }

  @Test
  void linearAxisShowsTheCountsThemselves() {
    HistogramScale s = new HistogramScale();
    s.logProperty().set(false);

    assertThat(s.height(1_000_000)).isEqualTo(1_000_000);
    assertThat(s.tick(2500)).isEqualTo("2,500");
    assertThat(s.axisLabel()).isEqualTo("pairs");
  }
}
