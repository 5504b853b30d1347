package org.statbench.cohort;

import java.util.List;
import java.util.Objects;

/**
 * One cohort (and breakdown group) at one duration: a row of the long CSV.
 *
 * @param cohort cohort label ({@code 2011-06}, {@code 2011-Q2}, ...) or {@code All} for curves
 *     pooled over cohorts
 * @param group the breakdown codes, one per breakdown variable (empty without a breakdown); a
 *     missing value is {@code Missing}
 * @param duration duration since entry, 0..horizon, in the spec's unit
 * @param atRisk with {@link Estimator#SIMPLE}: the cohort size minus the members with an event at a
 *     duration before {@code duration}; with {@link Estimator#KAPLAN_MEIER}: the members still
 *     event-free and under observation at the start of {@code duration}
 * @param events members whose event falls at exactly this duration (and on or before the as-of
 *     date; for Kaplan-Meier also within their own follow-up)
 * @param cumulative estimated proportion with the event by the end of this duration, in [0, 1]; NaN
 *     when censored or undefined (an empty cohort)
 * @param lower lower bound of the 95% interval, NaN when {@code cumulative} is
 * @param upper upper bound of the 95% interval, NaN when {@code cumulative} is
 * @param status observed or censored
 */
public record CohortRow(
    String cohort,
    List<String> group,
    int duration,
    long atRisk,
    long events,
    double cumulative,
    double lower,
    double upper,
    CellStatus status) {
  public CohortRow {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(status, "status");
    group = List.copyOf(group);
  }

  /** True when the cumulative proportion can be shown. */
  public boolean hasValue() {
    return !Double.isNaN(cumulative);
  }
}
