package org.statbench.cohort;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.statbench.core.InputException;

/**
 * What to track in status tracking: a cohort definition (entry date, cohort period, duration unit,
 * horizon, as-of date, breakdowns, filters, exactly as in cohort tracking) plus a spell dataset
 * joined to the cohort by person. Immutable.
 *
 * <p>The cohort's {@code event} is not used by status tracking; it is kept so that one saved
 * definition serves both the cohort and the status views ({@link #of} sets it to the entry).
 *
 * @param cohort the cohort definition; its dataset holds one record per person
 * @param id the person id variable of the cohort dataset (text, categorical or integer)
 * @param spells the spell dataset
 * @param spellId the person id variable of the spell dataset, in the same format as {@code id}
 * @param state the spell's state variable (text, categorical or integer), e.g. the benefit
 * @param start the spell's start DATE variable; required on every spell
 * @param end the spell's end DATE variable; empty means the spell is still open
 * @param priority states in the order that decides overlapping spells (first wins); empty for the
 *     default, the order of the states' first appearance in the spell data. States the data has but
 *     the list leaves out follow the listed ones, by first appearance.
 * @param offLabel the state of a member no spell covers, default {@value #DEFAULT_OFF}
 * @param window N of "time in state in the first N durations" (durations 1..N); null for the
 *     horizon; at most the horizon
 */
public record StatusSpec(
    CohortSpec cohort,
    String id,
    String spells,
    String spellId,
    String state,
    String start,
    String end,
    List<String> priority,
    String offLabel,
    Integer window) {

  /** The default label of the off state. */
  public static final String DEFAULT_OFF = "Off benefit";

  public StatusSpec {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spells, "spells");
    Objects.requireNonNull(spellId, "spellId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    priority = priority == null ? List.of() : List.copyOf(priority);
    if (new LinkedHashSet<>(priority).size() != priority.size()) {
      throw new InputException("The priority order names a state twice: " + priority);
    }
    offLabel = offLabel == null || offLabel.isBlank() ? DEFAULT_OFF : offLabel.strip();
    if (priority.contains(offLabel)) {
      throw new InputException(
          "The off state '" + offLabel + "' cannot be in the priority order of the spells' states");
    }
    if (window != null && (window < 1 || window > cohort.horizon())) {
      throw new InputException(
          "The window for time in state must be 1 to the horizon (" + cohort.horizon() + ")");
    }
  }

  /** Defaults: monthly cohorts, durations in months, horizon 12, default as-of and priority. */
  public static StatusSpec of(
      String dataset,
      String id,
      String entry,
      String spells,
      String spellId,
      String state,
      String start,
      String end) {
    return new StatusSpec(
        CohortSpec.of(dataset, entry, entry),
        id,
        spells,
        spellId,
        state,
        start,
        end,
        null,
        null,
        null);
  }

  /** N of "time in state in the first N durations": the window, or the horizon. */
  public int windowOrHorizon() {
    return window == null ? cohort.horizon() : window;
  }

  /** A copy with another cohort definition (the window is dropped when beyond its horizon). */
  public StatusSpec withCohort(CohortSpec c) {
    Integer w = window != null && window <= c.horizon() ? window : null;
    return new StatusSpec(c, id, spells, spellId, state, start, end, priority, offLabel, w);
  }

  /** A copy with another spell dataset and spell columns. */
  public StatusSpec withSpells(String s, String sid, String st, String from, String to) {
    return new StatusSpec(cohort, id, s, sid, st, from, to, priority, offLabel, window);
  }

  /** A copy with another person id variable of the cohort dataset. */
  public StatusSpec withId(String v) {
    return new StatusSpec(
        cohort, v, spells, spellId, state, start, end, priority, offLabel, window);
  }

  /** A copy with another priority order (empty: by first appearance). */
  public StatusSpec withPriority(List<String> p) {
    return new StatusSpec(cohort, id, spells, spellId, state, start, end, p, offLabel, window);
  }

  /** A copy with another off label (null: the default). */
  public StatusSpec withOffLabel(String label) {
    return new StatusSpec(cohort, id, spells, spellId, state, start, end, priority, label, window);
  }

  /** A copy with another window (null: the horizon). */
  public StatusSpec withWindow(Integer w) {
    return new StatusSpec(cohort, id, spells, spellId, state, start, end, priority, offLabel, w);
  }

  /** Variables read from the cohort dataset: id, entry, breakdowns, filters; no duplicates. */
  public List<String> cohortVariables() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    s.add(id);
    s.add(cohort.entry());
    s.addAll(cohort.by());
    cohort.filters().forEach(f -> s.add(f.variable()));
    return new ArrayList<>(s);
  }

  /** Variables read from the spell dataset: person id, state, start, end; no duplicates. */
  public List<String> spellVariables() {
    return List.copyOf(new LinkedHashSet<>(List.of(spellId, state, start, end)));
  }
}
