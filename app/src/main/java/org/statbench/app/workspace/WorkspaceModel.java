package org.statbench.app.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.TaskRunner;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.Workspace;

/**
 * The open workspace and its catalogue, shared by every feature. Opening, refreshing and closing
 * run through the task runner; properties change on the FX thread only.
 */
public final class WorkspaceModel {
  private final TaskRunner tasks;
  private final DialogService dialogs;
  private final WorkspacePreferences preferences;

  private final ReadOnlyObjectWrapper<Workspace> workspace =
      new ReadOnlyObjectWrapper<>(this, "workspace");
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
  private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
  private final ObservableList<DatasetInfo> datasetsView =
      FXCollections.unmodifiableObservableList(datasets);
  private final ObjectProperty<DatasetInfo> selectedDataset =
      new SimpleObjectProperty<>(this, "selectedDataset");

  public WorkspaceModel(TaskRunner tasks, DialogService dialogs, WorkspacePreferences preferences) {
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.preferences = preferences;
  }

  // Properties

  /** The open workspace, or null. */
  public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
    return workspace.getReadOnlyProperty();
  }

  public Workspace workspace() {
    return workspace.get();
  }

  /** The workspace's folder name, empty when none is open. */
  public ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  /** The catalogue, ordered by name. */
  public ObservableList<DatasetInfo> datasets() {
    return datasetsView;
  }

  /** The dataset the analyst works on (drives the field list and the table builder). */
  public ObjectProperty<DatasetInfo> selectedDatasetProperty() {
    return selectedDataset;
  }

  public WorkspacePreferences preferences() {
    return preferences;
  }

  // Commands

  /**
   * Opens (creating when missing) the workspace in {@code dir} in the background, closes the
   * previous one, remembers it as the last workspace and loads its catalogue.
   */
  public void open(Path dir) {
    open(dir, ws -> {});
  }

  /**
   * As {@link #open(Path)}, then calls {@code afterOpen} on the FX thread. An encrypted workspace
   * asks for its passphrase first; a wrong one says so and asks again, changing nothing.
   */
  public void open(Path dir, Consumer<Workspace> afterOpen) {
    if (Workspace.isEncrypted(dir)) {
      openEncrypted(dir, afterOpen, "");
      return;
    }
    open(dir, null, afterOpen);
  }

  private void openEncrypted(Path dir, Consumer<Workspace> afterOpen, String problem) {
    Optional<char[]> pass =
        dialogs.askPassphrase(
            "Encrypted workspace",
            problem + "Passphrase for the workspace " + dir.getFileName() + ":");
    if (pass.isEmpty()) {
      return;
    }
    // the slow key derivation starts now, beside the open's own start (shared derivation cache)
    Workspace.prefetchKey(dir, pass.get());
    open(
        dir,
        pass.get(),
        afterOpen,
        e -> {
          if (e instanceof org.statbench.store.Crypto.WrongPassphraseException) {
            openEncrypted(dir, afterOpen, "Wrong passphrase, try again.\n");
          } else {
            dialogs.showError("Cannot open workspace " + dir, e);
          }
        });
  }

  private void open(Path dir, char[] passphrase, Consumer<Workspace> afterOpen) {
    open(dir, passphrase, afterOpen, e -> dialogs.showError("Cannot open workspace " + dir, e));
  }

  private void open(
      Path dir, char[] passphrase, Consumer<Workspace> afterOpen, Consumer<Throwable> onFailure) {
    tasks.run(
        BackgroundTask.of(
                "Opening workspace " + dir.getFileName(),
                (progress, cancel) -> {
                  try {
                    Workspace ws = Workspace.open(dir, passphrase);
                    return new Opened(ws, ws.datasets());
                  } finally {
                    if (passphrase != null) {
                      java.util.Arrays.fill(passphrase, '\0');
                    }
                  }
                })
            .onSuccess(
                opened -> {
                  Workspace old = workspace.get();
                  apply(opened.workspace(), opened.datasets(), null);
                  preferences.rememberWorkspace(dir);
                  closeInBackground(old);
                  afterOpen.accept(opened.workspace());
                })
            .onFailure(onFailure::accept));
  }

  /**
   * Encrypts the open workspace with {@code passphrase} (Workspace > Encrypt…): closes it, converts
   * it in the background ({@link Workspace#encrypt}) and opens it again with the passphrase. On
   * failure the workspace is reopened as it was.
   */
  public void encrypt(char[] passphrase) {
    Workspace ws = workspace.get();
    if (ws == null) {
      return;
    }
    Path dir = ws.directory();
    workspace.set(null);
    datasets.clear();
    tasks.run(
        BackgroundTask.of(
                "Encrypting workspace " + dir.getFileName(),
                (progress, cancel) -> {
                  try {
                    ws.close();
                    Workspace.encrypt(
                        dir, passphrase, org.statbench.store.Crypto.WORKSPACE_ITERATIONS);
                    Workspace opened = Workspace.open(dir, passphrase);
                    return new Opened(opened, opened.datasets());
                  } finally {
                    java.util.Arrays.fill(passphrase, '\0');
                  }
                })
            .onSuccess(opened -> apply(opened.workspace(), opened.datasets(), null))
            .onFailure(
                e -> {
                  dialogs.showError("Cannot encrypt workspace " + dir, e);
                  open(dir);
                }));
  }

  /**
   * Makes an already open workspace current (used after creating the sample workspace); closes the
   * previous one.
   */
  public void use(Workspace ws, List<DatasetInfo> catalogue) {
    Workspace old = workspace.get();
    apply(ws, catalogue, null);
    preferences.rememberWorkspace(ws.directory());
    if (old != ws) {
      closeInBackground(old);
    }
  }

  /** Reloads the catalogue in the background, then selects {@code select} when given. */
  public void refresh(String select) {
    Workspace ws = workspace.get();
    if (ws == null) {
      return;
    }
    tasks.run(
        BackgroundTask.of("Reading catalogue", (progress, cancel) -> ws.datasets())
            .showProgress(false)
            .onSuccess(
                list -> {
                  if (workspace.get() == ws) {
                    apply(ws, list, select);
                  }
                })
            .onFailure(e -> dialogs.showError("Cannot read the catalogue", e)));
  }

  /**
   * A counter bumped whenever a dataset's properties (e.g. its survey design) change through {@link
   * #propertiesChanged}; listeners re-read what they show of them.
   */
  public javafx.beans.property.ReadOnlyIntegerProperty propertiesVersionProperty() {
    return propertiesVersion.getReadOnlyProperty();
  }

  /** Tells the views that a dataset's properties changed (FX thread). */
  public void propertiesChanged() {
    propertiesVersion.set(propertiesVersion.get() + 1);
  }

  private final javafx.beans.property.ReadOnlyIntegerWrapper propertiesVersion =
      new javafx.beans.property.ReadOnlyIntegerWrapper(this, "propertiesVersion");

  /** The dataset of that name in the loaded catalogue. */
  public Optional<DatasetInfo> dataset(String datasetName) {
    return datasets.stream().filter(d -> d.name().equals(datasetName)).findFirst();
  }

  /** Closes the workspace (on exit). */
  public void close() {
    Workspace ws = workspace.get();
    workspace.set(null);
    if (ws != null) {
      ws.close();
    }
  }

  private void apply(Workspace ws, List<DatasetInfo> catalogue, String select) {
    String keep =
        select != null
            ? select
            : (selectedDataset.get() != null && workspace.get() == ws
                ? selectedDataset.get().name()
                : null);
    workspace.set(ws);
    name.set(ws.directory().getFileName() == null ? "" : ws.directory().getFileName().toString());
    datasets.setAll(catalogue);
    DatasetInfo selected =
        catalogue.stream()
            .filter(d -> d.name().equals(keep))
            .findFirst()
            .orElseGet(() -> defaultSelection(ws, catalogue));
    selectedDataset.set(selected);
  }

  /**
   * The dataset the workspace's saved tables use most (so the first start shows what its saved
   * tables need), else the first extract (lookups are for joins, rarely tabulated), else the first
   * dataset.
   */
  private static DatasetInfo defaultSelection(Workspace ws, List<DatasetInfo> catalogue) {
    java.util.Optional<String> used =
        SavedTablesDataset.mostUsed(ws.directory().resolve(SampleWorkspace.TABLES_DIR));
    if (used.isPresent()) {
      for (DatasetInfo d : catalogue) {
        if (d.name().equals(used.get())) {
          return d;
        }
      }
    }
    return catalogue.stream()
        .filter(d -> d.kind() == org.statbench.core.data.DatasetKind.EXTRACT)
        .findFirst()
        .orElse(catalogue.isEmpty() ? null : catalogue.get(0));
  }

  private void closeInBackground(Workspace old) {
    if (old == null) {
      return;
    }
    tasks.run(
        BackgroundTask.of(
                "Closing workspace",
                (progress, cancel) -> {
                  old.close();
                  return null;
                })
            .showProgress(false)
            .onFailure(e -> {}));
  }

  private record Opened(Workspace workspace, List<DatasetInfo> datasets) {}
}
