package org.statbench.app.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.statbench.app.disclosurepanel.DisclosurePanelViewModel;
import org.statbench.app.disclosurepanel.ReleaseActions;
import org.statbench.app.disclosurepanel.ReleasePath;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.LatestWins;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.geo.EditionBridge;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinResult;
import org.statbench.geo.JoinSpec;
import org.statbench.geo.Lookup;
import org.statbench.geo.MatchReport;
import org.statbench.geo.SplitRule;
import org.statbench.store.Workspace;

// Size (over 500 lines): the join form has many linked choices (dataset, key, lookup, lookup key,
// levels, bridge, split rule, weight, breakdown), each a property with its invalidation rule; the
// plain logic is in JoinReportRows and the release in ReleasePath.

/**
 * The join dialog's state: dataset, key variable, lookup, lookup key, levels to add, optional
 * edition bridge with its split rule, and the match report of the latest preview. {@link
 * #preview()} computes the report in the background without saving; {@link #join()} saves the added
 * levels and refreshes the catalogue so they appear in the field list under Geography. Join is only
 * possible once the current choices have been previewed. The report shows the records by match
 * status, the unmatched codes with their counts and, for a variable the analyst picks ({@link
 * #reportByProperty()}), the match rate by its categories; either table can be exported, protected
 * with the default disclosure policy and released through the export gate like any table. FX thread
 * only.
 */
public final class JoinViewModel {
  /** The bridge choice meaning "no edition bridge". */
  public static final String NO_BRIDGE = "(none)";

  private final AppContext context;
  private final LatestWins previews;
  private GeoJoins geo;
  private String keyDataset; // the dataset the key choices were made for
  private String keyLookup; // the lookup the lookup-key choice was made for
  private Workspace geoWorkspace;

  // Properties
  private final ObservableList<String> datasets = FXCollections.observableArrayList();
  private final ObservableList<String> lookups = FXCollections.observableArrayList();
  private final ObservableList<String> bridges = FXCollections.observableArrayList();
  private final ObservableList<String> keyChoices = FXCollections.observableArrayList();
  private final ObservableList<String> lookupKeyChoices = FXCollections.observableArrayList();
  private final ObservableList<String> weightChoices = FXCollections.observableArrayList();
  private final ObservableList<LevelChoice> levels = FXCollections.observableArrayList();
  private final StringProperty dataset = new SimpleStringProperty(this, "dataset");
  private final StringProperty keyVariable = new SimpleStringProperty(this, "keyVariable");
  private final StringProperty lookup = new SimpleStringProperty(this, "lookup");
  private final StringProperty lookupKey = new SimpleStringProperty(this, "lookupKey");
  private final StringProperty bridge = new SimpleStringProperty(this, "bridge", NO_BRIDGE);
  private final ObjectProperty<SplitRule> splitRule =
      new SimpleObjectProperty<>(this, "splitRule", SplitRule.BEST_FIT);
  private final StringProperty weightColumn = new SimpleStringProperty(this, "weightColumn");
  private final ReadOnlyObjectWrapper<MatchReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ObservableList<ReportRow> reportRows = FXCollections.observableArrayList();
  private final ObservableList<MatchReport.UnmatchedCode> unmatched =
      FXCollections.observableArrayList();
  private final ObservableList<String> byChoices = FXCollections.observableArrayList();
  private final StringProperty reportBy = new SimpleStringProperty(this, "reportBy");
  private final ObservableList<RateRow> rateRows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final IntegerProperty selectedLevels = new SimpleIntegerProperty(this, "selectedLevels");
  private final BooleanBinding canPreview;
  private final BooleanBinding canJoin;
  private final BooleanBinding canExport;
  private final BooleanBinding canExportBy;

  // The way out: a report table is protected and released through the disclosure export gate.
  private final ReleasePath release;

  /**
   * One lookup column offered as a level.
   *
   * @param name the column (and the added variable's name)
   * @param selected whether it will be added
   */
  public record LevelChoice(String name, BooleanProperty selected) {}

  /**
   * One line of the match report table.
   *
   * @param category {@code total}, a status word, or {@code rate}
   * @param count records
   * @param share percentage of all records, e.g. {@code 99.47%}
   */
  public record ReportRow(String category, String count, String share) {}

  /**
   * One line of the match rate by the chosen variable.
   *
   * @param category the variable's category ({@code Missing} for missing values)
   * @param records records in it
   * @param matched matched records in it
   * @param unmatched unmatched records in it
   * @param rate matched share, e.g. {@code 98.50%}
   */
  public record RateRow(
      String category, String records, String matched, String unmatched, String rate) {}

  public JoinViewModel(AppContext context) {
    this(context, refusal -> Optional.empty());
  }

  /**
   * @param justification asks for a clearance justification given the refusal text when an export
   *     is refused; empty when cancelled
   */
  public JoinViewModel(AppContext context, Function<String, Optional<String>> justification) {
    this.context = context;
    this.previews = new LatestWins(context.tasks());
    this.release =
        new ReleasePath(
            context.tasks(),
            context.workspace().workspaceProperty(),
            context.dialogs(),
            justification);
    // The protection's outcome message comes first; the export's own message is left showing.
    release
        .messageProperty()
        .addListener(
            (o, a, m) -> {
              if (m != null && !m.isEmpty()) {
                message.set(m);
              }
            });
    canPreview =
        Bindings.createBooleanBinding(
            () ->
                !busy.get()
                    && dataset.get() != null
                    && keyVariable.get() != null
                    && lookup.get() != null
                    && selectedLevels.get() > 0,
            busy,
            dataset,
            keyVariable,
            lookup,
            selectedLevels);
    canJoin =
        Bindings.createBooleanBinding(() -> !busy.get() && report.get() != null, busy, report);
    canExport = canJoin;
    canExportBy =
        Bindings.createBooleanBinding(
            () ->
                !busy.get()
                    && report.get() != null
                    && reportBy.get() != null
                    && report.get().rates().containsKey(reportBy.get()),
            busy,
            report,
            reportBy);

    context
        .workspace()
        .datasets()
        .addListener((ListChangeListener<DatasetInfo>) c -> refreshLists());
    dataset.addListener((o, a, b) -> onDatasetChanged());
    lookup.addListener((o, a, b) -> onLookupChanged());
    lookupKey.addListener((o, a, b) -> onLookupKeyChanged());
    bridge.addListener((o, a, b) -> onBridgeChanged());
    keyVariable.addListener((o, a, b) -> invalidate());
    splitRule.addListener((o, a, b) -> invalidate());
    weightColumn.addListener((o, a, b) -> invalidate());
    reportBy.addListener((o, a, b) -> onReportByChanged());
    refreshLists();
    // Follow the dataset the analyst selected in the dataset list.
    context.workspace().selectedDatasetProperty().addListener((o, a, b) -> followSelection(b));
    followSelection(context.workspace().selectedDatasetProperty().get());
  }

  private void followSelection(DatasetInfo selected) {
    if (selected != null
        && selected.kind() == DatasetKind.EXTRACT
        && datasets.contains(selected.name())) {
      dataset.set(selected.name());
    }
  }

  // Properties

  /** Extracts and lookups that can be joined (all datasets, extracts first). */
  public ObservableList<String> datasets() {
    return datasets;
  }

  /** Datasets that can serve as lookups (marked lookups first). */
  public ObservableList<String> lookups() {
    return lookups;
  }

  /** {@link #NO_BRIDGE} and every dataset that can serve as a code-change lookup. */
  public ObservableList<String> bridges() {
    return bridges;
  }

  /** Categorical and text variables of the chosen dataset. */
  public ObservableList<String> keyChoices() {
    return keyChoices;
  }

  /** Columns of the chosen lookup. */
  public ObservableList<String> lookupKeyChoices() {
    return lookupKeyChoices;
  }

  /** Numeric columns of the chosen bridge. */
  public ObservableList<String> weightChoices() {
    return weightChoices;
  }

  /** The lookup's columns other than its key, each with a check. */
  public ObservableList<LevelChoice> levels() {
    return levels;
  }

  public StringProperty datasetProperty() {
    return dataset;
  }

  public StringProperty keyVariableProperty() {
    return keyVariable;
  }

  public StringProperty lookupProperty() {
    return lookup;
  }

  public StringProperty lookupKeyProperty() {
    return lookupKey;
  }

  public StringProperty bridgeProperty() {
    return bridge;
  }

  public ObjectProperty<SplitRule> splitRuleProperty() {
    return splitRule;
  }

  public StringProperty weightColumnProperty() {
    return weightColumn;
  }

  /** The latest preview's report for the current choices, or null. */
  public ReadOnlyObjectProperty<MatchReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** The report as table rows (total, each status, rate). */
  public ObservableList<ReportRow> reportRows() {
    return reportRows;
  }

  /** Unmatched codes of the latest preview, largest first. */
  public ObservableList<MatchReport.UnmatchedCode> unmatched() {
    return unmatched;
  }

  /** Categorical and text variables of the chosen dataset the match rate can be broken down by. */
  public ObservableList<String> byChoices() {
    return byChoices;
  }

  /** The variable the match rate is broken down by, or null for none. */
  public StringProperty reportByProperty() {
    return reportBy;
  }

  /** The match rate by the categories of {@link #reportByProperty()} in the latest preview. */
  public ObservableList<RateRow> rateRows() {
    return rateRows;
  }

  /** True when there is a report to export and nothing is running. */
  public BooleanBinding canExportProperty() {
    return canExport;
  }

  /** True when the report has a breakdown by the chosen variable to export. */
  public BooleanBinding canExportByProperty() {
    return canExportBy;
  }

  /** A one-line status or error for the dialog. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public BooleanBinding canPreviewProperty() {
    return canPreview;
  }

  /** True when the current choices have a preview and nothing is running. */
  public BooleanBinding canJoinProperty() {
    return canJoin;
  }

  // Commands

  /** Computes the match report of the current choices in the background, without saving. */
  public void preview() {
    if (!canPreview.get()) {
      return;
    }
    Request r = request();
    busy.set(true);
    message.set("Matching " + r.dataset() + "." + r.key() + " to " + r.lookup() + "…");
    GeoJoins g = geo();
    previews.submit(
        BackgroundTask.of("Previewing join", (progress, cancel) -> run(g, r, false, cancel))
            .onSuccess(
                res -> {
                  busy.set(false);
                  showReport(res.report());
                  message.set(
                      String.format(
                          Locale.ROOT,
                          "Preview: %,d of %,d records matched. Join adds %s.",
                          res.report().matched(),
                          res.report().total(),
                          String.join(", ", r.levels())));
                })
            .onFailure(
                e -> {
                  busy.set(false);
                  clearReport();
                  message.set(org.statbench.app.shell.DialogService.userMessage(e));
                })
            .onCancelled(() -> busy.set(false)));
  }

  /**
   * Saves the previewed join: the levels become derived variables of the dataset, the catalogue is
   * refreshed and the dataset selected, so the new variables show under Geography.
   */
  public void join() {
    if (!canJoin.get()) {
      return;
    }
    Request r = request();
    busy.set(true);
    GeoJoins g = geo();
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Joining " + r.lookup(), (progress, cancel) -> run(g, r, true, cancel))
                .onSuccess(
                    res -> {
                      busy.set(false);
                      showReport(res.report());
                      String added =
                          String.join(", ", res.variables().stream().map(v -> v.name()).toList());
                      message.set("Added to " + r.dataset() + ": " + added);
                      context.statusProperty().set("Joined " + r.lookup() + " to " + r.dataset());
                      context.workspace().refresh(r.dataset());
                    })
                .onFailure(
                    e -> {
                      busy.set(false);
                      context.dialogs().showError("Join failed", e);
                    })
                .onCancelled(() -> busy.set(false)));
  }

  /**
   * Exports the report's records by match status (a one-way count table with its total) as CSV or
   * XLSX: protected with the default disclosure policy (small counts withheld) and released through
   * the export gate, which records it in the audit log; a refusal offers a clearance request.
   */
  public void exportReport() {
    MatchReport r = report.get();
    if (r == null || busy.get()) {
      message.set("Nothing to export: preview the join first");
      return;
    }
    release.protectThen(r.toTable(), ReleaseActions::export);
  }

  /**
   * Exports the match rate by the chosen variable (its categories by matched / unmatched, with
   * margins) through the disclosure check and export gate, as {@link #exportReport()} does.
   */
  public void exportReportBy() {
    if (!canExportBy.get()) {
      message.set("Nothing to export: choose a variable to break the match rate down by");
      return;
    }
    release.protectThen(report.get().toTable(reportBy.get()), ReleaseActions::export);
  }

  /** The table being released and its protection (for tests). */
  DisclosurePanelViewModel release() {
    return release.panel();
  }

  // Internals

  private record Request(
      String dataset,
      String key,
      String lookup,
      String lookupKey,
      List<String> levels,
      String bridge,
      SplitRule rule,
      String weight,
      String by) {}

  private Request request() {
    List<String> chosen =
        levels.stream().filter(l -> l.selected().get()).map(LevelChoice::name).toList();
    String b = bridge.get() == null || NO_BRIDGE.equals(bridge.get()) ? null : bridge.get();
    return new Request(
        dataset.get(),
        keyVariable.get(),
        lookup.get(),
        lookupKey.get(),
        chosen,
        b,
        splitRule.get(),
        weightColumn.get(),
        reportBy.get());
  }

  private static JoinResult run(
      GeoJoins g, Request r, boolean save, org.statbench.core.CancellationToken cancel) {
    EditionBridge b = r.bridge() == null ? null : g.bridge(r.bridge(), r.rule(), r.weight());
    JoinSpec spec =
        new JoinSpec(
            r.key(), r.levels(), b, r.by() == null ? List.of() : List.of(r.by()), Map.of());
    return save
        ? g.join(r.dataset(), r.lookup(), r.lookupKey(), spec, cancel)
        : g.preview(r.dataset(), r.lookup(), r.lookupKey(), spec, cancel);
  }

  private GeoJoins geo() {
    Workspace ws = context.workspace().workspace();
    if (geo == null || geoWorkspace != ws) {
      geo = new GeoJoins(ws);
      geoWorkspace = ws;
    }
    return geo;
  }

  private void showReport(MatchReport r) {
    report.set(r);
    reportRows.setAll(JoinReportRows.reportRows(r));
    unmatched.setAll(r.unmatched());
    rateRows.setAll(JoinReportRows.rateRows(r, reportBy.get()));
  }

  private void clearReport() {
    report.set(null);
    reportRows.clear();
    unmatched.clear();
    rateRows.clear();
  }

  /** A new breakdown of a report on show is computed at once (a preview saves nothing). */
  private void onReportByChanged() {
    if (report.get() != null || busy.get()) {
      // A running preview was asked without this breakdown: the new one replaces it.
      previews.cancel();
      busy.set(false);
      preview();
    } else {
      rateRows.clear();
    }
  }

  private void invalidate() {
    previews.cancel();
    busy.set(false);
    clearReport();
    message.set("");
  }

  private DatasetInfo info(String name) {
    return name == null ? null : context.workspace().dataset(name).orElse(null);
  }

  private void refreshLists() {
    List<DatasetInfo> all = context.workspace().datasets();
    List<String> extracts = new ArrayList<>();
    List<String> lookupNames = new ArrayList<>();
    for (DatasetInfo d : all) {
      (d.kind() == DatasetKind.LOOKUP ? lookupNames : extracts).add(d.name());
    }
    List<String> ds = new ArrayList<>(extracts);
    ds.addAll(lookupNames);
    List<String> ls = new ArrayList<>(lookupNames);
    ls.addAll(extracts);
    String keepDataset = dataset.get();
    String keepLookup = lookup.get();
    String keepBridge = bridge.get();
    setIfChanged(datasets, ds);
    setIfChanged(lookups, ls);
    List<String> bs = new ArrayList<>();
    bs.add(NO_BRIDGE);
    bs.addAll(ls);
    setIfChanged(bridges, bs);
    dataset.set(
        keepDataset != null && ds.contains(keepDataset)
            ? keepDataset
            : (ds.isEmpty() ? null : ds.get(0)));
    lookup.set(
        keepLookup != null && ls.contains(keepLookup)
            ? keepLookup
            : (ls.isEmpty() ? null : ls.get(0)));
    bridge.set(keepBridge != null && bs.contains(keepBridge) ? keepBridge : NO_BRIDGE);
    // Same names but a changed catalogue (e.g. after a join): rebuild the choices.
    onDatasetChanged();
    onLookupChanged();
  }

  /** Replacing equal items would make a bound combo box drop and re-set its value. */
  private static void setIfChanged(ObservableList<String> list, List<String> items) {
    if (!list.equals(items)) {
      list.setAll(items);
    }
  }

  private void onDatasetChanged() {
    DatasetInfo d = info(dataset.get());
    String keep = keyVariable.get();
    List<String> keys = JoinReportRows.keyChoices(d);
    // Another dataset gets its own guess; the same one (e.g. refreshed after a join) keeps its key.
    boolean sameDataset = java.util.Objects.equals(keyDataset, dataset.get());
    keyDataset = dataset.get();
    String key =
        sameDataset && keep != null && keys.contains(keep) ? keep : JoinReportRows.guessKey(keys);
    List<String> bys = JoinReportRows.byChoices(d);
    if (!bys.equals(byChoices)) {
      String keepBy = reportBy.get();
      byChoices.setAll(bys);
      if (keepBy != null && !bys.contains(keepBy)) {
        reportBy.set(null);
      }
    }
    if (keys.equals(keyChoices) && java.util.Objects.equals(key, keyVariable.get())) {
      return; // e.g. the catalogue was refreshed after a join: keep the report on show
    }
    keyChoices.setAll(keys);
    keyVariable.set(key);
    invalidate();
  }

  private void onLookupChanged() {
    DatasetInfo l = info(lookup.get());
    List<String> cols = l == null ? List.of() : l.variableNames();
    String keep = lookupKey.get();
    // Another lookup starts from its own key (its first column); the same one keeps the choice.
    boolean sameLookup = java.util.Objects.equals(keyLookup, lookup.get());
    keyLookup = lookup.get();
    String key =
        sameLookup && keep != null && cols.contains(keep)
            ? keep
            : (cols.isEmpty() ? null : cols.get(0));
    if (cols.equals(lookupKeyChoices) && java.util.Objects.equals(key, lookupKey.get())) {
      return; // same lookup columns: keep the chosen levels
    }
    lookupKeyChoices.setAll(cols);
    if (java.util.Objects.equals(key, lookupKey.get())) {
      onLookupKeyChanged();
    } else {
      lookupKey.set(key);
    }
  }

  private void onLookupKeyChanged() {
    DatasetInfo l = info(lookup.get());
    List<LevelChoice> out = new ArrayList<>();
    if (l != null) {
      // A postcode directory's termination date says why a postcode fails; it is not a level.
      String termination = Lookup.terminationColumn(l.variableNames(), lookupKey.get());
      for (String c : l.variableNames()) {
        if (!c.equals(lookupKey.get()) && !c.equals(termination)) {
          BooleanProperty sel = new SimpleBooleanProperty(true);
          sel.addListener(
              (o, a, b) -> {
                countSelected();
                invalidate();
              });
          out.add(new LevelChoice(c, sel));
        }
      }
    }
    levels.setAll(out);
    countSelected();
    invalidate();
  }

  private void countSelected() {
    selectedLevels.set((int) levels.stream().filter(l -> l.selected().get()).count());
  }

  private void onBridgeChanged() {
    weightChoices.setAll(JoinReportRows.numericColumns(info(bridge.get())));
    weightColumn.set(null);
    invalidate();
  }
}
