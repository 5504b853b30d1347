package org.statbench.app.linkage;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.statbench.app.shell.TaskRunner;
import org.statbench.link.FieldType;

/**
 * The Linkage tab's set-up: titled sections that open and close (datasets, comparison fields,
 * blocking rules with their pairs, and the advanced match keys and model file, closed at first)
 * scroll above a bar that stays in sight with Train, Cancel, the progress and the message. Sizes
 * are in em so presenter mode's larger text gets room. Builds nodes and binds; which sections are
 * open is {@link SetupSections}' state in the view-model.
 */
final class LinkageSetupPane {
  private final LinkageViewModel vm;
  private final TaskRunner tasks;
  private final Label fontProbe = new Label();
  private final DoubleBinding em;

  LinkageSetupPane(LinkageViewModel vm, TaskRunner tasks) {
    this.vm = vm;
    this.tasks = tasks;
    fontProbe.setManaged(false);
    fontProbe.setVisible(false);
    em =
        Bindings.createDoubleBinding(() -> fontProbe.getFont().getSize(), fontProbe.fontProperty());
  }

  /** The sections above the run bar. */
  Node node() {
    SetupSections open = vm.setupSections();
    VBox sections =
        new VBox(
            section(
                open.datasetsTitle(), open.datasetsProperty(), datasets(), "linkSectionDatasets"),
            section("Comparison fields", open.fieldsProperty(), fields(), "linkSectionFields"),
            section(open.rulesTitle(), open.blockingProperty(), rules(), "linkSectionRules"),
            section(open.matchKeysTitle(), open.matchKeysProperty(), keys(), "linkSectionKeys"),
            section(open.modelTitle(), open.modelProperty(), model(), "linkSectionModel"),
            fontProbe);
    // as tall as the open sections need (a scroll bar rather than squeezed tables), and the
    // spare height of a tall window to the field table
    sections.setMinHeight(Region.USE_PREF_SIZE);
    VBox.setVgrow(sections.getChildren().get(1), Priority.ALWAYS);
    ScrollPane scroll = new ScrollPane(sections);
    scroll.setId("linkSetupScroll");
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("edge-to-edge");
    BorderPane pane = new BorderPane(scroll);
    pane.setId("linkSetup");
    pane.setBottom(runBar());
    return pane;
  }

  // ---------------------------------------------------------------- sections

  private Node datasets() {
    ComboBox<String> leftBox = new ComboBox<>(vm.datasets());
    leftBox.setId("linkLeft");
    leftBox.valueProperty().bindBidirectional(vm.leftProperty());
    ComboBox<String> rightBox = new ComboBox<>(vm.rightChoices());
    rightBox.setId("linkRight");
    rightBox.valueProperty().bindBidirectional(vm.rightProperty());
    ComboBox<String> truthBox = new ComboBox<>(vm.truthChoices());
    truthBox.setId("linkTruth");
    truthBox.valueProperty().bindBidirectional(vm.truthProperty());
    // what the truth is for, on demand: a line of its own took a tenth of the set-up's height,
    // and "(evaluation only)" beside the box a third of the boxes' width
    truthBox.setTooltip(
        new javafx.scene.control.Tooltip(
            "Truth (evaluation only): a variable that holds the same id for the same entity on"
                + " both sides, used to measure precision and recall, never to link."));
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints boxes = new ColumnConstraints();
    boxes.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(labels, boxes);
    int row = 0;
    for (Object[] r :
        new Object[][] {{"Left", leftBox}, {"Right", rightBox}, {"Truth", truthBox}}) {
      ComboBox<?> box = (ComboBox<?>) r[1];
      box.setMaxWidth(Double.MAX_VALUE);
      Label label = new Label((String) r[0]);
      label.setLabelFor(box);
      label.setTooltip(box.getTooltip());
      grid.addRow(row++, label, box);
    }
    CheckBox oneToOne = new CheckBox("One-to-one: link each record at most once");
    oneToOne.setId("linkOneToOne");
    oneToOne.setWrapText(true);
    oneToOne.selectedProperty().bindBidirectional(vm.oneToOneProperty());
    oneToOne.disableProperty().bind(vm.rightProperty().isEqualTo(LinkageViewModel.DEDUPLICATE));
    oneToOne.setTooltip(
        new javafx.scene.control.Tooltip(
            "Each left and right record in at most one link: the best pairs first, then a pair"
                + " below the threshold that is both records' clear best (as --one-to-one)."
                + " Not for deduplication."));
    grid.add(oneToOne, 0, row, 2, 1);
    return grid;
  }

  private Node fields() {
    TableView<FieldRow> fields = new TableView<>(vm.fields());
    fields.setId("linkFields");
    fields.setEditable(true);
    TableColumn<FieldRow, Boolean> use = new TableColumn<>("Use");
    use.setCellValueFactory(c -> c.getValue().useProperty());
    use.setCellFactory(CheckBoxTableCell.forTableColumn(use));
    TableColumn<FieldRow, String> name = new TableColumn<>("Field");
    name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
    TableColumn<FieldRow, FieldType> type = new TableColumn<>("Type");
    type.setCellValueFactory(c -> c.getValue().typeProperty());
    type.setCellFactory(ComboBoxTableCell.forTableColumn(typeText(), FieldType.values()));
    fields.getColumns().setAll(List.of(use, name, type));
    // the three columns share the width (no sideways scroll); the tick and the type keep room
    // for their header and the longest type ("postcode") in the theme's text size
    fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    use.minWidthProperty().bind(em.multiply(3.5));
    use.maxWidthProperty().bind(em.multiply(4.5));
    type.minWidthProperty().bind(em.multiply(7));
    name.minWidthProperty().bind(em.multiply(5));
    fields.prefHeightProperty().bind(em.multiply(11));
    fields.minHeightProperty().bind(em.multiply(7));
    return new VBox(6, wrapped("Same name on both sides; tick and type."), fields);
  }

  private Node rules() {
    TableView<LinkageViewModel.RuleRow> rules = new TableView<>(vm.rules());
    rules.setId("linkRules");
    TableColumn<LinkageViewModel.RuleRow, String> rulePairs =
        LinkageView.column("Pairs", LinkageViewModel.RuleRow::pairs, 100);
    rulePairs.setStyle("-fx-alignment: CENTER-RIGHT;");
    TableColumn<LinkageViewModel.RuleRow, String> ruleText =
        LinkageView.column("Blocking rule", LinkageViewModel.RuleRow::rule, 220);
    ruleText.setMinWidth(60);
    rules.getColumns().setAll(List.of(ruleText, rulePairs));
    // The count is as wide as a count of pairs in hundreds of millions in the font the theme gives
    // the table (presenter mode's larger text included): a number is never elided; a rule may be.
    rulePairs.minWidthProperty().bind(em.multiply(7.5));
    rulePairs.maxWidthProperty().bind(em.multiply(9));
    rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    rules.prefHeightProperty().bind(em.multiply(7.5));
    rules.minHeightProperty().bind(em.multiply(5));
    TextField newRule = new TextField();
    newRule.setId("linkNewRule");
    newRule.setPromptText("e.g. soundex(surname)+year(dob)");
    Button add = new Button("Add");
    add.setOnAction(
        e -> {
          vm.addRule(newRule.getText());
          newRule.clear();
        });
    newRule.setOnAction(add.getOnAction());
    Button remove = new Button("Remove");
    remove.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> vm.removeRule(rules.getSelectionModel().getSelectedIndex()));
    Button defaults = new Button("Defaults");
    defaults.setOnAction(e -> vm.defaultRules());
    Label pairs = wrapped("");
    pairs.setId("linkPairs");
    pairs.textProperty().bind(vm.pairsTextProperty());
    Button stopCount = new Button("Stop counting");
    stopCount.setId("linkStopCount");
    BooleanProperty counting = new javafx.beans.property.SimpleBooleanProperty();
    counting.bind(vm.pairsTextProperty().isEqualTo("Counting candidate pairs…"));
    stopCount.visibleProperty().bind(counting);
    stopCount.managedProperty().bind(counting);
    stopCount.setOnAction(e -> vm.cancelCount());
    HBox.setHgrow(pairs, Priority.ALWAYS);
    return new VBox(
        6,
        rules,
        entry(newRule, add),
        LinkageView.buttons(remove, defaults),
        LinkageView.row(pairs, stopCount));
  }

  private Node keys() {
    ListView<String> keys = new ListView<>(vm.matchKeys().keys());
    keys.setId("linkKeys");
    keys.prefHeightProperty().bind(em.multiply(4.5));
    TextField newKey = new TextField();
    newKey.setId("linkNewKey");
    newKey.setPromptText("e.g. nino+dob or forename+surname+dob+postcode");
    Button addKey = new Button("Add key");
    addKey.setId("linkAddKey");
    addKey.setOnAction(
        e -> {
          vm.addMatchKey(newKey.getText());
          newKey.clear();
        });
    newKey.setOnAction(addKey.getOnAction());
    Button removeKey = new Button("Remove");
    removeKey.disableProperty().bind(keys.getSelectionModel().selectedItemProperty().isNull());
    removeKey.setOnAction(e -> vm.matchKeys().remove(keys.getSelectionModel().getSelectedIndex()));
    return new VBox(
        6,
        wrapped("Deterministic keys, applied in order before the model."),
        keys,
        entry(newKey, addKey),
        LinkageView.buttons(removeKey));
  }

  private Node model() {
    Button loadModel = new Button("Load model…");
    loadModel.setId("linkLoadModel");
    loadModel.disableProperty().bind(vm.busyProperty());
    loadModel.setOnAction(e -> vm.modelFiles().chooseAndLoad());
    Button forgetModel = new Button("Train instead");
    forgetModel.visibleProperty().bind(vm.modelFiles().loadedProperty().isNotNull());
    forgetModel.managedProperty().bind(forgetModel.visibleProperty());
    forgetModel.setOnAction(e -> vm.modelFiles().forget());
    Button saveModel = new Button("Save model…");
    saveModel.setId("linkSaveModel");
    saveModel.disableProperty().bind(vm.trainedProperty().not().or(vm.busyProperty()));
    saveModel.setOnAction(e -> vm.saveModel());
    Label modelText = wrapped("");
    modelText.setId("linkModelText");
    modelText.textProperty().bind(vm.modelFiles().textProperty());
    return new VBox(6, modelText, LinkageView.buttons(loadModel, saveModel, forgetModel));
  }

  /** Train and Cancel with the progress and the message: always in sight below the sections. */
  private Node runBar() {
    Button train = new Button("Train");
    train.setId("linkTrain");
    train.setDefaultButton(false);
    train.disableProperty().bind(vm.busyProperty());
    train.setOnAction(e -> vm.train());
    Button cancel = new Button("Cancel");
    cancel.setId("linkCancel");
    cancel.disableProperty().bind(vm.busyProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.setMinWidth(0);
    HBox.setHgrow(progress, Priority.ALWAYS);
    progress.progressProperty().bind(tasks.progressProperty());
    progress.visibleProperty().bind(vm.busyProperty());
    Label message = wrapped("");
    message.setId("linkMessage");
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    for (Button b : List.of(train, cancel)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    VBox bar = new VBox(6, LinkageView.row(train, cancel, progress), message);
    bar.setId("linkRunBar");
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add("link-run-bar");
    return bar;
  }

  // ---------------------------------------------------------------- helpers

  private static TitledPane section(
      String title, BooleanProperty expanded, Node content, String id) {
    TitledPane pane = new TitledPane(title, content);
    return section(pane, expanded, id);
  }

  private static TitledPane section(
      ObservableValue<String> title, BooleanProperty expanded, Node content, String id) {
    TitledPane pane = new TitledPane(title.getValue(), content);
    pane.textProperty().bind(title);
    return section(pane, expanded, id);
  }

  private static TitledPane section(TitledPane pane, BooleanProperty expanded, String id) {
    pane.setId(id);
    pane.setAnimated(false);
    pane.expandedProperty().bindBidirectional(expanded);
    pane.setMaxHeight(Double.MAX_VALUE);
    return pane;
  }

  /** A text field that takes the row's spare width, then its button at its whole width. */
  private static HBox entry(TextField field, Button button) {
    field.setMinWidth(0);
    HBox.setHgrow(field, Priority.ALWAYS);
    button.setMinWidth(Region.USE_PREF_SIZE);
    return LinkageView.row(field, button);
  }

  /** A line of text that wraps in a narrow column instead of being cut. */
  private static Label wrapped(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static StringConverter<FieldType> typeText() {
    return new StringConverter<>() {
      @Override
      public String toString(FieldType t) {
        return t == null ? "" : t.key();
      }

      @Override
      public FieldType fromString(String s) {
        return FieldType.parse(s, "");
      }
    };
  }
}
