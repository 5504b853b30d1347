package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/**
 * The result of status tracking: for every cohort (and breakdown group), duration 0..horizon and
 * state, the members in the state at the duration's reference date.
 *
 * @param spec the definition tracked
 * @param asOf the as-of date used, or null when there were no dates at all
 * @param cohorts every period from the first to the last cohort with a member, in time order
 * @param groups breakdown groups that occur, sorted; one empty list without a breakdown
 * @param states the states in priority order, then the off state (always last)
 * @param priorityGiven true when the priority order was given, false when it is the order of first
 *     appearance in the spell data
 * @param sizes members per cohort x group, index {@code cohort * groups + group}
 * @param lastObserved per cohort the largest observed duration (-1 when none is)
 * @param rows one row per cohort x group x duration x state, in that order
 * @param ever same shape: members in the state at any reference date 0..duration
 * @param timeInState one per cohort x group x state: durations 1..N spent in the state
 * @param notes plain sentences for the user: how overlaps were resolved, what was left out
 * @param recordsUsed cohort records in some cohort
 * @param missingEntry cohort records left out for a missing entry date
 * @param afterAsOf cohort records left out for entering after the as-of date
 * @param filteredOut cohort records left out by the filters
 * @param spellsUsed spells of members
 * @param spellsOutside spells of people outside the cohort (not in the cohort dataset, or left out
 *     of it), ignored
 * @param overlaps member-durations at which more than one spell covered the reference date
 */
public record StatusTable(
    StatusSpec spec,
    LocalDate asOf,
    List<String> cohorts,
    List<List<String>> groups,
    List<String> states,
    boolean priorityGiven,
    List<Long> sizes,
    List<Integer> lastObserved,
    List<StatusRow> rows,
    List<StatusRow> ever,
    List<TimeInState> timeInState,
    List<String> notes,
    long recordsUsed,
    long missingEntry,
    long afterAsOf,
    long filteredOut,
    long spellsUsed,
    long spellsOutside,
    long overlaps) {

  public StatusTable {
    Objects.requireNonNull(spec, "spec");
    cohorts = List.copyOf(cohorts);
    groups = groups.stream().map(List::copyOf).toList();
    states = List.copyOf(states);
    sizes = List.copyOf(sizes);
    lastObserved = List.copyOf(lastObserved);
    rows = List.copyOf(rows);
    ever = List.copyOf(ever);
    timeInState = List.copyOf(timeInState);
    notes = List.copyOf(notes);
  }

  /** The horizon (largest duration). */
  public int horizon() {
    return spec.cohort().horizon();
  }

  /** The off state's label. */
  public String offState() {
    return states.get(states.size() - 1);
  }

  /** Members of one cohort and group. */
  public long size(int cohortIndex, int groupIndex) {
    return sizes.get(cohortIndex * groups.size() + groupIndex);
  }

  /** Rows of one cohort and group: durations 0..horizon, each with every state in order. */
  public List<StatusRow> rows(int cohortIndex, int groupIndex) {
    int block = (horizon() + 1) * states.size();
    int from = (cohortIndex * groups.size() + groupIndex) * block;
    return rows.subList(from, from + block);
  }

  /** The row of one cohort, group, duration and state. */
  public StatusRow row(int cohortIndex, int groupIndex, int duration, int stateIndex) {
    return rows(cohortIndex, groupIndex).get(duration * states.size() + stateIndex);
  }

  /** The "ever in state" row of one cohort, group, duration and state. */
  public StatusRow everRow(int cohortIndex, int groupIndex, int duration, int stateIndex) {
    int block = (horizon() + 1) * states.size();
    int from = (cohortIndex * groups.size() + groupIndex) * block;
    return ever.get(from + duration * states.size() + stateIndex);
  }

  /**
   * The counts behind the table as a core {@link Table}, so that a release goes through the
   * disclosure gate like any count table: dimensions {@code cohort} and the breakdown variables
   * (rows), {@code duration} ({@code 0..horizon}) and {@code state} (columns), every dimension with
   * a total. Each cell counts people (the total over states is the cohort size; the total over
   * durations counts person-durations). Censored durations hold 0: they are never released as
   * numbers, and a view of released numbers leaves them empty by {@link #lastObserved()}.
   */
  public Table toCountTable() {
    CountTableDims lead = new CountTableDims(cohorts, spec.cohort().by(), groups);
    List<Dimension> dims = lead.dims();
    List<Category> durations = new ArrayList<>();
    for (int d = 0; d <= horizon(); d++) {
      durations.add(Category.of(Integer.toString(d)));
    }
    dims.add(new Dimension("duration", "duration", DimensionRole.COLUMN, durations, true));
    dims.add(
        new Dimension(
            "state",
            "state",
            DimensionRole.COLUMN,
            states.stream().map(Category::of).toList(),
            true));
    int[] sizesPerDim = lead.sizes();
    long[] counts = new long[lead.cells()];
    int k = dims.size();
    int[] coord = new int[k];
    int ns = states.size();
    for (int c = 0; c < cohorts.size(); c++) {
      for (int g = 0; g < groups.size(); g++) {
        lead.place(coord, c, groups.get(g));
        List<StatusRow> r = rows(c, g);
        for (int i = 0; i < r.size(); i++) {
          coord[k - 2] = i / ns;
          coord[k - 1] = i % ns;
          CohortTable.addWithMargins(counts, dims, sizesPerDim, coord, r.get(i).people());
        }
      }
    }
    return Table.ofCounts(spec.cohort().dataset(), dims, counts);
  }
}
