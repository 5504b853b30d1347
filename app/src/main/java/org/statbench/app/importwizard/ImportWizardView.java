package org.statbench.app.importwizard;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.statbench.app.importwizard.ImportWizardViewModel.ColumnChoice;
import org.statbench.app.theme.Em;
import org.statbench.core.data.VariableType;

/**
 * The import wizard window: file, delimiter, encoding and name at the top, the preview of the first
 * rows with a type choice above each column, Import and Cancel at the bottom.
 */
public final class ImportWizardView {
  private final ImportWizardViewModel model;
  private final Stage stage = new Stage();
  private final TableView<List<String>> previewTable = new TableView<>();

  /** A type box's arrow button and cell padding beyond its text, in em. */
  private static final double TYPE_BOX_EXTRA_EM = 3.2;

  /** A preview column's header padding around its type box, in em. */
  private static final double COLUMN_PADDING_EM = 1;

  public ImportWizardView(ImportWizardViewModel model, Window owner) {
    this.model = model;
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Import CSV extract");
    Scene scene = new Scene(build(), 900, 560);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    // a failed import keeps the wizard open with the problems listed; a successful one closes it
    stage.setOnShown(e -> model.wizardOpenProperty().set(true));
    stage.setOnHidden(e -> model.wizardOpenProperty().set(false));
    model
        .importedProperty()
        .addListener(
            (o, was, done) -> {
              if (done) {
                stage.close();
              }
            });
  }

  /** Shows the window (does not wait). */
  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }

  private VBox build() {
    TextField fileField = new TextField();
    fileField.setId("importFile");
    fileField.setEditable(false);
    fileField
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.fileProperty().get() == null ? "" : model.fileProperty().get().toString(),
                model.fileProperty()));
    HBox.setHgrow(fileField, Priority.ALWAYS);
    Button browse = new Button("Browse…");
    browse.setId("importBrowse");
    browse.setOnAction(e -> model.browse());

    ComboBox<ImportWizardViewModel.Delimiter> delimiter =
        new ComboBox<>(FXCollections.observableArrayList(ImportWizardViewModel.Delimiter.values()));
    delimiter.setId("importDelimiter");
    delimiter.valueProperty().bindBidirectional(model.delimiterProperty());
    ComboBox<ImportWizardViewModel.Encoding> encoding =
        new ComboBox<>(FXCollections.observableArrayList(ImportWizardViewModel.Encoding.values()));
    encoding.setId("importEncoding");
    encoding.valueProperty().bindBidirectional(model.encodingProperty());
    TextField name = new TextField();
    name.setId("importName");
    name.textProperty().bindBidirectional(model.nameProperty());

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label("File"), new HBox(6, fileField, browse));
    Label detected = new Label();
    detected.setId("importDetectedDelimiter");
    detected.getStyleClass().add("muted");
    detected
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  CsvPreview p = model.previewProperty().get();
                  if (p == null) {
                    return "";
                  }
                  return "reading fields separated by "
                      + switch (p.delimiter()) {
                        case '\t' -> "tabs";
                        case ';' -> "semicolons";
                        case ',' -> "commas";
                        default -> "'" + p.delimiter() + "'";
                      }
                      + ", "
                      + p.header().size()
                      + " columns";
                },
                model.previewProperty()));
    form.addRow(1, new Label("Delimiter"), new HBox(8, delimiter, detected));
    form.addRow(2, new Label("Encoding"), encoding);
    form.addRow(3, new Label("Dataset name"), name);
    GridPane.setHgrow(fileField.getParent(), Priority.ALWAYS);

    previewTable.setId("importPreview");
    previewTable.setPlaceholder(new Label("Choose a file to see its first rows"));
    model.columns().addListener((ListChangeListener<ColumnChoice>) c -> rebuildPreview());
    model.previewProperty().addListener((o, a, b) -> rebuildPreview());
    rebuildPreview(); // a preview read before the wizard opened (e.g. on the same thread) shows too
    VBox.setVgrow(previewTable, Priority.ALWAYS);

    Label error = new Label();
    error.setId("importPreviewError");
    error.getStyleClass().add("error-text");
    error.setWrapText(true);
    error.textProperty().bind(model.previewErrorProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());

    Label ragged = new Label();
    ragged.setId("importPreviewRagged");
    ragged.getStyleClass().add("error-text");
    ragged.setWrapText(true);
    ragged.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    ragged
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.previewProblems().isEmpty()
                        ? ""
                        : "Ragged rows in the preview: "
                            + String.join("; ", model.previewProblems())
                            + ". Check the delimiter, or fix the file.",
                model.previewProblems()));
    ragged.managedProperty().bind(ragged.textProperty().isNotEmpty());

    Label importError = new Label();
    importError.setId("importError");
    importError.getStyleClass().add("error-text");
    importError.setWrapText(true);
    importError.textProperty().bind(model.importErrorProperty());
    importError.managedProperty().bind(importError.textProperty().isNotEmpty());
    javafx.scene.control.ListView<String> problems =
        new javafx.scene.control.ListView<>(model.importProblems());
    problems.setId("importProblems");
    problems.setPrefHeight(120);
    problems.visibleProperty().bind(Bindings.isNotEmpty(model.importProblems()));
    problems.managedProperty().bind(problems.visibleProperty());

    Label hint =
        new Label(
            "Types: 'auto' lets the import infer each column from all rows; choose a type to"
                + " override it.");
    hint.getStyleClass().add("muted");
    hint.setWrapText(true);

    Button cancel = new Button("Cancel");
    cancel.setId("importCancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    Button ok = new Button("Import");
    ok.setId("importOk");
    ok.setDefaultButton(true);
    ok.disableProperty().bind(model.canImportProperty().not());
    ok.setOnAction(e -> model.startImport());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, spacer, cancel, ok);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox root =
        new VBox(
            10,
            form,
            error,
            new Label("Preview"),
            previewTable,
            ragged,
            hint,
            importError,
            problems,
            buttons);
    root.setPadding(new Insets(12));
    root.setId("importWizard");
    return root;
  }

  private void rebuildPreview() {
    CsvPreview p = model.previewProperty().get();
    previewTable.getColumns().clear();
    if (p == null) {
      previewTable.getItems().clear();
      return;
    }
    List<TableColumn<List<String>, String>> cols = new ArrayList<>();
    for (int i = 0; i < model.columns().size(); i++) {
      ColumnChoice choice = model.columns().get(i);
      final int index = i;
      TableColumn<List<String>, String> col = new TableColumn<>();
      Label title = new Label(choice.name());
      title.getStyleClass().add("preview-column-name");
      ComboBox<VariableType> type = new ComboBox<>();
      type.setId("importType-" + choice.name());
      type.getItems().add(null);
      type.getItems().addAll(VariableType.values());
      type.setConverter(
          new StringConverter<>() {
            @Override
            public String toString(VariableType t) {
              return t == null ? "auto (" + choice.guessed().key() + ")" : t.key();
            }

            @Override
            public VariableType fromString(String s) {
              return null;
            }
          });
      type.setButtonCell(
          new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(VariableType t, boolean empty) {
              super.updateItem(t, empty);
              setText(
                  empty
                      ? "auto (" + choice.guessed().key() + ")"
                      : type.getConverter().toString(t));
            }
          });
      type.valueProperty().bindBidirectional(choice.typeProperty());
      type.setMaxWidth(Double.MAX_VALUE);
      // as wide as its longest choice (and the column's name) at the text size of the look, so no
      // choice reads "auto…"; the column follows, and the preview scrolls sideways when they are
      // wider than the window
      List<String> texts = new ArrayList<>();
      texts.add(choice.name());
      type.getItems().forEach(t -> texts.add(type.getConverter().toString(t)));
      double em = Em.of(texts) + TYPE_BOX_EXTRA_EM;
      Em.minWidth(Em.prefWidth(type, em), em);
      type.prefWidthProperty()
          .addListener(
              (o, was, px) -> col.setPrefWidth(px.doubleValue() * (em + COLUMN_PADDING_EM) / em));
      VBox header = new VBox(2, title, type);
      col.setGraphic(header);
      col.setPrefWidth(150);
      col.setSortable(false);
      col.setCellValueFactory(
          c ->
              new ReadOnlyStringWrapper(
                  index < c.getValue().size() ? c.getValue().get(index) : ""));
      cols.add(col);
    }
    previewTable.getColumns().setAll(cols);
    previewTable.getItems().setAll(p.rows());
  }
}
