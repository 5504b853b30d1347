package org.statbench.cohort;

import java.util.List;

/**
 * Time in a state in the first N durations of one cohort (and breakdown group): the reference dates
 * at durations 1..N at which members were in the state.
 *
 * @param cohort cohort label
 * @param group breakdown codes (empty without a breakdown)
 * @param state the state's label
 * @param window N
 * @param size members of the cohort (and group)
 * @param personDurations the sum over members of the durations 1..N spent in the state; 0 when
 *     censored
 * @param mean {@code personDurations / size}: the average months (durations) in the state; NaN when
 *     censored (duration N not yet observed) or the cohort is empty
 * @param status observed when duration N is observed for the cohort, else censored
 */
public record TimeInState(
    String cohort,
    List<String> group,
    String state,
    int window,
    long size,
    long personDurations,
    double mean,
    CellStatus status) {
  public TimeInState {
    group = List.copyOf(group);
  }
}
