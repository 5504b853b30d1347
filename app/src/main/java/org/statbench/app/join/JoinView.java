package org.statbench.app.join;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.statbench.app.theme.BesideOrBelow;
import org.statbench.app.theme.Em;
import org.statbench.geo.MatchReport.UnmatchedCode;
import org.statbench.geo.SplitRule;

/**
 * The join form: what to join on the left (dataset, key, lookup, levels, edition bridge), the match
 * report of the preview on the right (records by status; below, the unmatched codes and the match
 * rate by a chosen variable; Export… releases either through the disclosure check), Preview and
 * Join at the bottom. Used as the Joins tab and in the Table menu's join dialog.
 */
public final class JoinView {
  private final JoinViewModel model;
  private final VBox root;
  private final FlowPane levelBoxes = new FlowPane(10, 6);

  /** The split-rule box's arrow button and cell padding beyond its text, in em. */
  private static final double SPLIT_BOX_EXTRA_EM = 3.2;

  public JoinView(JoinViewModel model) {
    this.model = model;
    this.root = build();
  }

  /** The form's root node. */
  public Node node() {
    return root;
  }

  private VBox build() {
    ComboBox<String> dataset = combo("joinDataset", model.datasets());
    dataset.valueProperty().bindBidirectional(model.datasetProperty());
    ComboBox<String> key = combo("joinKey", model.keyChoices());
    key.valueProperty().bindBidirectional(model.keyVariableProperty());
    ComboBox<String> lookup = combo("joinLookup", model.lookups());
    lookup.valueProperty().bindBidirectional(model.lookupProperty());
    ComboBox<String> lookupKey = combo("joinLookupKey", model.lookupKeyChoices());
    lookupKey.valueProperty().bindBidirectional(model.lookupKeyProperty());
    ComboBox<String> bridge = combo("joinBridge", model.bridges());
    bridge.valueProperty().bindBidirectional(model.bridgeProperty());
    ComboBox<SplitRule> split = new ComboBox<>();
    split.setId("joinSplit");
    split.getItems().setAll(SplitRule.values());
    split.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(SplitRule r) {
            return r == null
                ? ""
                : r == SplitRule.BEST_FIT
                    ? "best fit (largest successor)"
                    : "by weight (most weight per level)";
          }

          @Override
          public SplitRule fromString(String s) {
            return null;
          }
        });
    split.valueProperty().bindBidirectional(model.splitRuleProperty());
    // as wide as its longest choice, on a row of its own under its label (beside it, the form
    // would not fit at 1024x700 in presenter mode); the tooltip repeats the choice
    double splitEm =
        Em.of(split.getItems().stream().map(r -> split.getConverter().toString(r)).toList())
            + SPLIT_BOX_EXTRA_EM;
    Em.minWidth(Em.prefWidth(split, splitEm), splitEm);
    Tooltip splitText = new Tooltip();
    splitText.textProperty().bind(split.valueProperty().map(r -> split.getConverter().toString(r)));
    split.setTooltip(splitText);
    ComboBox<String> weight = combo("joinWeight", model.weightChoices());
    weight.valueProperty().bindBidirectional(model.weightColumnProperty());
    var noBridge = model.bridgeProperty().isEqualTo(JoinViewModel.NO_BRIDGE);
    split.disableProperty().bind(noBridge);
    weight.disableProperty().bind(noBridge);

    levelBoxes.setId("joinLevels");
    levelBoxes.setPrefWrapLength(180);
    model
        .levels()
        .addListener((ListChangeListener<JoinViewModel.LevelChoice>) c -> rebuildLevels());
    rebuildLevels();

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    int row = 0;
    form.addRow(row++, new Label("Dataset"), dataset);
    form.addRow(row++, new Label("Key variable"), key);
    form.addRow(row++, new Label("Lookup"), lookup);
    form.addRow(row++, new Label("Lookup key"), lookupKey);
    Label levelsLabel = new Label("Levels to add");
    GridPane.setValignment(levelsLabel, javafx.geometry.VPos.TOP);
    form.addRow(row++, levelsLabel, levelBoxes);
    form.addRow(row++, new Label("Edition bridge"), bridge);
    form.add(new Label("Split areas"), 0, row++, 2, 1);
    form.add(split, 0, row++, 2, 1);
    form.addRow(row, new Label("Weight"), weight);
    javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    form.getColumnConstraints().add(labels);

    TableView<JoinViewModel.ReportRow> report = new TableView<>(model.reportRows());
    report.setId("joinReport");
    report.setPlaceholder(new Label("Preview to see how many records match"));
    report.getColumns().add(column("Category", JoinViewModel.ReportRow::category, 130));
    report.getColumns().add(numeric(column("Records", JoinViewModel.ReportRow::count, 100)));
    report.getColumns().add(numeric(column("Share", JoinViewModel.ReportRow::share, 80)));
    report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    // Every status and the rate visible without scrolling; in em, so rows grow with presenter
    // mode's text (24 px rows cut their numbers in half at 19 px)
    report.setStyle(
        "-fx-fixed-cell-size: 1.85em; -fx-pref-height: 17.1em; -fx-min-height: 17.1em;");

    TableView<UnmatchedCode> codes = new TableView<>(model.unmatched());
    codes.setId("joinUnmatched");
    codes.setPlaceholder(new Label("No unmatched codes"));
    codes
        .getColumns()
        .add(column("Unmatched code", u -> u.code().isEmpty() ? "(empty)" : u.code(), 130));
    codes.getColumns().add(column("Why", u -> u.status().key(), 110));
    codes.getColumns().add(numeric(column("Records", u -> String.format("%,d", u.count()), 80)));
    codes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    ComboBox<String> by = combo("joinReportBy", model.byChoices());
    by.setPromptText("choose a variable");
    by.valueProperty().bindBidirectional(model.reportByProperty());
    Label byLabel = new Label("Match rate by");
    byLabel.setMinWidth(Region.USE_PREF_SIZE);
    HBox byRow = new HBox(8, byLabel, by);
    byRow.setAlignment(Pos.CENTER_LEFT);
    TableView<JoinViewModel.RateRow> rates = new TableView<>(model.rateRows());
    rates.setId("joinRates");
    rates.setPlaceholder(new Label("Choose a variable to see the match rate by its categories"));
    rates.getColumns().add(column("Category", JoinViewModel.RateRow::category, 96));
    rates.getColumns().add(numeric(column("Records", JoinViewModel.RateRow::records, 62)));
    rates.getColumns().add(numeric(column("Matched", JoinViewModel.RateRow::matched, 62)));
    rates.getColumns().add(numeric(column("Unmatched", JoinViewModel.RateRow::unmatched, 76)));
    rates.getColumns().add(numeric(column("Rate", JoinViewModel.RateRow::rate, 66)));
    rates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    VBox.setVgrow(rates, Priority.ALWAYS);
    VBox byBox = new VBox(6, byRow, rates);
    byBox.setPadding(new Insets(6, 0, 0, 0));

    Tab codesTab = new Tab("Unmatched codes", codes);
    codesTab.setId("joinUnmatchedTab");
    Tab byTab = new Tab("Match rate by variable", byBox);
    byTab.setId("joinRatesTab");
    TabPane details = new TabPane(codesTab, byTab);
    details.setId("joinReportTabs");
    details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(details, Priority.ALWAYS);
    // Picking a variable shows its breakdown.
    model
        .reportByProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                details.getSelectionModel().select(byTab);
              }
            });

    MenuItem exportOverall =
        new MenuItem("Records by match status (CSV/XLSX, disclosure-checked)…");
    exportOverall.setId("joinExportOverall");
    exportOverall.disableProperty().bind(model.canExportProperty().not());
    exportOverall.setOnAction(e -> model.exportReport());
    MenuItem exportBy = new MenuItem("Match rate by variable (CSV/XLSX, disclosure-checked)…");
    exportBy.setId("joinExportBy");
    exportBy.disableProperty().bind(model.canExportByProperty().not());
    exportBy.setOnAction(e -> model.exportReportBy());
    MenuButton export = new MenuButton("Export…");
    export.setId("joinExport");
    export.getItems().addAll(exportOverall, exportBy);
    export.disableProperty().bind(model.canExportProperty().not());
    export.setMinWidth(Region.USE_PREF_SIZE);

    Label reportTitle = new Label("Match report");
    reportTitle.getStyleClass().add("section-title");
    reportTitle.setMinWidth(Region.USE_PREF_SIZE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox titleRow = new HBox(8, reportTitle, gap, export);
    titleRow.setAlignment(Pos.CENTER_LEFT);
    VBox right = new VBox(6, titleRow, report, details);

    // the report beside the form, or below it in a narrow window (the two then scroll, the
    // Preview and Join buttons stay in the window)
    ScrollPane body = new ScrollPane(new BesideOrBelow(form, right, 16));
    body.setId("joinBody");
    body.setFitToWidth(true);
    body.setFitToHeight(true);
    body.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    body.getStyleClass().add("edge-to-edge");
    VBox.setVgrow(body, Priority.ALWAYS);

    Label message = new Label();
    message.setId("joinMessage");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());

    Button preview = new Button("Preview");
    preview.setId("joinPreview");
    preview.disableProperty().bind(model.canPreviewProperty().not());
    preview.setOnAction(e -> model.preview());
    Button apply = new Button("Join");
    apply.setId("joinApply");
    apply.setDefaultButton(true);
    apply.disableProperty().bind(model.canJoinProperty().not());
    apply.setOnAction(e -> model.join());
    preview.setMinWidth(Region.USE_PREF_SIZE);
    apply.setMinWidth(Region.USE_PREF_SIZE);
    HBox previewAndJoin = new HBox(8, preview, apply);
    previewAndJoin.setAlignment(Pos.CENTER_RIGHT);
    // the message beside the buttons, or above them when it does not fit (it was cut to
    // "Preview: 19,894 of 20,00…" at 1024x700 in presenter mode)
    BesideOrBelow buttons = new BesideOrBelow(message, previewAndJoin, 8);

    Label intro =
        new Label(
            "Add classification or geography levels through an area code or postcode. Preview,"
                + " then Join: new variables appear under Geography.");
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);
    intro.getStyleClass().add("muted");

    VBox box = new VBox(12, intro, body, buttons);
    box.setPadding(new Insets(12));
    box.setId("joinForm");
    return box;
  }

  private void rebuildLevels() {
    levelBoxes.getChildren().clear();
    for (JoinViewModel.LevelChoice l : model.levels()) {
      CheckBox cb = new CheckBox(l.name());
      cb.setMnemonicParsing(false); // level names have underscores
      cb.setId("joinLevel-" + l.name());
      cb.selectedProperty().bindBidirectional(l.selected());
      levelBoxes.getChildren().add(cb);
    }
  }

  private static ComboBox<String> combo(
      String id, javafx.collections.ObservableList<String> items) {
    ComboBox<String> c = new ComboBox<>(items);
    c.setId(id);
    c.setMaxWidth(Double.MAX_VALUE);
    Em.prefWidth(c, 14.2);
    return c;
  }

  private static <T> TableColumn<T, String> numeric(TableColumn<T, String> c) {
    c.setStyle("-fx-alignment: CENTER-RIGHT;");
    return c;
  }

  private static <T> TableColumn<T, String> column(
      String title, java.util.function.Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }
}
