package org.statbench.cohort;

import java.util.List;
import java.util.Objects;

/**
 * The fixed-horizon measure of one cohort (and breakdown group): the proportion with an event
 * within the horizon (e.g. "job outcome within 12 months"), shown only for cohorts old enough.
 *
 * @param cohort cohort label
 * @param group breakdown codes (empty without a breakdown)
 * @param size number of members of the cohort (and group)
 * @param events members with an event at durations 0..horizon (observed by the as-of date)
 * @param proportion the cumulative proportion at the horizon, NaN when censored or undefined
 * @param lower lower 95% bound, NaN when {@code proportion} is
 * @param upper upper 95% bound, NaN when {@code proportion} is
 * @param status observed when the cohort is old enough
 */
public record HorizonMeasure(
    String cohort,
    List<String> group,
    long size,
    long events,
    double proportion,
    double lower,
    double upper,
    CellStatus status) {
  public HorizonMeasure {
    Objects.requireNonNull(cohort, "cohort");
    group = List.copyOf(group);
  }
}
