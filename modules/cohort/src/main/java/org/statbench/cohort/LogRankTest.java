package org.statbench.cohort;

import java.util.List;

/**
 * The log-rank test that the breakdown groups have the same hazard of the event, over durations
 * 0..horizon, with all cohorts pooled (durations since entry). Competing events count as censoring
 * (a cause-specific test).
 *
 * @param groups the groups compared (those with anyone at risk), in table order
 * @param observed events observed per group
 * @param expected events expected per group under the null hypothesis
 * @param chiSquare the test statistic
 * @param degreesOfFreedom number of groups minus one (the rank of the covariance matrix)
 * @param pValue upper tail of the chi-square distribution
 */
public record LogRankTest(
    List<List<String>> groups,
    List<Double> observed,
    List<Double> expected,
    double chiSquare,
    int degreesOfFreedom,
    double pValue) {
  public LogRankTest {
    groups = groups.stream().map(List::copyOf).toList();
    observed = List.copyOf(observed);
    expected = List.copyOf(expected);
  }
}
