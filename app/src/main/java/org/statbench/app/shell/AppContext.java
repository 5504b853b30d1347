package org.statbench.app.shell;

import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.workspace.WorkspaceModel;

/**
 * The shared services and models every feature receives: the task runner, the dialog service, the
 * open workspace with its datasets, the current table, and the status-bar text. Created once by the
 * application (or by a test with a {@link SameThreadTaskRunner} and a recording dialog service).
 */
public final class AppContext {
  private final TaskRunner tasks;
  private final DialogService dialogs;
  private final WorkspaceModel workspace;
  private final CurrentTable currentTable = new CurrentTable();
  private final StringProperty status = new SimpleStringProperty(this, "status", "");
  private final ObservableList<FieldAction> fieldActions = FXCollections.observableArrayList();
  private final ObservableList<FieldAction> datasetActions = FXCollections.observableArrayList();
  private java.util.function.Consumer<String> tabSelector = id -> {};
  private final javafx.beans.property.IntegerProperty clearanceDecisions =
      new javafx.beans.property.SimpleIntegerProperty(this, "clearanceDecisions");
  private final UnsavedWork unsavedWork;

  public AppContext(TaskRunner tasks, DialogService dialogs, WorkspaceModel workspace) {
    this.tasks = Objects.requireNonNull(tasks);
    this.dialogs = Objects.requireNonNull(dialogs);
    this.workspace = Objects.requireNonNull(workspace);
    this.unsavedWork = new UnsavedWork(dialogs);
  }

  /** The definitions with unsaved changes, asked about before an action would discard them. */
  public UnsavedWork unsavedWork() {
    return unsavedWork;
  }

  /**
   * Counts the clearance decisions made in this window: the Clearance queue increments it, views
   * that show a table's clearance listen to it.
   */
  public javafx.beans.property.IntegerProperty clearanceDecisionsProperty() {
    return clearanceDecisions;
  }

  /** Background work; see {@link TaskRunner}. */
  public TaskRunner tasks() {
    return tasks;
  }

  /** Errors, confirmations, file choosers. */
  public DialogService dialogs() {
    return dialogs;
  }

  /** The open workspace and its datasets. */
  public WorkspaceModel workspace() {
    return workspace;
  }

  /** The table being built, followed by the chart and the disclosure panel. */
  public CurrentTable currentTable() {
    return currentTable;
  }

  /** Left-hand text of the status bar, e.g. {@code 5,000,000 rows · computed in 38 ms}. */
  public StringProperty statusProperty() {
    return status;
  }

  /**
   * Actions on a field offered by the field list (context menu and shortcuts); features add theirs
   * when they build their content.
   */
  public ObservableList<FieldAction> fieldActions() {
    return fieldActions;
  }

  /**
   * Actions on a dataset offered by the datasets list's context menu (the action receives the
   * dataset name); features add theirs when they build their content.
   */
  public ObservableList<FieldAction> datasetActions() {
    return datasetActions;
  }

  /**
   * Brings a feature's tab to the front by feature id (e.g. {@code cohorts}), for a command that
   * opens something shown in another tab; does nothing until the main view installs its selector.
   */
  public void selectTab(String featureId) {
    tabSelector.accept(featureId);
  }

  /** Installs what {@link #selectTab} does (the main view). */
  public void setTabSelector(java.util.function.Consumer<String> selector) {
    this.tabSelector = Objects.requireNonNull(selector);
  }
}
