package org.statbench.app.cohort;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.disclosurepanel.DisclosurePanelViewModel;
import org.statbench.app.disclosurepanel.ReleaseActions;
import org.statbench.app.disclosurepanel.ReleasePath;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.LatestWins;
import org.statbench.app.shell.TaskRunner;
import org.statbench.app.sources.SourceSessions;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.cohort.CohortPeriod;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.CohortTracker;
import org.statbench.cohort.DurationUnit;
import org.statbench.cohort.Estimator;
import org.statbench.cohort.HorizonMeasure;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.Derivation;
import org.statbench.sampledata.SampleData;
import org.statbench.store.Workspace;

// Size (over 500 lines): about 700 lines, most of them the tab's ~30 documented properties and
// their getters): the
// logic is in plain classes beside it — CohortSummary (the message), CurvePlan (triangle rows and
// curves), ReleasedChartBuilder and CohortChartExport (the way out, over ReleasePath), CohortFiles
// (samples, saved definitions, the variables a definition may use). Next cut: the definition's
// properties with spec()/apply() into their own class, as SpecEditor did for tables.

/**
 * The cohort view's state and commands: the definition being edited (dataset, entry and event
 * dates, period, horizon, as-of date, breakdown, estimator), the latest result as a triangle,
 * curves and fixed-horizon measures, and a one-line message. Any change of the definition
 * recomputes in the background through the task runner (latest run wins). Use from the FX thread.
 */
public final class CohortViewModel {
  /** Bundled saved definitions offered in the view (classpath resources of sample-data). */
  public static final List<String> SAMPLE_DEFINITIONS =
      List.of(SampleData.RESOURCE_DIR + "job-outcome-12m-by-referral-cohort.cohort.json");

  /** At most this many cohort curves are drawn when the analyst has not selected any. */
  static final int DEFAULT_CURVES = 6;

  private final WorkspaceModel workspace;
  private final DialogService dialogs;
  private final LatestWins runs;
  private final SavedCohorts saved;
  private final CohortFiles files;
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");

  // Properties
  private final ObservableList<String> datasets = FXCollections.observableArrayList();
  private final StringProperty dataset = new SimpleStringProperty(this, "dataset");
  private final ObservableList<String> dateVariables = FXCollections.observableArrayList();
  private final ObservableList<String> breakdownVariables = FXCollections.observableArrayList();
  private final StringProperty entry = new SimpleStringProperty(this, "entry");
  private final StringProperty event = new SimpleStringProperty(this, "event");
  private final StringProperty breakdown = new SimpleStringProperty(this, "breakdown");
  private final StringProperty bands = new SimpleStringProperty(this, "bands", "");
  private final ObjectProperty<DateUnit> dateGroup =
      new SimpleObjectProperty<>(this, "dateGroup", DateUnit.QUARTER);
  private final StringProperty filters = new SimpleStringProperty(this, "filters", "");
  private final ObjectProperty<CohortPeriod> period =
      new SimpleObjectProperty<>(this, "period", CohortPeriod.MONTH);
  private final ObjectProperty<DurationUnit> unit =
      new SimpleObjectProperty<>(this, "unit", DurationUnit.MONTHS);
  private final IntegerProperty horizon =
      new SimpleIntegerProperty(this, "horizon", CohortSpec.DEFAULT_HORIZON);
  private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(this, "asOf");
  private final ObjectProperty<Estimator> estimator =
      new SimpleObjectProperty<>(this, "estimator", Estimator.SIMPLE);
  private final ObjectProperty<CurveSource> curveSource =
      new SimpleObjectProperty<>(this, "curveSource", CurveSource.COHORTS);
  private final StringProperty title = new SimpleStringProperty(this, "title");
  private final ObservableList<Integer> selectedRows = FXCollections.observableArrayList();

  private final ReadOnlyObjectWrapper<CohortTable> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ObservableList<TriangleRow> triangle = FXCollections.observableArrayList();
  private final ObservableList<Curve> curves = FXCollections.observableArrayList();
  // One read-only view each: listeners on a throw-away wrapper would be lost with it.
  private final ObservableList<TriangleRow> triangleView =
      FXCollections.unmodifiableObservableList(triangle);
  private final ObservableList<Curve> curvesView = FXCollections.unmodifiableObservableList(curves);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
  private final BooleanBinding complete;

  // The way out: the count table is protected and released through the disclosure export gate.
  private final ReleasePath release;
  private final ReadOnlyObjectWrapper<ReleasedChart> releasedChart =
      new ReadOnlyObjectWrapper<>(this, "releasedChart");
  private final org.statbench.app.cohort.status.StatusViewModel status;

  private boolean applying;
  // True once a definition (opened or sample) set the dataset: the tab stops following the builder.
  private boolean definitionChoseDataset;
  // Code groups of a loaded definition, kept while its breakdown variable stays chosen.
  private java.util.Map<String, Derivation> loadedGroups = java.util.Map.of();

  public CohortViewModel(TaskRunner tasks, DialogService dialogs, WorkspaceModel workspace) {
    this(tasks, dialogs, workspace, refusal -> Optional.empty());
  }

  /**
   * @param justification asks for a clearance justification given the refusal text; empty when
   *     cancelled
   */
  public CohortViewModel(
      TaskRunner tasks,
      DialogService dialogs,
      WorkspaceModel workspace,
      java.util.function.Function<String, Optional<String>> justification) {
    this.workspace = workspace;
    this.dialogs = dialogs;
    this.runs = new LatestWins(tasks);
    this.saved = new SavedCohorts(workspace);
    this.files = new CohortFiles(workspace, dialogs, saved);
    this.release = new ReleasePath(tasks, workspace.workspaceProperty(), dialogs, justification);
    // The protection's outcome message comes last (after the protection and its audit entry):
    // release then, so the export's own message is the one left showing.
    release
        .messageProperty()
        .addListener(
            (o, a, m) -> {
              if (m != null && !m.isEmpty()) {
                message.set(m);
              }
            });
    complete =
        Bindings.createBooleanBinding(
            () -> dataset.get() != null && entry.get() != null && event.get() != null,
            dataset,
            entry,
            event);

    workspace.datasets().addListener((Observable o) -> refreshDatasets());
    workspace
        .selectedDatasetProperty()
        .addListener(
            (o, a, b) -> {
              // the tab follows the dataset in use until a definition names its own
              if (b != null
                  && (!definitionChoseDataset
                      || dataset.get() == null
                      || !datasets.contains(dataset.get()))) {
                dataset.set(b.name());
              }
            });
    workspace.workspaceProperty().addListener((o, a, b) -> definitionChoseDataset = false);
    dataset.addListener((o, a, b) -> datasetChanged());
    for (Observable p :
        List.of(
            entry, event, breakdown, bands, dateGroup, filters, period, unit, horizon, asOf,
            estimator)) {
      p.addListener((Observable o) -> definitionChanged());
    }
    // A breakdown is usually there to compare groups: draw the pooled group curves.
    breakdown.addListener(
        (o, a, b) -> curveSource.set(b == null ? CurveSource.COHORTS : CurveSource.GROUPS));
    curveSource.addListener((Observable o) -> rebuildCurves());
    selectedRows.addListener((Observable o) -> rebuildCurves());
    refreshDatasets();
    status = new org.statbench.app.cohort.status.StatusViewModel(this, tasks, dialogs, workspace);
  }

  // Properties

  /** The definitions saved in the workspace and the recent ones. */
  public SavedCohorts saved() {
    return saved;
  }

  /** The file the definition was last opened from or saved to, or null. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** Names of the workspace's datasets. */
  public ObservableList<String> datasets() {
    return datasets;
  }

  public StringProperty datasetProperty() {
    return dataset;
  }

  /** DATE variables of the dataset: the only ones accepted as entry or event. */
  public ObservableList<String> dateVariables() {
    return dateVariables;
  }

  /**
   * Categorical and numeric variables of the dataset, and dates (grouped into periods), offered as
   * breakdowns.
   */
  public ObservableList<String> breakdownVariables() {
    return breakdownVariables;
  }

  public StringProperty entryProperty() {
    return entry;
  }

  public StringProperty eventProperty() {
    return event;
  }

  /** The breakdown variable, or null for none. */
  public StringProperty breakdownProperty() {
    return breakdown;
  }

  /**
   * Bands of a numeric breakdown as written for tabulate ({@code 16-24,25-49,50+}); blank for none.
   */
  public StringProperty bandsProperty() {
    return bands;
  }

  /** The periods a date breakdown is grouped into (used when the breakdown is a date). */
  public ObjectProperty<DateUnit> dateGroupProperty() {
    return dateGroup;
  }

  /** True when the breakdown variable is a date (grouped by {@link #dateGroupProperty()}). */
  public boolean breakdownIsDate() {
    return breakdown.get() != null && dateVariables.contains(breakdown.get());
  }

  /**
   * The record filters, written as for {@code tabulate} and {@code cohort}, separated by {@code ;}:
   * {@code sex!=M; age=16..24; referral_date=2012-01-01..2012-12-31}. Blank for none.
   */
  public StringProperty filtersProperty() {
    return filters;
  }

  /** Appends an empty filter on {@code variable} ({@code V=}) for the analyst to complete. */
  public boolean dropFilter(String variable) {
    if (variable == null || variable.isBlank()) {
      return false;
    }
    String t = filters.get() == null ? "" : filters.get().trim();
    applying = true;
    try {
      filters.set((t.isEmpty() ? "" : t + "; ") + variable + "=");
    } finally {
      applying = false;
    }
    return true;
  }

  public ObjectProperty<CohortPeriod> periodProperty() {
    return period;
  }

  public ObjectProperty<DurationUnit> unitProperty() {
    return unit;
  }

  public IntegerProperty horizonProperty() {
    return horizon;
  }

  /** The as-of date, or null for the latest entry or event date in the data. */
  public ObjectProperty<LocalDate> asOfProperty() {
    return asOf;
  }

  public ObjectProperty<Estimator> estimatorProperty() {
    return estimator;
  }

  public ObjectProperty<CurveSource> curveSourceProperty() {
    return curveSource;
  }

  /** Title of the definition (from a saved definition), or null. */
  public StringProperty titleProperty() {
    return title;
  }

  /** Triangle rows selected by the analyst: their curves are drawn. */
  public ObservableList<Integer> selectedRows() {
    return selectedRows;
  }

  /** The latest result, or null. */
  public ReadOnlyObjectProperty<CohortTable> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** The cohort triangle of the latest result: one row per cohort (x group). */
  public ObservableList<TriangleRow> triangle() {
    return triangleView;
  }

  /** The lines of the curves chart. */
  public ObservableList<Curve> curves() {
    return curvesView;
  }

  /** What happened last: sizes and timing, or the error. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  /** True when the last computation failed (the message says why). */
  public ReadOnlyBooleanProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }

  /** True when dataset, entry and event are chosen. */
  public BooleanBinding completeProperty() {
    return complete;
  }

  // Commands

  /** True when {@code variable} is a date of the current dataset (drops of others are refused). */
  public boolean acceptsDate(String variable) {
    return variable != null && dateVariables.contains(variable);
  }

  /** True when {@code variable} can be a breakdown. */
  public boolean acceptsBreakdown(String variable) {
    return variable != null && breakdownVariables.contains(variable);
  }

  /** Sets the entry variable when it is a date; returns whether it was accepted. */
  public boolean dropEntry(String variable) {
    if (!acceptsDate(variable)) {
      refuse(variable);
      return false;
    }
    entry.set(variable);
    return true;
  }

  /** Sets the event variable when it is a date; returns whether it was accepted. */
  public boolean dropEvent(String variable) {
    if (!acceptsDate(variable)) {
      refuse(variable);
      return false;
    }
    event.set(variable);
    return true;
  }

  /** Sets the breakdown when the variable is categorical, numeric or a date (bands are cleared). */
  public boolean dropBreakdown(String variable) {
    if (!acceptsBreakdown(variable)) {
      message.set(
          "'"
              + variable
              + "' cannot be a breakdown: choose a categorical, numeric or date variable");
      return false;
    }
    bands.set("");
    breakdown.set(variable);
    return true;
  }

  /** The definition as edited (null until dataset, entry and event are chosen). */
  public CohortSpec spec() {
    if (!complete.get()) {
      return null;
    }
    CohortSpec s =
        CohortSpec.of(dataset.get(), entry.get(), event.get())
            .withTitle(title.get())
            .withPeriod(period.get())
            .withUnit(unit.get())
            .withHorizon(Math.max(0, horizon.get()))
            .withAsOf(asOf.get())
            .withBy(breakdown.get() == null ? List.of() : List.of(breakdown.get()))
            .withFilters(FilterText.parse(filters.get(), this::typeOf))
            .withEstimator(estimator.get());
    String by = breakdown.get();
    if (by != null && breakdownIsDate()) {
      s = s.withDerivation(by, new DateGrouping(dateGroup.get()));
    } else if (by != null && bands.get() != null && !bands.get().isBlank()) {
      s = s.withDerivation(by, Bands.parse(bands.get()));
    } else if (by != null && loadedGroups.containsKey(by)) {
      s = s.withDerivation(by, loadedGroups.get(by));
    }
    return s;
  }

  /** Shows a saved definition and computes it. */
  public void apply(CohortSpec spec) {
    applying = true;
    try {
      title.set(spec.title());
      if (!datasets.contains(spec.dataset())) {
        message.set("The definition's dataset '" + spec.dataset() + "' is not in this workspace");
      }
      dataset.set(spec.dataset());
      definitionChoseDataset = true;
      entry.set(spec.entry());
      event.set(spec.event());
      breakdown.set(spec.by().isEmpty() ? null : spec.by().get(0));
      Derivation d = spec.by().isEmpty() ? null : spec.derivations().get(spec.by().get(0));
      bands.set(d instanceof Bands b ? b.format() : "");
      if (d instanceof DateGrouping g) {
        dateGroup.set(g.unit());
      }
      filters.set(FilterText.format(spec.filters()));
      loadedGroups =
          d instanceof CodeGroups ? java.util.Map.of(spec.by().get(0), d) : java.util.Map.of();
      period.set(spec.period());
      unit.set(spec.unit());
      horizon.set(spec.horizon());
      asOf.set(spec.asOf());
      estimator.set(spec.estimator());
      curveSource.set(spec.by().isEmpty() ? CurveSource.COHORTS : CurveSource.GROUPS);
    } finally {
      applying = false;
    }
    compute();
  }

  /** Opens a bundled sample definition by resource name (see {@link #SAMPLE_DEFINITIONS}). */
  public void openSample(String resource) {
    files.openSample(resource).ifPresent(this::apply);
  }

  /**
   * The bundled sample definitions not already saved in the workspace under the same title (the
   * sample workspace holds a copy): each definition is listed once.
   */
  public List<String> samplesNotSaved() {
    List<String> savedTitles = SavedCohorts.displayNames(saved.saved());
    return SAMPLE_DEFINITIONS.stream()
        .filter(r -> !savedTitles.contains(CohortFiles.sampleTitle(r)))
        .toList();
  }

  /** The title of a bundled definition, for menus. */
  public static String sampleTitle(String resource) {
    return CohortFiles.sampleTitle(resource);
  }

  /** Asks for a definition file (starting in the workspace's cohorts folder) and opens it. */
  public void openDefinition() {
    files.chooseToOpen().ifPresent(this::open);
  }

  /** Opens a saved definition file, shows it and computes it; errors name the file and field. */
  public void open(Path source) {
    files
        .read(source)
        .ifPresent(
            loaded -> {
              file.set(source);
              apply(loaded);
            });
  }

  /** Asks where to save the current definition (the workspace's cohorts folder) and writes it. */
  public void saveDefinition() {
    CohortSpec s = spec();
    if (s == null) {
      dialogs.showError("Cannot save", "Choose a dataset, an entry date and an event date first");
      return;
    }
    files
        .saveAs(s, file.get())
        .ifPresent(
            f -> {
              file.set(f);
              message.set("Saved " + f.getFileName());
            });
  }

  /**
   * Exports the latest result's count table (cohort x [groups] x duration, with margins: cohort
   * sizes and event counts) as CSV or XLSX: it is protected with the default disclosure policy
   * (small cohorts, groups and counts suppressed) and released through the export gate, exactly as
   * the Disclosure panel releases a table; a refusal offers a clearance request.
   */
  public void exportTable() {
    protectThen(ReleaseActions::export);
  }

  /**
   * Exports the chart on screen (the curves as drawn, or the fixed-horizon measure) as PNG through
   * the export gate ({@link CohortChartExport}).
   *
   * @param writer draws the released chart and writes it through the release (the view's)
   */
  public void exportChart(ChartKind kind, ReleasedChartWriter writer) {
    protectThen(
        actions ->
            CohortChartExport.export(
                actions,
                dialogs,
                published -> releasedChart(kind, published),
                kind,
                writer,
                releasedChart::set,
                message::set));
  }

  /** The chart last released by {@link #exportChart}, or null. */
  public ReadOnlyObjectProperty<ReleasedChart> releasedChartProperty() {
    return releasedChart.getReadOnlyProperty();
  }

  /**
   * The chart on screen redrawn from a protected count table's published values ({@link
   * ReleasedChartBuilder}).
   */
  ReleasedChart releasedChart(ChartKind kind, org.statbench.core.table.Table published) {
    return ReleasedChartBuilder.build(
        kind, result.get(), curveSource.get(), triangle, rowsToDraw(), published);
  }

  /** The "Status over time" mode of the tab. */
  public org.statbench.app.cohort.status.StatusViewModel status() {
    return status;
  }

  /** The count table being released and its protection (for tests and the view). */
  DisclosurePanelViewModel release() {
    return release.panel();
  }

  private void protectThen(java.util.function.Consumer<ReleaseActions> action) {
    CohortTable t = result.get();
    if (t == null) {
      message.set("Nothing to export: define and compute cohorts first");
      return;
    }
    protectThen(t.toCountTable(), action);
  }

  /**
   * Protects a count table with the default disclosure policy, then releases it with {@code action}
   * through the one release path; the tab's one way out, also for the status mode's table and
   * chart.
   */
  public void protectThen(
      org.statbench.core.table.Table counts, java.util.function.Consumer<ReleaseActions> action) {
    release.protectThen(counts, action);
  }

  /** Recomputes the current definition in the background (latest run wins). */
  public void compute() {
    CohortSpec s;
    try {
      s = spec();
    } catch (org.statbench.core.StatBenchException e) {
      failed.set(true);
      message.set(e.getMessage());
      return;
    }
    Workspace ws = workspace.workspace();
    if (s == null || ws == null) {
      // An incomplete definition shows nothing rather than a stale result, and says what is
      // missing (the last result's summary stayed, e.g. after switching to a dataset without dates)
      runs.cancel();
      computing.set(false);
      result.set(null);
      triangle.clear();
      curves.clear();
      failed.set(false);
      message.set(ws == null ? "" : missingChoice());
      return;
    }
    computing.set(true);
    runs.submit(
        BackgroundTask.of(
                "Tracking cohorts of " + s.dataset(),
                (progress, cancel) -> {
                  long t0 = System.nanoTime();
                  CohortTable t =
                      ws.source(s.dataset()) == null // a workspace dataset may stream (#18)
                          ? CohortTracker.track(ws, s, progress, cancel)
                          : CohortTracker.track(
                              SourceSessions.shared()
                                  .columns(ws, s.dataset(), s.variables(), cancel),
                              s,
                              progress,
                              cancel);
                  return new Computed(t, (System.nanoTime() - t0) / 1_000_000);
                })
            .onSuccess(this::show)
            .onFailure(
                e -> {
                  computing.set(false);
                  failed.set(true);
                  result.set(null);
                  triangle.clear();
                  curves.clear();
                  message.set(DialogService.userMessage(e));
                })
            .onCancelled(() -> computing.set(false)));
  }

  // Internals

  private record Computed(CohortTable table, long millis) {}

  /** The type of a variable of the current dataset, or null when unknown. */
  private VariableType typeOf(String variable) {
    return workspace
        .dataset(dataset.get() == null ? "" : dataset.get())
        .flatMap(d -> d.variable(variable))
        .map(VariableInfo::type)
        .orElse(null);
  }

  /** What the definition still lacks, for the message line. */
  private String missingChoice() {
    if (dataset.get() == null) {
      return "Choose a dataset with an entry date and an event date.";
    }
    if (dateVariables.size() < 2) {
      return "'"
          + dataset.get()
          + "' has "
          + (dateVariables.isEmpty() ? "no date variables" : "one date variable")
          + ": cohorts need an entry date and an event date.";
    }
    return "Choose the entry date and the event date of '" + dataset.get() + "'.";
  }

  private void refuse(String variable) {
    message.set(
        "'" + variable + "' is not a date of " + dataset.get() + ": entry and event must be dates");
  }

  private void refreshDatasets() {
    List<String> names = workspace.datasets().stream().map(DatasetInfo::name).toList();
    datasets.setAll(names);
    if (dataset.get() == null || !names.contains(dataset.get())) {
      DatasetInfo sel = workspace.selectedDatasetProperty().get();
      dataset.set(sel != null ? sel.name() : (names.isEmpty() ? null : names.get(0)));
    } else {
      datasetChanged();
    }
  }

  private void datasetChanged() {
    Optional<DatasetInfo> info =
        dataset.get() == null ? Optional.empty() : workspace.dataset(dataset.get());
    List<String> dates = CohortFiles.dates(info);
    List<String> groups = CohortFiles.breakdowns(info);
    dateVariables.setAll(dates);
    breakdownVariables.setAll(groups);
    if (!applying && info.isPresent()) {
      // The analyst switched datasets: drop choices that do not exist there (one recompute).
      applying = true;
      try {
        if (entry.get() != null && !dates.contains(entry.get())) {
          entry.set(null);
        }
        if (event.get() != null && !dates.contains(event.get())) {
          event.set(null);
        }
        if (breakdown.get() != null && !groups.contains(breakdown.get())) {
          breakdown.set(null);
        }
        // A first guess the analyst can change: the first date is the entry, the next the event.
        if (entry.get() == null && event.get() == null && dates.size() >= 2) {
          entry.set(dates.get(0));
          event.set(dates.get(1));
        }
      } finally {
        applying = false;
      }
    }
    definitionChanged();
  }

  private void definitionChanged() {
    if (applying) {
      return;
    }
    compute();
  }

  private void show(Computed c) {
    CohortTable t = c.table();
    computing.set(false);
    failed.set(false);
    selectedRows.clear();
    triangle.setAll(CurvePlan.triangle(t));
    // The result last: its listeners see the triangle and curves that belong to it.
    result.set(t);
    rebuildCurves();
    message.set(CohortSummary.of(t, c.millis()));
  }

  private void rebuildCurves() {
    curves.setAll(CurvePlan.curves(result.get(), curveSource.get(), triangle, rowsToDraw()));
  }

  private List<Integer> rowsToDraw() {
    return CurvePlan.rowsToDraw(triangle, selectedRows, DEFAULT_CURVES);
  }

  /** The largest shown cumulative proportion of the latest result (for the colour scale). */
  public double maxObserved() {
    return CurvePlan.maxObserved(result.get());
  }

  /** Fixed-horizon measures of the latest result (empty when none). */
  public List<HorizonMeasure> horizonMeasures() {
    CohortTable t = result.get();
    return t == null ? List.of() : t.horizonMeasures();
  }
}
