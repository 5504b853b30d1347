package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortByWeightTest {
  @Test
  void ordersNegativeWeightsAfterPositiveOnes() {
    // a review band below probability 0.5 keeps pairs of negative weight: they must sort last
    double[] w = {-2.5, 7.0, 0.0, -0.25, 3.5, 7.0};
    assertThat(Decisions.sortByWeight(w)).containsExactly(1, 5, 4, 2, 3, 0);
  }
}
