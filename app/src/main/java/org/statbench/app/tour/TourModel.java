package org.statbench.app.tour;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The guided tour's state: its steps, which one is showing, and the commands a keyboard or the
 * overlay's buttons drive (next, back, close). No JavaFX nodes: {@link TourOverlay} draws it.
 */
public final class TourModel {
  private final List<TourStep> steps;
  private final IntegerProperty index = new SimpleIntegerProperty(this, "index", 0);
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
  private final ObjectBinding<TourStep> current;
  private final BooleanBinding canGoBack;
  private final BooleanBinding onLastStep;
  private final StringBinding position;

  public TourModel(List<TourStep> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a tour needs at least one step");
    }
    this.steps = List.copyOf(steps);
    current = Bindings.createObjectBinding(() -> this.steps.get(index.get()), index);
    canGoBack = index.greaterThan(0);
    onLastStep = index.isEqualTo(this.steps.size() - 1);
    position =
        Bindings.createStringBinding(
            () -> "Step " + (index.get() + 1) + " of " + this.steps.size(), index);
  }

  /** The tour of the main window: the parts a new analyst meets first, one sentence each. */
  public static TourModel mainWindow() {
    return new TourModel(
        List.of(
            new TourStep(
                "Field list",
                "The variables of the selected dataset, grouped by type: drag one onto the table,"
                    + " or right-click it for the keyboard shortcuts.",
                "table",
                List.of("#fieldTree")),
            new TourStep(
                "Drop zones",
                "Rows, columns, wafers (layers) and filters: what you drop here defines the table,"
                    + " and a right-click on a field there bands, groups or filters it.",
                "table",
                List.of(".drop-zone", "#zone-rows", "#tableBuilder", "#table-content")),
            new TourStep(
                "Grid",
                "The table itself with totals, recomputed as you drag; cells that fail a"
                    + " disclosure rule are marked.",
                "table",
                List.of("#tableGrid", "#table-content")),
            new TourStep(
                "Chart",
                "The current table as a chart, for looking only: a chart image leaves the machine"
                    + " only through the disclosure check.",
                "chart",
                List.of("#chart-content")),
            new TourStep(
                "Disclosure panel",
                "Which cells fail which rule for the current table, the protection to apply, and"
                    + " the request for clearance before anything is exported.",
                null,
                List.of("#sidePanel")),
            new TourStep(
                "Cohort view",
                "Outcome rates by entry cohort over time, such as job outcomes within 12 months by"
                    + " month of referral.",
                "cohorts",
                List.of("#cohorts-content")),
            new TourStep(
                "Clearance queue",
                "Where a statistician sees each export request with its failing cells and approves"
                    + " or rejects it with a reason, recorded in the audit log.",
                "clearance",
                List.of("#clearance-content"))));
  }

  // Properties

  public List<TourStep> steps() {
    return steps;
  }

  /** The step showing, from 0. */
  public IntegerProperty indexProperty() {
    return index;
  }

  public ObjectBinding<TourStep> currentProperty() {
    return current;
  }

  /** Whether the tour is showing. */
  public BooleanProperty activeProperty() {
    return active;
  }

  public BooleanBinding canGoBackProperty() {
    return canGoBack;
  }

  /** True on the last step, where "Next" finishes the tour. */
  public BooleanBinding onLastStepProperty() {
    return onLastStep;
  }

  /** E.g. {@code Step 3 of 7}. */
  public StringBinding positionProperty() {
    return position;
  }

  // Commands

  /** Starts (or restarts) the tour at its first step. */
  public void start() {
    index.set(0);
    active.set(true);
  }

  /** The next step; on the last step this finishes the tour. */
  public void next() {
    if (index.get() < steps.size() - 1) {
      index.set(index.get() + 1);
    } else {
      close();
    }
  }

  /** The previous step (nothing on the first). */
  public void back() {
    if (index.get() > 0) {
      index.set(index.get() - 1);
    }
  }

  /** Jumps to the first or last step. */
  public void first() {
    index.set(0);
  }

  public void last() {
    index.set(steps.size() - 1);
  }

  public void close() {
    active.set(false);
  }
}
