package org.statbench.app.sources;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.statbench.tabulate.sql.Dialect;

/** The Connect to database… window: binds the form to a {@link ConnectViewModel}. */
public final class ConnectDialog {
  private final Stage stage = new Stage();

  public ConnectDialog(ConnectViewModel model, Window owner) {
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Connect to database");
    Scene scene = new Scene(build(model), 620, 470);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    model.addedProperty().addListener((o, a, b) -> stage.close());
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }

  private static VBox build(ConnectViewModel model) {
    ComboBox<Dialect> engine = new ComboBox<>();
    engine.setId("connectEngine");
    engine.getItems().setAll(model.engines());
    engine.setPromptText("Engine (fills in a URL template)");
    engine.valueProperty().bindBidirectional(model.engineProperty());
    TextField url = field("connectUrl", model.urlProperty());
    url.setPromptText("jdbc:postgresql://HOST:5432/DATABASE");
    TextField user = field("connectUser", model.userProperty());
    PasswordField password = new PasswordField();
    password.setId("connectPassword");
    password.textProperty().bindBidirectional(model.passwordProperty());
    Button test = new Button("Test connection");
    test.setId("connectTest");
    test.setOnAction(e -> model.testConnection());
    test.disableProperty().bind(model.busyProperty());

    ComboBox<String> table = new ComboBox<>(model.tables());
    table.setId("connectTable");
    table.setEditable(true);
    table.setMaxWidth(Double.MAX_VALUE);
    table.setPromptText("schema.table (Test connection lists them)");
    table.valueProperty().bindBidirectional(model.tableProperty());
    CheckBox useQuery = new CheckBox("Use a read-only SELECT instead of a table");
    useQuery.setId("connectUseQuery");
    useQuery.selectedProperty().bindBidirectional(model.useQueryProperty());
    TextArea query = new TextArea();
    query.setId("connectQuery");
    query.setPromptText("SELECT ... FROM ...");
    query.setPrefRowCount(3);
    query.textProperty().bindBidirectional(model.queryProperty());
    query.disableProperty().bind(useQuery.selectedProperty().not());
    table.disableProperty().bind(useQuery.selectedProperty());
    TextField name = field("connectName", model.nameProperty());

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints inputs = new ColumnConstraints();
    inputs.setHgrow(Priority.ALWAYS);
    form.getColumnConstraints().setAll(labels, inputs);
    int r = 0;
    form.addRow(r++, new Label("Engine"), engine);
    form.addRow(r++, new Label("JDBC URL"), url);
    form.addRow(r++, new Label("User"), user);
    form.addRow(r++, new Label("Password"), new HBox(8, password, test));
    form.addRow(r++, new Label("Table or view"), table);
    form.add(useQuery, 1, r++);
    form.addRow(r++, new Label("Query"), query);
    form.addRow(r++, new Label("Dataset name"), name);

    Label status = new Label();
    status.setId("connectStatus");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    Label note =
        new Label(
            "The password is used to connect and never saved. Tables are computed by the"
                + " database; only the aggregated table comes back.");
    note.setWrapText(true);
    note.getStyleClass().add("hint");

    ProgressIndicator progress = new ProgressIndicator();
    progress.setId("connectProgress");
    progress.setPrefSize(22, 22);
    Button cancel = new Button("Cancel");
    cancel.setId("connectCancel");
    cancel.setOnAction(e -> model.cancel());
    for (var n : new javafx.scene.Node[] {progress, cancel}) {
      n.visibleProperty().bind(model.busyProperty());
      n.managedProperty().bind(model.busyProperty());
    }
    Button add = new Button("Add dataset");
    add.setId("connectAdd");
    add.setDefaultButton(true);
    add.setOnAction(e -> model.add());
    add.disableProperty().bind(model.busyProperty().or(model.nameProperty().isEmpty()));
    Button close = new Button("Close");
    close.setId("connectClose");
    close.setCancelButton(true);
    close.setOnAction(e -> ((Stage) close.getScene().getWindow()).close());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, progress, cancel, spacer, add, close);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox root = new VBox(10, form, note, status, buttons);
    root.setPadding(new Insets(14));
    VBox.setVgrow(status, Priority.ALWAYS);
    return root;
  }

  private static TextField field(String id, javafx.beans.property.StringProperty p) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(p);
    return f;
  }
}
