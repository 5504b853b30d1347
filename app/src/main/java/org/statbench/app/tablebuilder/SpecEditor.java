package org.statbench.app.tablebuilder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;

/**
 * The table definition being edited, with undo and redo: every edit makes a new {@link
 * BuilderState} (the spec plus the Filters zone) and is one undoable step; an edit that changes
 * nothing is no step. Plain Java (no JavaFX), so the editing rules are tested without a toolkit;
 * the view-model shows {@link #state()} and recomputes after each edit that returns true. Edits
 * that the spec refuses throw {@link org.statbench.core.InputException} and change nothing. Not
 * thread-safe (FX thread).
 */
public final class SpecEditor {
  private BuilderState state;
  private final Deque<BuilderState> undo = new ArrayDeque<>();
  private final Deque<BuilderState> redo = new ArrayDeque<>();

  public SpecEditor(BuilderState initial) {
    this.state = Objects.requireNonNull(initial);
  }

  /** The current definition. */
  public BuilderState state() {
    return state;
  }

  public TableSpec spec() {
    return state.spec();
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  // Undo

  /**
   * Makes {@code next} current as an undoable step.
   *
   * @return false (and no step) when nothing changed
   */
  public boolean apply(BuilderState next) {
    if (Objects.equals(next, state)) {
      return false;
    }
    undo.push(state);
    redo.clear();
    state = next;
    return true;
  }

  /** Makes {@code next} current without an undo step (e.g. the first dataset chosen). */
  public void reset(BuilderState next) {
    state = Objects.requireNonNull(next);
  }

  /** Steps back; false when there is nothing to undo. */
  public boolean undo() {
    if (undo.isEmpty()) {
      return false;
    }
    redo.push(state);
    state = undo.pop();
    return true;
  }

  /** Steps forward again; false when there is nothing to redo. */
  public boolean redo() {
    if (redo.isEmpty()) {
      return false;
    }
    undo.push(state);
    state = redo.pop();
    return true;
  }

  // Edits

  /**
   * Puts a field at {@code index} of a zone (clamped), removing it from where it was. A field may
   * be both a dimension and a filter: moving between Filters and a dimension zone keeps its
   * condition.
   *
   * @param fresh the dimension to add when the field is not a dimension yet
   */
  public boolean move(String variable, Zone zone, int index, DimensionSpec fresh) {
    TableSpec spec = state.spec();
    List<String> filterZone = new ArrayList<>(state.filterZone());
    if (zone == Zone.FILTERS) {
      filterZone.remove(variable);
      filterZone.add(Math.max(0, Math.min(index, filterZone.size())), variable);
      spec = withoutDimension(spec, variable);
    } else {
      DimensionSpec dim =
          spec.dimensions().stream()
              .filter(d -> d.variable().equals(variable))
              .findFirst()
              .orElse(fresh);
      spec = withoutDimension(spec, variable);
      List<DimensionSpec> target = new ArrayList<>(dimensions(spec, zone));
      target.add(Math.max(0, Math.min(index, target.size())), dim);
      spec = withDimensions(spec, zone, target);
      if (filter(variable) == null) {
        filterZone.remove(variable);
      }
    }
    return apply(new BuilderState(spec, filterZone));
  }

  /**
   * Removes a field from one zone: from Filters with its condition, from a dimension zone as a
   * dimension (a condition on it stays in Filters).
   */
  public boolean remove(String variable, Zone zone) {
    if (zone == Zone.FILTERS) {
      List<String> filterZone = new ArrayList<>(state.filterZone());
      filterZone.remove(variable);
      List<Filter> kept =
          state.spec().filters().stream().filter(f -> !f.variable().equals(variable)).toList();
      return apply(new BuilderState(state.spec().withFilters(kept), filterZone));
    }
    return apply(new BuilderState(withoutDimension(state.spec(), variable), state.filterZone()));
  }

  /** Sets (null removes) the bands, groups, date grouping or roll-up of a dimension. */
  public boolean setDerivation(String variable, Derivation derivation) {
    return edit(spec().withDerivation(variable, derivation));
  }

  /** Switches a dimension's total on or off. */
  public boolean setTotal(String variable, boolean on) {
    return edit(spec().withTotal(variable, on));
  }

  /**
   * Sets (null removes) the filter condition on a variable; the field joins the Filters zone unless
   * it is a dimension already.
   */
  public boolean setFilter(String variable, Filter condition) {
    List<Filter> list = new ArrayList<>();
    boolean replaced = false;
    for (Filter f : state.spec().filters()) {
      if (f.variable().equals(variable)) {
        if (condition != null && !replaced) {
          list.add(condition);
          replaced = true;
        }
      } else {
        list.add(f);
      }
    }
    if (condition != null && !replaced) {
      list.add(condition);
    }
    List<String> zone = new ArrayList<>(state.filterZone());
    boolean isDimension =
        state.spec().dimensions().stream().anyMatch(d -> d.variable().equals(variable));
    if (condition != null && !zone.contains(variable) && !isDimension) {
      zone.add(variable);
    }
    return apply(new BuilderState(state.spec().withFilters(list), zone));
  }

  /**
   * Sets the measure. A percentage or weight that does not apply to it is dropped rather than
   * refused, so picking a median after a row percentage just works.
   */
  public boolean setMeasure(Measure measure) {
    TableSpec s = spec();
    Percentage p = measure.kind().isAdditive() ? s.percentage() : Percentage.NONE;
    String w = measure.kind() != MeasureKind.DISTINCT_COUNT ? s.weight() : null;
    return edit(
        new TableSpec(s.dataset(), s.rows(), s.columns(), s.wafers(), s.filters(), measure, w, p));
  }

  /** Shows values as percentages of a margin (counts and sums only). */
  public boolean setPercentage(Percentage percentage) {
    return edit(spec().withPercentage(percentage));
  }

  /** Weights records by a numeric variable (null for none). */
  public boolean setWeight(String weight) {
    return edit(spec().withWeight(weight));
  }

  // Reading the definition

  /** The filter condition on a variable, or null. */
  public Filter filter(String variable) {
    return spec().filters().stream()
        .filter(f -> f.variable().equals(variable))
        .findFirst()
        .orElse(null);
  }

  /** The dimensions of a zone (none for Filters). */
  public static List<DimensionSpec> dimensions(TableSpec s, Zone z) {
    return switch (z) {
      case ROWS -> s.rows();
      case COLUMNS -> s.columns();
      case WAFERS -> s.wafers();
      case FILTERS -> List.of();
    };
  }

  // Internals

  private boolean edit(TableSpec next) {
    return apply(new BuilderState(next, state.filterZone()));
  }

  private static TableSpec withDimensions(TableSpec s, Zone z, List<DimensionSpec> dims) {
    return switch (z) {
      case ROWS -> s.withRows(dims);
      case COLUMNS -> s.withColumns(dims);
      case WAFERS -> s.withWafers(dims);
      case FILTERS -> s;
    };
  }

  private static TableSpec withoutDimension(TableSpec s, String variable) {
    return s.withRows(drop(s.rows(), variable))
        .withColumns(drop(s.columns(), variable))
        .withWafers(drop(s.wafers(), variable));
  }

  private static List<DimensionSpec> drop(List<DimensionSpec> l, String variable) {
    return l.stream().filter(d -> !d.variable().equals(variable)).toList();
  }
}
