package org.statbench.app.cohort.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.cohort.CohortViewModel;
import org.statbench.app.cohort.SavedCohorts;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.LatestWins;
import org.statbench.app.shell.TaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortSpecJson;
import org.statbench.cohort.StatusSpec;
import org.statbench.cohort.StatusTable;
import org.statbench.cohort.StatusTracker;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.table.Table;
import org.statbench.export.Release;
import org.statbench.store.Workspace;

/**
 * The "Status over time" mode of the Cohorts tab: the cohort definition of the tab (dataset, entry,
 * period, horizon, as-of, breakdown, filters) joined to a spell dataset, tracked by {@link
 * StatusTracker}; the shares of the states by duration for a chosen cohort or group (a stacked area
 * chart), and one state's cohort x duration table (a heat map). Exports go out through the tab's
 * protect-then-release path ({@link CohortViewModel#protectThen}): the count table is protected,
 * and the chart is redrawn from its released values. Saved with the cohort definitions (a
 * definition with a status part opens in this mode). Use from the FX thread.
 */
public final class StatusViewModel {
  /** Label of the target "all cohorts" (pooled where observed). */
  public static final String ALL_COHORTS = "All cohorts";

  private final CohortViewModel cohort;
  private final DialogService dialogs;
  private final WorkspaceModel workspace;
  private final LatestWins runs;

  // Properties
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final StringProperty spells = new SimpleStringProperty(this, "spells");
  private final StringProperty id = new SimpleStringProperty(this, "id");
  private final StringProperty spellId = new SimpleStringProperty(this, "spellId");
  private final StringProperty state = new SimpleStringProperty(this, "state");
  private final StringProperty start = new SimpleStringProperty(this, "start");
  private final StringProperty end = new SimpleStringProperty(this, "end");
  private final StringProperty priority = new SimpleStringProperty(this, "priority", "");
  private final StringProperty offLabel =
      new SimpleStringProperty(this, "offLabel", StatusSpec.DEFAULT_OFF);
  private final StringProperty target = new SimpleStringProperty(this, "target");
  private final StringProperty heatState = new SimpleStringProperty(this, "heatState");
  private final ObservableList<String> cohortVariables = FXCollections.observableArrayList();
  private final ObservableList<String> spellVariables = FXCollections.observableArrayList();
  private final ObservableList<String> spellDates = FXCollections.observableArrayList();
  private final ObservableList<String> targets = FXCollections.observableArrayList();
  private final ObservableList<String> states = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<StatusTable> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyObjectWrapper<StatusShares> shares =
      new ReadOnlyObjectWrapper<>(this, "shares");
  private final ReadOnlyObjectWrapper<double[][]> heat = new ReadOnlyObjectWrapper<>(this, "heat");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
  private Table counts;
  private boolean applying;

  public StatusViewModel(
      CohortViewModel cohort, TaskRunner tasks, DialogService dialogs, WorkspaceModel workspace) {
    this.cohort = cohort;
    this.dialogs = dialogs;
    this.workspace = workspace;
    this.runs = new LatestWins(tasks);
    cohort.datasetProperty().addListener((Observable o) -> cohortDatasetChanged());
    spells.addListener((Observable o) -> spellsChanged());
    // The tab's definition changed (a new cohort result, or none): track the states again.
    cohort.resultProperty().addListener((Observable o) -> compute());
    for (Observable p : List.of(active, id, spellId, state, start, end, priority, offLabel)) {
      p.addListener((Observable o) -> compute());
    }
    target.addListener((Observable o) -> redraw());
    heatState.addListener((Observable o) -> redraw());
    // A saved definition with a status part opens in this mode.
    cohort.fileProperty().addListener((o, a, f) -> openStatusPart(f));
    cohortDatasetChanged();
  }

  // Properties

  /** True while the tab shows status over time instead of cohort curves. */
  public BooleanProperty activeProperty() {
    return active;
  }

  /** Datasets of the workspace (the spell dataset is one of them). */
  public ObservableList<String> datasets() {
    return cohort.datasets();
  }

  public StringProperty spellsProperty() {
    return spells;
  }

  /** The person id variable of the cohort dataset. */
  public StringProperty idProperty() {
    return id;
  }

  public StringProperty spellIdProperty() {
    return spellId;
  }

  public StringProperty stateProperty() {
    return state;
  }

  public StringProperty startProperty() {
    return start;
  }

  public StringProperty endProperty() {
    return end;
  }

  /** The priority order for overlaps, comma-separated; empty for first appearance. */
  public StringProperty priorityProperty() {
    return priority;
  }

  public StringProperty offLabelProperty() {
    return offLabel;
  }

  /** The chart's cohort or group: one of {@link #targets()}. */
  public StringProperty targetProperty() {
    return target;
  }

  /** The state shown in the heat map. */
  public StringProperty heatStateProperty() {
    return heatState;
  }

  /** Variables of the cohort dataset (person id candidates). */
  public ObservableList<String> cohortVariables() {
    return cohortVariables;
  }

  /** Variables of the spell dataset. */
  public ObservableList<String> spellVariables() {
    return spellVariables;
  }

  /** Date variables of the spell dataset. */
  public ObservableList<String> spellDates() {
    return spellDates;
  }

  /** Chart targets: all cohorts, each group over all cohorts, each cohort. */
  public ObservableList<String> targets() {
    return targets;
  }

  /** The states of the latest result (priority order, off state last). */
  public ObservableList<String> states() {
    return states;
  }

  public ReadOnlyObjectProperty<StatusTable> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** The shares of the chosen target by duration, from the result's counts. */
  public ReadOnlyObjectProperty<StatusShares> sharesProperty() {
    return shares.getReadOnlyProperty();
  }

  /** The heat map: the chosen state's share, {@code [cohort][duration]}, NaN when censored. */
  public ReadOnlyObjectProperty<double[][]> heatProperty() {
    return heat.getReadOnlyProperty();
  }

  /** The result's count table (cohort x [group] x duration x state), or null while none. */
  public Table countTable() {
    return counts;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  // Commands

  /** The status definition as edited, or null while incomplete. */
  public StatusSpec spec() {
    CohortSpec c = cohort.spec();
    if (c == null
        || id.get() == null
        || spells.get() == null
        || spellId.get() == null
        || state.get() == null
        || start.get() == null
        || end.get() == null) {
      return null;
    }
    List<String> p = StatusChoices.priority(priority.get());
    return new StatusSpec(
        c,
        id.get(),
        spells.get(),
        spellId.get(),
        state.get(),
        start.get(),
        end.get(),
        p,
        offLabel.get(),
        null);
  }

  /** Shows a status definition's spell part (the cohort part is the tab's) and switches mode. */
  public void apply(StatusSpec s) {
    applying = true;
    try {
      spells.set(s.spells());
      id.set(s.id());
      spellId.set(s.spellId());
      state.set(s.state());
      start.set(s.start());
      end.set(s.end());
      priority.set(String.join(",", s.priority()));
      offLabel.set(s.offLabel());
    } finally {
      applying = false;
    }
    active.set(true);
    compute();
  }

  /** Tracks the states of the current definition in the background (latest run wins). */
  public void compute() {
    if (applying || !active.get()) {
      return;
    }
    StatusSpec s;
    try {
      s = spec();
    } catch (org.statbench.core.StatBenchException e) {
      message.set(e.getMessage());
      return;
    }
    Workspace ws = workspace.workspace();
    if (s == null || ws == null) {
      runs.cancel();
      computing.set(false);
      clear();
      message.set(
          "Choose the cohort's dataset, entry and event dates, then the spell dataset and its"
              + " person id, state, start and end");
      return;
    }
    computing.set(true);
    runs.submit(
        BackgroundTask.of(
                "Tracking states of " + s.cohort().dataset(),
                (progress, cancel) -> StatusTracker.track(ws, s, progress, cancel))
            .onSuccess(this::show)
            .onFailure(
                e -> {
                  computing.set(false);
                  clear();
                  message.set(DialogService.userMessage(e));
                })
            .onCancelled(() -> computing.set(false)));
  }

  /** Exports the count table (cohort x [group] x duration x state) through the disclosure gate. */
  public void exportTable() {
    StatusTable t = result.get();
    if (t == null) {
      message.set("Nothing to export: track states first");
      return;
    }
    cohort.protectThen(counts, actions -> actions.export());
  }

  /**
   * Exports the chart of the chosen target as PNG: the count table is protected first and the chart
   * redrawn from its released values only (durations with a withheld cell left out).
   *
   * @param writer draws the released shares and writes them through the release (the view's)
   */
  public void exportChart(StatusChartWriter writer) {
    StatusTable t = result.get();
    if (t == null) {
      message.set("Nothing to export: track states first");
      return;
    }
    String title = chartTitle();
    int[] tg = StatusChoices.targetIndex(t, target.get());
    cohort.protectThen(
        counts,
        actions -> {
          Release r = actions.admitOrOffer();
          if (r == null) {
            return;
          }
          StatusShares released = StatusShares.of(r.publishedTable(), t, tg[0], tg[1]);
          dialogs
              .chooseFileToSave(
                  "Export chart",
                  null,
                  "status-over-time.png",
                  List.of(new DialogService.FileFilter("PNG images", List.of("*.png"))))
              .ifPresent(
                  out -> {
                    try {
                      writer.write(r, released, title, out);
                    } catch (RuntimeException e) {
                      dialogs.showError("Export failed", e);
                      return;
                    }
                    message.set(
                        "Exported "
                            + out.getFileName()
                            + " through the disclosure check"
                            + (released.withheld().isEmpty()
                                ? ""
                                : " (" + released.withheld().size() + " durations withheld)"));
                  });
        });
  }

  /** Saves the status definition with the cohort definitions of the workspace. */
  public void saveDefinition() {
    StatusSpec s = spec();
    if (s == null) {
      dialogs.showError("Cannot save", "Complete the cohort and spell definition first");
      return;
    }
    SavedCohorts saved = cohort.saved();
    Path dir = saved.directory();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (java.io.IOException e) {
      dir = null;
    }
    dialogs
        .chooseFileToSave(
            "Save status definition",
            dir,
            SavedCohorts.suggestedName(s.cohort()).replace(".cohort.json", "-status.cohort.json"),
            List.of(DialogService.FileFilter.JSON))
        .ifPresent(
            f -> {
              try {
                org.statbench.app.security.WorkspaceDocuments.write(
                    workspace.workspace(), f, CohortSpecJson.toJson(s));
              } catch (java.io.IOException | RuntimeException e) {
                dialogs.showError("Cannot save " + f.getFileName(), e);
                return;
              }
              saved.refresh();
              saved.remember(f);
              message.set("Saved " + f.getFileName());
            });
  }

  /** The chart's title: the target and the definition's title. */
  public String chartTitle() {
    CohortSpec c = cohort.spec();
    String t = c != null && c.title() != null ? c.title() + " — " : "";
    return t + (target.get() == null ? ALL_COHORTS : target.get());
  }

  // Internals

  private void show(StatusTable t) {
    computing.set(false);
    counts = t.toCountTable();
    List<String> tg = StatusChoices.targets(t);
    String keepTarget = target.get();
    String keepState = heatState.get();
    applying = true;
    try {
      targets.setAll(tg);
      states.setAll(t.states());
      target.set(tg.contains(keepTarget) ? keepTarget : ALL_COHORTS);
      heatState.set(
          keepState != null && t.states().contains(keepState) ? keepState : t.states().get(0));
    } finally {
      applying = false;
    }
    result.set(t);
    redraw();
    message.set(StatusChoices.summary(t));
  }

  private void redraw() {
    StatusTable t = result.get();
    if (t == null || counts == null || applying) {
      return;
    }
    int[] tg = StatusChoices.targetIndex(t, target.get());
    shares.set(StatusShares.of(counts, t, tg[0], tg[1]));
    int s = Math.max(0, t.states().indexOf(heatState.get()));
    heat.set(StatusShares.heat(counts, t, tg[1], s));
  }

  private void clear() {
    result.set(null);
    counts = null;
    shares.set(null);
    heat.set(null);
  }

  private void openStatusPart(Path f) {
    if (f == null) {
      return;
    }
    Optional<StatusSpec> s;
    try {
      s =
          CohortSpecJson.statusFromJson(
              org.statbench.app.security.WorkspaceDocuments.read(workspace.workspace(), f),
              f.toString());
    } catch (java.io.IOException | RuntimeException e) {
      return; // the cohort view has reported the file
    }
    if (s.isPresent()) {
      apply(s.get());
    } else {
      active.set(false);
    }
  }

  private void cohortDatasetChanged() {
    DatasetInfo info = info(cohort.datasetProperty().get());
    cohortVariables.setAll(info == null ? List.of() : info.variableNames());
    if (info != null && (id.get() == null || !cohortVariables.contains(id.get()))) {
      id.set(StatusChoices.guessId(info));
    }
  }

  private void spellsChanged() {
    DatasetInfo info = info(spells.get());
    spellVariables.setAll(info == null ? List.of() : info.variableNames());
    spellDates.setAll(StatusChoices.dates(info));
    if (info == null || applying) {
      return;
    }
    // First guesses the analyst can change: the cohort's id name, a category, two dates.
    applying = true;
    try {
      spellId.set(
          spellVariables.contains(id.get())
              ? id.get()
              : spellVariables.isEmpty() ? null : spellVariables.get(0));
      state.set(StatusChoices.guessState(info, spellId.get()));
      start.set(spellDates.isEmpty() ? null : spellDates.get(0));
      end.set(spellDates.size() < 2 ? null : spellDates.get(1));
    } finally {
      applying = false;
    }
    compute();
  }

  private DatasetInfo info(String name) {
    Workspace ws = workspace.workspace();
    if (ws == null || name == null || !ws.hasDataset(name)) {
      return null;
    }
    return ws.dataset(name);
  }
}
