package org.statbench.cohort;

import java.util.List;
import java.util.Objects;

/**
 * One cohort (and breakdown group) in one state at one duration: a row of the {@code status} long
 * CSV, or of the "ever in state" table.
 *
 * @param cohort cohort label ({@code 2011-06}, {@code 2011-Q2}, ...)
 * @param group the breakdown codes, one per breakdown variable (empty without a breakdown)
 * @param duration duration since entry, 0..horizon, in the spec's unit
 * @param state the state's label (the off state included)
 * @param people members in the state at the duration's reference date (or, in the "ever" table, at
 *     any reference date 0..duration); 0 when censored
 * @param proportion people divided by the cohort (and group) size; NaN when censored or the cohort
 *     is empty
 * @param status observed or censored
 */
public record StatusRow(
    String cohort,
    List<String> group,
    int duration,
    String state,
    long people,
    double proportion,
    CellStatus status) {
  public StatusRow {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(status, "status");
    group = List.copyOf(group);
  }

  /** True when the cell is observed (people and proportion may be shown). */
  public boolean observed() {
    return status == CellStatus.OBSERVED;
  }
}
