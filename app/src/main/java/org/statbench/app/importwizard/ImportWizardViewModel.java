package org.statbench.app.importwizard;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.datasets.DatasetsViewModel;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService.FileFilter;
import org.statbench.app.shell.LatestWins;
import org.statbench.core.data.VariableType;
import org.statbench.store.ImportRequest;
import org.statbench.store.ImportSchema;
import org.statbench.store.Workspace;

/**
 * The import wizard: a file, its delimiter and encoding with a live preview of the first rows,
 * per-column type overrides and the dataset name. {@link #startImport()} runs the import in the
 * background (progress and Cancel in the status bar); errors go to an error dialog and leave the
 * workspace as it was.
 */
public final class ImportWizardViewModel {
  /** Rows shown in the preview. */
  public static final int PREVIEW_ROWS = 20;

  /** Delimiter choices. */
  public enum Delimiter {
    AUTO("Detect", null),
    COMMA("Comma ,", ','),
    TAB("Tab", '\t'),
    SEMICOLON("Semicolon ;", ';');

    private final String text;
    private final Character character;

    Delimiter(String text, Character character) {
      this.text = text;
      this.character = character;
    }

    /** The delimiter character, or null to detect. */
    public Character character() {
      return character;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Encoding choices. */
  public enum Encoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    WINDOWS_1252("Windows-1252", Charset.forName("windows-1252"));

    private final String text;
    private final Charset charset;

    Encoding(String text, Charset charset) {
      this.text = text;
      this.charset = charset;
    }

    public Charset charset() {
      return charset;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A column of the file with its type choice (null type = let the import infer it). */
  public static final class ColumnChoice {
    private final String name;
    private final VariableType guessed;
    private final ObjectProperty<VariableType> type = new SimpleObjectProperty<>(this, "type");

    ColumnChoice(String name, VariableType guessed) {
      this.name = name;
      this.guessed = guessed;
    }

    public String name() {
      return name;
    }

    /** The type the preview rows suggest. */
    public VariableType guessed() {
      return guessed;
    }

    /** The overriding type, or null for automatic. */
    public ObjectProperty<VariableType> typeProperty() {
      return type;
    }
  }

  private final AppContext context;
  private final LatestWins previewRuns;
  private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
  private final ObjectProperty<Delimiter> delimiter =
      new SimpleObjectProperty<>(this, "delimiter", Delimiter.AUTO);
  private final ObjectProperty<Encoding> encoding =
      new SimpleObjectProperty<>(this, "encoding", Encoding.UTF_8);
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final ReadOnlyObjectWrapper<CsvPreview> preview =
      new ReadOnlyObjectWrapper<>(this, "preview");
  private final ReadOnlyStringWrapper previewError =
      new ReadOnlyStringWrapper(this, "previewError", "");
  private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
  private final ObservableList<String> previewProblems = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper importError =
      new ReadOnlyStringWrapper(this, "importError", "");
  private final ObservableList<String> importProblems = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper imported = new ReadOnlyBooleanWrapper(this, "imported");
  private final javafx.beans.property.BooleanProperty wizardOpen =
      new javafx.beans.property.SimpleBooleanProperty(this, "wizardOpen");
  private final BooleanBinding canImport;

  public ImportWizardViewModel(AppContext context) {
    this.context = context;
    this.previewRuns = new LatestWins(context.tasks());
    file.addListener((o, a, b) -> fileChanged(b));
    delimiter.addListener((o, a, b) -> reloadPreview());
    encoding.addListener((o, a, b) -> reloadPreview());
    canImport =
        Bindings.createBooleanBinding(
            () ->
                preview.get() != null
                    && !name.get().isBlank()
                    && !importing.get()
                    && context.workspace().workspace() != null,
            preview,
            name,
            importing,
            context.workspace().workspaceProperty());
  }

  // Properties

  public ObjectProperty<Path> fileProperty() {
    return file;
  }

  public ObjectProperty<Delimiter> delimiterProperty() {
    return delimiter;
  }

  public ObjectProperty<Encoding> encodingProperty() {
    return encoding;
  }

  /** The dataset name (defaults to the file name without extension). */
  public StringProperty nameProperty() {
    return name;
  }

  /** The preview, or null while none is loaded or when the file cannot be read. */
  public ReadOnlyObjectProperty<CsvPreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /** Why the preview failed, or empty. */
  public ReadOnlyStringProperty previewErrorProperty() {
    return previewError.getReadOnlyProperty();
  }

  /** The file's columns with their type choices, in file order. */
  public ObservableList<ColumnChoice> columns() {
    return columns;
  }

  public ReadOnlyBooleanProperty importingProperty() {
    return importing.getReadOnlyProperty();
  }

  /** The preview's rows whose number of fields differs from the header's (ragged rows). */
  public ObservableList<String> previewProblems() {
    return previewProblems;
  }

  /** Why the last import failed (shown in the open wizard), or empty. */
  public ReadOnlyStringProperty importErrorProperty() {
    return importError.getReadOnlyProperty();
  }

  /**
   * The file's first {@value ImportProblems#MAX} problems (line, column) after a failed import, so
   * the settings can be fixed in the still open wizard.
   */
  public ObservableList<String> importProblems() {
    return importProblems;
  }

  /** True once an import succeeded (the wizard closes). */
  public ReadOnlyBooleanProperty importedProperty() {
    return imported.getReadOnlyProperty();
  }

  /**
   * True while the wizard window is open: a failure is then shown in it (with the problems);
   * otherwise in an error dialog.
   */
  public javafx.beans.property.BooleanProperty wizardOpenProperty() {
    return wizardOpen;
  }

  /** True when Import can start. */
  public BooleanBinding canImportProperty() {
    return canImport;
  }

  // Commands

  /** Asks for a CSV file (through the dialog service) and previews it. */
  public void browse() {
    Path current = file.get();
    context
        .dialogs()
        .chooseFileToOpen(
            "Import CSV extract",
            current == null ? null : current.getParent(),
            List.of(FileFilter.CSV, FileFilter.ALL))
        .ifPresent(file::set);
  }

  /** The import request the current choices describe. */
  public ImportRequest request() {
    Map<String, ImportSchema.VariableSchema> overrides = new LinkedHashMap<>();
    for (ColumnChoice c : columns) {
      if (c.typeProperty().get() != null) {
        overrides.put(
            c.name(), new ImportSchema.VariableSchema(c.typeProperty().get(), null, null));
      }
    }
    return new ImportRequest(
        name.get().strip(),
        file.get(),
        encoding.get().charset(),
        delimiter.get().character(),
        overrides.isEmpty() ? null : new ImportSchema(overrides));
  }

  /**
   * Starts the import in the background when the choices are complete (asking first when it would
   * replace a dataset). On success the dataset list refreshes and selects the new dataset; on
   * failure an error dialog names file, line and column and the list stays as it was.
   *
   * @return true when the import started (the wizard may close)
   */
  public boolean startImport() {
    if (!canImport.get()) {
      return false;
    }
    Workspace ws = context.workspace().workspace();
    ImportRequest req = request();
    Optional<org.statbench.core.data.DatasetInfo> existing =
        context.workspace().dataset(req.name());
    if (existing.isPresent()
        && !context.dialogs().confirm("Replace dataset", replacing(existing.get(), req))) {
      return false;
    }
    var selected = context.workspace().selectedDatasetProperty().get();
    boolean replacesInUse = selected != null && selected.name().equals(req.name());
    if (replacesInUse
        && !context.unsavedWork().allow("replacing the dataset '" + req.name() + "' it uses")) {
      return false;
    }
    importError.set("");
    importProblems.clear();
    importing.set(true);
    context.statusProperty().set("Importing " + req.file().getFileName() + "…");
    long start = System.nanoTime();
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Importing " + req.file().getFileName(),
                    (progress, cancel) -> ws.importCsv(req, progress, cancel))
                .onSuccess(
                    info -> {
                      importing.set(false);
                      long ms = (System.nanoTime() - start) / 1_000_000;
                      context
                          .statusProperty()
                          .set(
                              "Imported "
                                  + info.name()
                                  + ": "
                                  + DatasetsViewModel.formatCount(info.rows())
                                  + " rows in "
                                  + DatasetsViewModel.formatCount(ms)
                                  + " ms"
                                  + (keepSelection(replacesInUse)
                                      ? "; select it under Datasets to use it"
                                      : ""));
                      // a new dataset does not take the place of a table being built
                      context
                          .workspace()
                          .refresh(keepSelection(replacesInUse) ? null : info.name());
                      imported.set(true);
                    })
                .onFailure(
                    e -> {
                      importing.set(false);
                      context.statusProperty().set("Import failed");
                      if (wizardOpen.get()) {
                        importError.set(
                            "Import failed: "
                                + org.statbench.app.shell.DialogService.userMessage(e)
                                + " Nothing was changed; fix the settings and import again.");
                        listProblems(req);
                      } else {
                        context.dialogs().showError("Import failed", e);
                      }
                    })
                .onCancelled(
                    () -> {
                      importing.set(false);
                      context.statusProperty().set("Import cancelled; nothing changed");
                    }));
    return true;
  }

  /** The replace question: what goes with the old dataset (its joined variables). */
  static String replacing(org.statbench.core.data.DatasetInfo old, ImportRequest req) {
    List<String> joined =
        old.variables().stream()
            .filter(org.statbench.core.data.VariableInfo::isDerived)
            .map(org.statbench.core.data.VariableInfo::name)
            .toList();
    return "A dataset named '"
        + req.name()
        + "' exists. Replace it with "
        + req.file().getFileName()
        + "? It is replaced only if the import succeeds."
        + (joined.isEmpty()
            ? ""
            : " Its "
                + (joined.size() == 1 ? "joined variable " : joined.size() + " joined variables ")
                + String.join(", ", joined.subList(0, Math.min(5, joined.size())))
                + (joined.size() > 5 ? ", …" : "")
                + (joined.size() == 1 ? " goes" : " go")
                + " with it: join again after the import.");
  }

  private boolean keepSelection(boolean replacesInUse) {
    return !replacesInUse
        && context.workspace().selectedDatasetProperty().get() != null
        && context.unsavedWork().any();
  }

  private void listProblems(ImportRequest req) {
    CsvPreview p = preview.get();
    if (p == null) {
      return;
    }
    Map<String, VariableType> types = new LinkedHashMap<>();
    for (ColumnChoice c : columns) {
      if (c.typeProperty().get() != null) {
        types.put(c.name(), c.typeProperty().get());
      }
    }
    char sep = req.delimiter() == null ? p.delimiter() : req.delimiter();
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Listing the problems in " + req.file().getFileName(),
                    (progress, cancel) ->
                        ImportProblems.scan(
                            req.file(), req.encoding(), sep, types, ImportProblems.MAX, cancel))
                .showProgress(false)
                .onSuccess(importProblems::setAll)
                .onFailure(e -> {}));
  }

  private void fileChanged(Path f) {
    if (f != null) {
      String base = f.getFileName().toString();
      int dot = base.lastIndexOf('.');
      name.set(dot > 0 ? base.substring(0, dot) : base);
    }
    reloadPreview();
  }

  private void reloadPreview() {
    Path f = file.get();
    if (f == null) {
      preview.set(null);
      columns.clear();
      return;
    }
    Charset cs = encoding.get().charset();
    Character sep = delimiter.get().character();
    previewRuns.submit(
        BackgroundTask.of(
                "Previewing " + f.getFileName(),
                (progress, cancel) -> CsvPreview.read(f, cs, sep, PREVIEW_ROWS))
            .showProgress(false)
            .onSuccess(this::showPreview)
            .onFailure(
                e -> {
                  preview.set(null);
                  columns.clear();
                  previewError.set(org.statbench.app.shell.DialogService.userMessage(e));
                }));
  }

  private void showPreview(CsvPreview p) {
    Map<String, VariableType> keep = new LinkedHashMap<>();
    for (ColumnChoice c : columns) {
      if (c.typeProperty().get() != null) {
        keep.put(c.name(), c.typeProperty().get());
      }
    }
    previewError.set("");
    previewProblems.setAll(ImportProblems.raggedPreviewRows(p));
    List<ColumnChoice> cols =
        java.util.stream.IntStream.range(0, p.header().size())
            .mapToObj(i -> new ColumnChoice(p.header().get(i), p.guessedTypes().get(i)))
            .toList();
    cols.forEach(c -> c.typeProperty().set(keep.get(c.name())));
    columns.setAll(cols);
    preview.set(p);
  }
}
