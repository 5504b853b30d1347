package org.statbench.app.datasets;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;

/**
 * The left-hand side of the main window: the workspace's datasets, the selected dataset's fields
 * grouped by type with a search box, and the details of the selected variable (type, label, missing
 * count and codelist with counts).
 */
public final class DatasetsViewModel {
  private final WorkspaceModel workspace;
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ObservableList<FieldGroup> fieldGroups = FXCollections.observableArrayList();
  private final ObjectProperty<VariableInfo> selectedVariable =
      new SimpleObjectProperty<>(this, "selectedVariable");
  private final ReadOnlyStringWrapper variableSummary = new ReadOnlyStringWrapper(this, "summary");
  private final ObservableList<Code> codes = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper noMatches = new ReadOnlyStringWrapper(this, "noMatches", "");
  private final ReadOnlyObjectWrapper<String> datasetSummary =
      new ReadOnlyObjectWrapper<>(this, "datasetSummary", "");

  public DatasetsViewModel(WorkspaceModel workspace) {
    this.workspace = workspace;
    workspace.selectedDatasetProperty().addListener((o, a, b) -> datasetChanged(a, b));
    workspace.propertiesVersionProperty().addListener((o, a, b) -> summarise());
    search.addListener((o, a, b) -> regroup());
    selectedVariable.addListener((o, a, b) -> describe(b));
    datasetChanged(null, workspace.selectedDatasetProperty().get());
  }

  // Properties

  public ObservableList<DatasetInfo> datasets() {
    return workspace.datasets();
  }

  public ObjectProperty<DatasetInfo> selectedDatasetProperty() {
    return workspace.selectedDatasetProperty();
  }

  /** Text typed into the field search box. */
  public StringProperty searchProperty() {
    return search;
  }

  /** The selected dataset's variables grouped by type and filtered by the search text. */
  public ObservableList<FieldGroup> fieldGroups() {
    return fieldGroups;
  }

  public ObjectProperty<VariableInfo> selectedVariableProperty() {
    return selectedVariable;
  }

  /** {@code No fields match "x"} when the search hides every field, else empty. */
  public ReadOnlyStringProperty noMatchesProperty() {
    return noMatches.getReadOnlyProperty();
  }

  /** One line on the selected variable: type, label, missing values. */
  public ReadOnlyStringProperty variableSummaryProperty() {
    return variableSummary.getReadOnlyProperty();
  }

  /** The selected variable's codelist with counts (empty unless it is categorical). */
  public ObservableList<Code> codes() {
    return codes;
  }

  /** E.g. {@code 12,000 rows · 14 variables}. */
  public ReadOnlyObjectProperty<String> datasetSummaryProperty() {
    return datasetSummary.getReadOnlyProperty();
  }

  // Commands

  /** Clears the search box. */
  public void clearSearch() {
    search.set("");
  }

  private void datasetChanged(DatasetInfo before, DatasetInfo now) {
    String keep = selectedVariable.get() == null ? null : selectedVariable.get().name();
    if (before != null && (now == null || !before.name().equals(now.name()))) {
      // a search for the old dataset's fields would blank the new one's list
      search.set("");
    }
    regroup();
    summarise();
    VariableInfo again =
        now == null || keep == null || before == null || !before.name().equals(now.name())
            ? null
            : now.variable(keep).orElse(null);
    selectedVariable.set(again);
  }

  /** Rows, variables and the survey design kept with the dataset (its properties). */
  private void summarise() {
    DatasetInfo now = workspace.selectedDatasetProperty().get();
    org.statbench.store.Workspace ws = workspace.workspace();
    String design =
        now == null || ws == null
            ? ""
            : org.statbench.tabulate.survey.SurveyDesigns.of(ws, now.name())
                .map(org.statbench.tabulate.survey.SurveyDesign::summary)
                .orElse("");
    datasetSummary.set(
        now == null
            ? ""
            : formatCount(now.rows())
                + " rows · "
                + now.variables().size()
                + " variables"
                + (design.isEmpty() ? "" : "\n" + design));
  }

  private void regroup() {
    DatasetInfo d = workspace.selectedDatasetProperty().get();
    List<VariableInfo> vars = d == null ? List.of() : d.variables();
    fieldGroups.setAll(FieldGroup.group(vars, search.get()));
    noMatches.set(
        fieldGroups.isEmpty() && !vars.isEmpty() && !search.get().isBlank()
            ? "No matches for \"" + search.get().strip() + "\""
            : "");
  }

  private void describe(VariableInfo v) {
    if (v == null) {
      variableSummary.set("");
      codes.clear();
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(v.label());
    if (!v.label().equals(v.name())) {
      sb.append(" (").append(v.name()).append(')');
    }
    sb.append(" · ").append(v.type().key());
    if (v.type() == org.statbench.core.data.VariableType.CATEGORICAL) {
      sb.append(" · ").append(v.codes().size()).append(" codes");
    }
    sb.append(" · ").append(formatCount(v.missing())).append(" missing");
    if (v.isDerived()) {
      sb.append(" · derived: ").append(v.derivedFrom());
    }
    variableSummary.set(sb.toString());
    codes.setAll(v.codes());
  }

  /** Formats a count with thousands separators, e.g. {@code 5,000,000}. */
  public static String formatCount(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
