package org.statbench.app.tablebuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.LatestWins;
import org.statbench.app.shell.UnsavedWork;
import org.statbench.app.sources.SourceSessions;
import org.statbench.app.workspace.SavedDefinitions;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.DerivationText;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.Table;
import org.statbench.store.Workspace;
import org.statbench.tabulate.SavedTable;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.TableView;
import org.statbench.tabulate.Tabulator;

// Size (over 500 lines): the Table tab's properties and commands (zones, derivations, filters,
// measure, sorting, wafers, saved files, recompute); the logic it used to hold is in SpecEditor,
// DerivationText, SortCycle, ChipText, FieldCatalogue and SavedDefinitions, and what is left is
// binding the editor to the toolkit-free properties the view and tests use.

/**
 * The table builder: the table definition being edited (zones, derivations, filters, measure), its
 * undo history, the live computation of the table (latest wins; the previous run is cancelled), the
 * grid's display options, and saved definitions. Publishes every computed table to the shared
 * {@link org.statbench.app.shell.CurrentTable}.
 */
public final class TableBuilderViewModel {
  /** Sub-folder of a workspace holding saved table definitions. */
  public static final String TABLES_DIR = "tables";

  private final AppContext context;
  private final LatestWins runs;
  private Tabulator tabulator = new Tabulator();

  private final SpecEditor editor;
  private final SavedDefinitions savedFiles;
  private final ReadOnlyObjectWrapper<BuilderState> state =
      new ReadOnlyObjectWrapper<>(this, "state");
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

  private final ObservableList<ZoneItem> rows = FXCollections.observableArrayList();
  private final ObservableList<ZoneItem> columns = FXCollections.observableArrayList();
  private final ObservableList<ZoneItem> wafers = FXCollections.observableArrayList();
  private final ObservableList<ZoneItem> filters = FXCollections.observableArrayList();

  private final ObjectProperty<GridLayout.AxisSort> rowSort =
      new SimpleObjectProperty<>(this, "rowSort", GridLayout.AxisSort.NATURAL);
  private final ObjectProperty<GridLayout.AxisSort> columnSort =
      new SimpleObjectProperty<>(this, "columnSort", GridLayout.AxisSort.NATURAL);
  private final BooleanProperty hideEmpty = new SimpleBooleanProperty(this, "hideEmpty");
  private final BooleanProperty heatMap = new SimpleBooleanProperty(this, "heatMap");

  private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(this, "table");
  private final ReadOnlyObjectWrapper<GridLayout> layout =
      new ReadOnlyObjectWrapper<>(this, "layout");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");

  /** The definition as last saved, opened or started afresh: what "unsaved changes" compare to. */
  private BuilderState savedState;

  private final UnsavedWork.Source unsaved =
      new UnsavedWork.Source() {
        @Override
        public boolean hasUnsavedChanges() {
          return TableBuilderViewModel.this.hasUnsavedChanges();
        }

        @Override
        public String describe() {
          return file.get() == null ? "The new table" : "The table \"" + tableName() + "\"";
        }

        @Override
        public boolean save() {
          return TableBuilderViewModel.this.save();
        }
      };

  public TableBuilderViewModel(AppContext context) {
    this.context = context;
    this.runs = new LatestWins(context.tasks());
    DatasetInfo d = context.workspace().selectedDatasetProperty().get();
    this.editor = new SpecEditor(BuilderState.of(TableSpec.of(d == null ? "" : d.name())));
    this.savedFiles = SavedDefinitions.tables(context.workspace());
    state.set(editor.state());
    savedState = editor.state();
    context.unsavedWork().register(unsaved);
    context.workspace().selectedDatasetProperty().addListener((o, a, b) -> datasetSelected(b));
    context.workspace().workspaceProperty().addListener((o, a, b) -> tabulator = new Tabulator());
    rowSort.addListener((o, a, b) -> relayout());
    columnSort.addListener((o, a, b) -> relayout());
    hideEmpty.addListener((o, a, b) -> relayout());
    stateChanged();
  }

  // Properties

  /** The definition being edited (with the Filters zone). */
  public ReadOnlyObjectProperty<BuilderState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public TableSpec spec() {
    return editor.spec();
  }

  /** Fields in a zone, as its chips show them. */
  public ObservableList<ZoneItem> items(Zone zone) {
    return switch (zone) {
      case ROWS -> rows;
      case COLUMNS -> columns;
      case WAFERS -> wafers;
      case FILTERS -> filters;
    };
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /**
   * The order of the rows (a view setting: not part of the table definition and not undone, but
   * saved with it as its view, see {@link #view()}).
   */
  public ObjectProperty<GridLayout.AxisSort> rowSortProperty() {
    return rowSort;
  }

  /** The order of the columns. */
  public ObjectProperty<GridLayout.AxisSort> columnSortProperty() {
    return columnSort;
  }

  public BooleanProperty hideEmptyProperty() {
    return hideEmpty;
  }

  public BooleanProperty heatMapProperty() {
    return heatMap;
  }

  /** The latest computed table, or null. */
  public ReadOnlyObjectProperty<Table> tableProperty() {
    return table.getReadOnlyProperty();
  }

  /** The grid layout of the current table and wafer, or null when there is no table. */
  public ReadOnlyObjectProperty<GridLayout> layoutProperty() {
    return layout.getReadOnlyProperty();
  }

  /** What to show instead of a table (hint or error), empty when a table is shown. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** True while a computation runs. */
  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  /** The file the definition was last saved to or opened from, or null. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** Definitions saved in the workspace's {@code tables} folder, by name. */
  public ObservableList<Path> savedTables() {
    return savedFiles.saved();
  }

  /** Recently opened or saved definitions, newest first. */
  public ObservableList<Path> recentTables() {
    return savedFiles.recent();
  }

  /** The dataset's catalogue entry for a variable of the current table, if known. */
  public Optional<VariableInfo> variable(String name) {
    return fields().variable(name);
  }

  /** Codes of a categorical variable with counts (empty for other types). */
  public List<Code> codes(String variable) {
    return fields().codes(variable);
  }

  /** Numeric variables of the dataset (for measures and weights). */
  public List<String> numericVariables() {
    return fields().numericVariables();
  }

  /** Categorical variables other than {@code variable} (parents for a roll-up). */
  public List<String> rollUpCandidates(String variable) {
    return fields().rollUpCandidates(variable);
  }

  /**
   * The parent chains a variable can roll up through, from the hierarchies that joins recorded in
   * the dataset (see {@link FieldCatalogue#hierarchyRollUps}); empty when it belongs to none.
   */
  public List<List<String>> hierarchyRollUps(String variable) {
    return fields().hierarchyRollUps(variable);
  }

  /** The zone a variable sits in, if any. */
  public Optional<Zone> zoneOf(String variable) {
    for (Zone z : Zone.values()) {
      if (items(z).stream().anyMatch(i -> i.variable().equals(variable))) {
        return Optional.of(z);
      }
    }
    return Optional.empty();
  }

  /** The derivation of a dimension, or null. */
  public Derivation derivation(String variable) {
    return spec().dimensions().stream()
        .filter(d -> d.variable().equals(variable))
        .findFirst()
        .map(DimensionSpec::derivation)
        .orElse(null);
  }

  /** Whether a dimension has a total (true when it is not a dimension). */
  public boolean hasTotal(String variable) {
    return spec().dimensions().stream()
        .filter(d -> d.variable().equals(variable))
        .findFirst()
        .map(DimensionSpec::total)
        .orElse(true);
  }

  /** The filter condition on a variable, or null. */
  public Filter filter(String variable) {
    return editor.filter(variable);
  }

  // Commands: zones

  /** Adds a field at the end of a zone (moving it when it sits elsewhere). */
  public void add(String variable, Zone zone) {
    move(variable, zone, Integer.MAX_VALUE);
  }

  /**
   * Puts a field at {@code index} of a zone (clamped), removing it from where it was. A field may
   * be both a dimension and a filter: moving between Filters and a dimension zone keeps its
   * condition.
   */
  public void move(String variable, Zone zone, int index) {
    edit(() -> editor.move(variable, zone, index, defaultDimension(variable)));
  }

  /** Moves a field one place left (-1) or right (+1) within its zone. */
  public void shift(String variable, int delta) {
    zoneOf(variable).ifPresent(z -> shift(variable, z, delta));
  }

  /**
   * Moves a field one place left (-1) or right (+1) within a zone (a filtered dimension sits in its
   * dimension zone and in Filters).
   */
  public void shift(String variable, Zone zone, int delta) {
    int i = indexIn(zone, variable);
    int to = i + delta;
    if (i >= 0 && to >= 0 && to < items(zone).size()) {
      move(variable, zone, to);
    }
  }

  /** Removes a field from its zone (and its filter condition when it is in Filters). */
  public void remove(String variable) {
    zoneOf(variable).ifPresent(z -> remove(variable, z));
  }

  /**
   * Removes a field from one zone: from Filters with its condition, from a dimension zone as a
   * dimension (a condition on it stays in Filters).
   */
  public void remove(String variable, Zone zone) {
    if (indexIn(zone, variable) >= 0) {
      edit(() -> editor.remove(variable, zone));
    }
  }

  /**
   * Clears the table definition (same dataset) and puts the view settings back to defaults; asks
   * first (Save / Discard / Cancel) when the definition has unsaved changes.
   */
  public void clear() {
    if (!context.unsavedWork().allow(unsaved, "starting a new table")) {
      return;
    }
    edit(() -> editor.apply(BuilderState.of(TableSpec.of(spec().dataset()))));
    file.set(null);
    savedState = editor.state();
    applyView(TableView.DEFAULT);
  }

  /**
   * True when the definition differs from the one last saved or opened; a new table counts only
   * once something is in it.
   */
  public boolean hasUnsavedChanges() {
    BuilderState s = editor.state();
    if (s.equals(savedState)) {
      return false;
    }
    return file.get() != null || !s.spec().dimensions().isEmpty() || !s.filterZone().isEmpty();
  }

  /**
   * The table's name: its file name without {@code .table.json} / {@code .json}, else one made of
   * its variables ({@code region-by-sex}), else {@code table}.
   */
  public String tableName() {
    if (file.get() != null) {
      return file.get().getFileName().toString().replaceFirst("(\\.table)?\\.json$", "");
    }
    List<String> parts = new ArrayList<>();
    spec().dimensions().forEach(d -> parts.add(d.variable()));
    String base = parts.isEmpty() ? "table" : String.join("-by-", parts);
    return base.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  // Commands: derivations, totals, filters, measure

  /** Sets (null removes) the bands, groups, date grouping or roll-up of a dimension. */
  public void setDerivation(String variable, Derivation derivation) {
    edit(() -> editor.setDerivation(variable, derivation));
  }

  /** Bands a numeric dimension from text such as {@code 16-24,25-49,50+}. */
  public void setBands(String variable, String bandsText) {
    edit(() -> editor.setDerivation(variable, parseBands(bandsText)));
  }

  /**
   * Reads bands as the band dialog writes them, refusing what would silently put a value in two
   * bands.
   *
   * @throws InputException with a message for the analyst (names the band)
   */
  public Bands parseBands(String bandsText) {
    return DerivationText.bands(bandsText);
  }

  /**
   * Bands between cut points, e.g. {@code 25,50,65} (see {@link DerivationText#cutPoints}): whole
   * bands for an integer variable, half-open ones otherwise.
   *
   * @throws InputException when a cut point is not a number or they do not increase
   */
  public Bands bandsFromCutPoints(String variable, String cutPoints) {
    return DerivationText.cutPoints(
        cutPoints, variable(variable).map(v -> v.type() == VariableType.INTEGER).orElse(false));
  }

  /** Groups codes from lines of {@code NAME=code,code,...}; blank text removes the groups. */
  public void setGroups(String variable, String groupsText) {
    edit(() -> editor.setDerivation(variable, parseGroups(variable, groupsText)));
  }

  /**
   * Reads groups as the group dialog writes them ({@code NAME=code,code,...} per line), null for
   * blank text.
   *
   * @throws InputException naming the group or code that is wrong
   */
  public CodeGroups parseGroups(String variable, String groupsText) {
    Set<String> known = new HashSet<>();
    codes(variable).forEach(c -> known.add(c.code()));
    return DerivationText.groups(groupsText, variable, known);
  }

  /** Groups a date dimension by a period (null shows each date). */
  public void setDateGrouping(String variable, DateUnit unit) {
    setDerivation(variable, unit == null ? null : new DateGrouping(unit));
  }

  /** Rolls a dimension up to another variable (null removes the roll-up). */
  public void setRollUp(String variable, String parent) {
    setDerivation(variable, parent == null ? null : RollUp.toVariable(parent));
  }

  /**
   * Rolls a dimension up through a chain of parent variables, nearest level first, with a subtotal
   * for every parent at every level (null or empty removes the roll-up).
   */
  public void setRollUp(String variable, List<String> parents) {
    setDerivation(
        variable, parents == null || parents.isEmpty() ? null : RollUp.toVariables(parents));
  }

  /** Switches a dimension's total on or off. */
  public void setTotal(String variable, boolean on) {
    edit(() -> editor.setTotal(variable, on));
  }

  /**
   * Keeps only records whose code is in {@code keep}; keeping every code (or none) removes the
   * condition, so a filter never silently empties the table. The field joins the Filters zone
   * unless it is a dimension already.
   */
  public void setCodeFilter(String variable, Set<String> keep) {
    List<String> all = new ArrayList<>(codes(variable).stream().map(Code::code).toList());
    VariableInfo v = variable(variable).orElse(null);
    if (v != null && v.missing() > 0) {
      all.add(org.statbench.core.table.Category.MISSING);
    }
    boolean everything = keep.isEmpty() || keep.containsAll(all);
    List<String> ordered = all.stream().filter(keep::contains).toList();
    setFilter(variable, everything ? null : new CodeFilter(variable, ordered, false));
  }

  /** Keeps only values in [lo, hi] of a numeric variable (null removes the condition). */
  public void setRange(String variable, Double lo, Double hi) {
    setFilter(
        variable,
        lo == null && hi == null
            ? null
            : new RangeFilter(
                variable,
                lo == null ? Double.NEGATIVE_INFINITY : lo,
                hi == null ? Double.POSITIVE_INFINITY : hi));
  }

  /** Keeps only dates in [from, to] (either may be null; both null removes the condition). */
  public void setDateRange(String variable, java.time.LocalDate from, java.time.LocalDate to) {
    setFilter(
        variable, from == null && to == null ? null : new DateRangeFilter(variable, from, to));
  }

  /** Sets (null removes) the filter condition on a variable. */
  public void setFilter(String variable, Filter condition) {
    edit(() -> editor.setFilter(variable, condition));
  }

  /**
   * Sets the measure. A percentage or weight that does not apply to it is dropped rather than
   * refused, so picking a median after a row percentage just works.
   */
  public void setMeasure(Measure measure) {
    edit(() -> editor.setMeasure(measure));
  }

  /** Shows values as percentages of a margin (counts and sums only). */
  public void setPercentage(Percentage percentage) {
    edit(() -> editor.setPercentage(percentage));
  }

  /** Weights records by a numeric variable (null for none). */
  public void setWeight(String weight) {
    edit(() -> editor.setWeight(weight));
  }

  // Commands: sorting

  /**
   * What clicking a column header does: sorts the rows by that column's values, largest first; a
   * second click smallest first; a third back to table order.
   */
  public void cycleRowSortByColumn(List<String> columnCodes) {
    rowSort.set(SortCycle.byValue(rowSort.get(), columnCodes));
  }

  /** What clicking a row header does: sorts the columns by that row's values (see above). */
  public void cycleColumnSortByRow(List<String> rowCodes) {
    columnSort.set(SortCycle.byValue(columnSort.get(), rowCodes));
  }

  /** Clicking a dimension's name: rows by label A–Z, then Z–A, then table order. */
  public void cycleRowLabelSort() {
    rowSort.set(SortCycle.byLabel(rowSort.get()));
  }

  /** Clicking a column dimension's name: columns by label A–Z, then Z–A, then table order. */
  public void cycleColumnLabelSort() {
    columnSort.set(SortCycle.byLabel(columnSort.get()));
  }

  /** The grid's view settings, as a saved definition keeps them. */
  public TableView view() {
    return new TableView(
        SortCycle.toSaved(rowSort.get()),
        SortCycle.toSaved(columnSort.get()),
        hideEmpty.get(),
        heatMap.get());
  }

  /** Applies saved view settings (sorts, hide empty, heat map). */
  public void applyView(TableView v) {
    rowSort.set(SortCycle.fromSaved(v.rowSort()));
    columnSort.set(SortCycle.fromSaved(v.columnSort()));
    hideEmpty.set(v.hideEmpty());
    heatMap.set(v.heatMap());
  }

  /** Back to table (codelist) order on both axes. */
  public void resetSort() {
    rowSort.set(GridLayout.AxisSort.NATURAL);
    columnSort.set(GridLayout.AxisSort.NATURAL);
  }

  // Commands: wafer, undo

  /** Shows another wafer; positions per wafer dimension of the current table. */
  public void selectWafer(List<Integer> positions) {
    context.currentTable().selectWafer(positions);
    relayout();
  }

  public void undo() {
    if (editor.undo()) {
      stateChanged();
    }
  }

  public void redo() {
    if (editor.redo()) {
      stateChanged();
    }
  }

  // Commands: saved definitions

  /** The workspace's folder of saved definitions, or null without a workspace. */
  public Path tablesDirectory() {
    return savedFiles.directory();
  }

  /**
   * Asks where to save (default: the workspace's tables folder, {@code <name>.table.json}) and
   * saves; false when cancelled or failed.
   */
  public boolean saveAs() {
    Path dir = savedFiles.saveDirectory();
    String name =
        file.get() != null ? file.get().getFileName().toString() : tableName() + ".table.json";
    return context
        .dialogs()
        .chooseFileToSave(
            "Save table definition", dir, name, List.of(DialogService.FileFilter.JSON))
        .map(this::save)
        .orElse(false);
  }

  /** Saves to the current file, or asks for one; false when cancelled or failed. */
  public boolean save() {
    if (file.get() == null) {
      return saveAs();
    }
    return save(file.get());
  }

  /** Writes the definition, with the grid's view settings, as versioned JSON; false on failure. */
  public boolean save(Path target) {
    try {
      SavedDefinitions.createParent(target);
      org.statbench.app.security.WorkspaceDocuments.write(
          context.workspace().workspace(),
          target,
          TableSpecJson.write(new SavedTable(spec(), view())));
    } catch (IOException e) {
      context
          .dialogs()
          .showError(
              "Cannot save the table definition",
              e.getMessage() == null ? e.toString() : target + ": " + e.getMessage());
      return false;
    }
    file.set(target);
    context.currentTable().nameProperty().set(tableName());
    savedState = editor.state();
    savedFiles.remember(target);
    savedFiles.refresh();
    context.statusProperty().set("Saved " + target.getFileName());
    return true;
  }

  /** Asks about unsaved changes, then for a definition file, and opens it. */
  public void openDialog() {
    if (!context.unsavedWork().allow(unsaved, "opening another table")) {
      return;
    }
    context
        .dialogs()
        .chooseFileToOpen(
            "Open table definition",
            tablesDirectory(),
            List.of(DialogService.FileFilter.JSON, DialogService.FileFilter.ALL))
        .ifPresent(this::open);
  }

  /** Opens a saved definition as {@link #open}, asking first about unsaved changes. */
  public void openAsking(Path source) {
    if (context.unsavedWork().allow(unsaved, "opening " + source.getFileName())) {
      open(source);
    }
  }

  /**
   * Opens a saved definition (switching to its dataset when the workspace has it) and applies its
   * view settings (defaults when it has none); errors are shown with the file and field.
   */
  public void open(Path source) {
    SavedTable saved;
    try {
      saved =
          TableSpecJson.readSaved(
              org.statbench.app.security.WorkspaceDocuments.read(
                  context.workspace().workspace(), source),
              source.toString());
    } catch (IOException e) {
      context
          .dialogs()
          .showError("Cannot open the table definition", source + ": " + e.getMessage());
      return;
    } catch (StatBenchException e) {
      context.dialogs().showError("Cannot open the table definition", e);
      return;
    }
    TableSpec loaded = saved.spec();
    Optional<DatasetInfo> d = context.workspace().dataset(loaded.dataset());
    if (d.isEmpty()) {
      context
          .dialogs()
          .showError(
              "Cannot open the table definition",
              source + ": dataset '" + loaded.dataset() + "' is not in this workspace");
      return;
    }
    if (context.workspace().selectedDatasetProperty().get() != d.get()) {
      // Set the spec first so that the dataset listener sees it already matches.
      edit(() -> editor.apply(BuilderState.of(loaded)));
      context.workspace().selectedDatasetProperty().set(d.get());
    } else {
      edit(() -> editor.apply(BuilderState.of(loaded)));
    }
    file.set(source);
    context.currentTable().nameProperty().set(tableName());
    savedState = editor.state();
    savedFiles.remember(source);
    applyView(saved.view());
    context.statusProperty().set("Opened " + source.getFileName());
  }

  /** Re-reads the workspace's tables folder. */
  public void refreshSavedTables() {
    savedFiles.refresh();
  }

  // Numeric helpers for the band dialog

  /**
   * Loads the non-missing values of a numeric variable in the background and hands them to {@code
   * then} on the FX thread (for equal-width and quantile bands).
   */
  public void loadValues(String variable, Consumer<double[]> then) {
    Workspace ws = context.workspace().workspace();
    String dataset = spec().dataset();
    if (ws == null) {
      return;
    }
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Reading " + variable,
                    (p, c) -> {
                      var col = ws.columns(dataset, List.of(variable)).column(variable);
                      if (!(col instanceof NumericColumn n)) {
                        throw new InputException("'" + variable + "' is not numeric");
                      }
                      return Arrays.stream(n.values()).filter(v -> !Double.isNaN(v)).toArray();
                    })
                .onSuccess(then)
                .onFailure(e -> context.dialogs().showError("Cannot read " + variable, e)));
  }

  // Internals

  private FieldCatalogue fields() {
    return new FieldCatalogue(dataset());
  }

  private Optional<DatasetInfo> dataset() {
    DatasetInfo d = context.workspace().selectedDatasetProperty().get();
    if (d != null && d.name().equals(spec().dataset())) {
      return Optional.of(d);
    }
    return context.workspace().dataset(spec().dataset());
  }

  private DimensionSpec defaultDimension(String variable) {
    VariableInfo v = variable(variable).orElse(null);
    // A date shown day by day is rarely what anyone wants: start with months.
    if (v != null && v.type() == VariableType.DATE) {
      return DimensionSpec.of(variable, new DateGrouping(DateUnit.MONTH));
    }
    return DimensionSpec.of(variable);
  }

  private int indexIn(Zone z, String variable) {
    List<ZoneItem> l = items(z);
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i).variable().equals(variable)) {
        return i;
      }
    }
    return -1;
  }

  private interface Edit {
    boolean run();
  }

  /** Runs an edit of the definition; shows a refused one, refreshes after a change. */
  private void edit(Edit e) {
    try {
      if (e.run()) {
        stateChanged();
      }
    } catch (InputException ex) {
      context.dialogs().showError("Table definition", ex);
    }
  }

  private void datasetSelected(DatasetInfo d) {
    String name = d == null ? "" : d.name();
    if (!name.equals(spec().dataset())) {
      BuilderState next = BuilderState.of(TableSpec.of(name));
      BuilderState s = editor.state();
      if (s.spec().dimensions().isEmpty() && s.filterZone().isEmpty()) {
        // Nothing built yet: switching datasets is not worth an undo step.
        editor.reset(next);
        savedState = editor.state();
        stateChanged();
      } else {
        edit(() -> editor.apply(next));
      }
      file.set(null);
    } else {
      // Same dataset, maybe a new catalogue (after a join): labels and codes may have changed.
      stateChanged();
    }
  }

  private void stateChanged() {
    state.set(editor.state());
    context.currentTable().nameProperty().set(tableName());
    canUndo.set(editor.canUndo());
    canRedo.set(editor.canRedo());
    BuilderState s = state.get();
    FieldCatalogue f = fields();
    rows.setAll(s.spec().rows().stream().map(d -> ChipText.item(d, f)).toList());
    columns.setAll(s.spec().columns().stream().map(d -> ChipText.item(d, f)).toList());
    wafers.setAll(s.spec().wafers().stream().map(d -> ChipText.item(d, f)).toList());
    filters.setAll(s.filterZone().stream().map(v -> ChipText.filterItem(v, filter(v), f)).toList());
    recompute();
  }

  private void recompute() {
    BuilderState s = state.get();
    Workspace ws = context.workspace().workspace();
    if (ws == null || s.spec().dataset().isEmpty()) {
      runs.cancel();
      showNoTable(
          ws == null ? "Open a workspace to build tables." : "Choose a dataset on the left.");
      return;
    }
    if (!s.isComputable()) {
      runs.cancel();
      showNoTable(
          "Drag fields from the left onto Rows and Columns (or select a field and press Ctrl+1"
              + " for rows, Ctrl+2 for columns).");
      return;
    }
    TableSpec spec = s.spec();
    Tabulator engine = tabulator;
    computing.set(true);
    context.currentTable().setComputing(true);
    if (layout.get() == null) {
      message.set("Computing…");
    }
    long start = System.nanoTime();
    runs.submit(
        BackgroundTask.of(
                "Tabulating " + spec.dataset(),
                (p, cancel) -> SourceSessions.shared().tabulate(engine, spec, ws, cancel))
            .onSuccess(t -> tableReady(t, (System.nanoTime() - start) / 1_000_000))
            .onFailure(
                e -> {
                  computing.set(false);
                  context.currentTable().setComputing(false);
                  showNoTable("Cannot compute this table: " + DialogService.userMessage(e));
                })
            .onCancelled(
                () -> {
                  // A newer run replaced this one, or the user pressed Cancel: keep what is shown.
                  computing.set(false);
                  context.currentTable().setComputing(false);
                }));
  }

  private void showNoTable(String text) {
    table.set(null);
    layout.set(null);
    message.set(text);
    context.currentTable().publish(null, List.of());
  }

  private void tableReady(Table t, long ms) {
    computing.set(false);
    context.currentTable().setComputing(false);
    Table old = table.get();
    List<Integer> wafer = context.currentTable().waferProperty().get();
    if (old == null || !sameWafers(old, t)) {
      wafer = List.of();
    }
    table.set(t);
    GridLayout g = new GridLayout(t, options(wafer));
    context.currentTable().publish(t, g.options().wafer());
    layout.set(g);
    message.set("");
    long records = dataset().map(DatasetInfo::rows).orElse(0L);
    boolean filtered = filters.stream().anyMatch(ZoneItem::modified);
    context.statusProperty().set(TableStatusText.of(t, records, filtered, ms));
    context
        .currentTable()
        .describeFilters(filters.stream().filter(ZoneItem::modified).map(ZoneItem::text).toList());
  }

  private static boolean sameWafers(Table a, Table b) {
    List<String> wa =
        a.dimensions().stream()
            .filter(d -> d.role() == org.statbench.core.table.DimensionRole.WAFER)
            .map(d -> d.variable() + "/" + d.size())
            .toList();
    List<String> wb =
        b.dimensions().stream()
            .filter(d -> d.role() == org.statbench.core.table.DimensionRole.WAFER)
            .map(d -> d.variable() + "/" + d.size())
            .toList();
    return wa.equals(wb);
  }

  private GridLayout.Options options(List<Integer> wafer) {
    return new GridLayout.Options(
        wafer,
        rowSort.get(),
        columnSort.get(),
        hideEmpty.get(),
        spec().percentage() != Percentage.NONE,
        codeFiltersOnDimensions());
  }

  /**
   * The codelist filters on plain dimensions: the grid shows only their ticked codes (the table
   * itself keeps every category, with zeros, as the engine promises).
   */
  private Map<String, CodeFilter> codeFiltersOnDimensions() {
    Map<String, CodeFilter> out = new HashMap<>();
    for (DimensionSpec d : spec().dimensions()) {
      if (d.derivation() == null && filter(d.variable()) instanceof CodeFilter cf) {
        out.put(d.variable(), cf);
      }
    }
    return out;
  }

  private void relayout() {
    Table t = table.get();
    if (t != null) {
      GridLayout g = new GridLayout(t, options(context.currentTable().waferProperty().get()));
      layout.set(g);
    }
  }

  /** The dialog service, for the chip dialogs the view shows ({@link ChipDialogs}). */
  DialogService dialogs() {
    return context.dialogs();
  }
}
