package org.statbench.app.linkage;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.statbench.app.shell.TaskRunner;
import org.statbench.link.FieldType;

/**
 * The Linkage tab: the set-up column (datasets, field mapping, blocking rules with their pairs,
 * Train / Cancel) beside the results (model levels, weight histogram with the threshold, links and
 * a pair's waterfall, clerical review, outputs). Builds nodes and binds; the numbers come from
 * {@link LinkageViewModel} and {@link LinkageCharts}.
 *
 * <p>Why this class is long: over 500 lines since the model files, match keys and the log count
 * axis joined the set-up column and the weights pane; it only builds and binds nodes, one method
 * per pane, read top to bottom. The set-up column is the next piece to move (into a {@code
 * LinkageSetupPane} beside this class).
 */
public final class LinkageView {
  private final LinkageViewModel vm;
  private final TaskRunner tasks;

  public LinkageView(LinkageViewModel vm, TaskRunner tasks) {
    this.vm = vm;
    this.tasks = tasks;
  }

  /** The tab's content. */
  public Node node() {
    // The set-up column scrolls rather than squeezing the results: both have small minimums, so
    // the divider stays where it is put and the results keep room for their charts and tables.
    ScrollPane setup = new ScrollPane(setup());
    setup.setId("linkSetupScroll");
    setup.setFitToWidth(true);
    setup.setFitToHeight(true);
    setup.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    // with the results' 260 px and the divider, within the 460 px a tab has at 1024x700 in
    // presenter mode
    setup.setMinWidth(188);
    Node results = results();
    ((Region) results).setMinWidth(260);
    SplitPane split = new SplitPane(setup, results);
    split.setDividerPositions(0.42);
    split.setId("linkage");
    return split;
  }

  // ---------------------------------------------------------------- set-up

  private Node setup() {
    Label fontProbe = new Label();
    fontProbe.setManaged(false);
    fontProbe.setVisible(false);
    javafx.beans.binding.DoubleBinding em =
        Bindings.createDoubleBinding(() -> fontProbe.getFont().getSize(), fontProbe.fontProperty());
    ComboBox<String> leftBox = new ComboBox<>(vm.datasets());
    leftBox.setId("linkLeft");
    leftBox.valueProperty().bindBidirectional(vm.leftProperty());
    ComboBox<String> rightBox = new ComboBox<>(vm.rightChoices());
    rightBox.setId("linkRight");
    rightBox.valueProperty().bindBidirectional(vm.rightProperty());
    ComboBox<String> truthBox = new ComboBox<>(vm.truthChoices());
    truthBox.setId("linkTruth");
    truthBox.valueProperty().bindBidirectional(vm.truthProperty());

    TableView<FieldRow> fields = new TableView<>(vm.fields());
    fields.setId("linkFields");
    fields.setEditable(true);
    TableColumn<FieldRow, Boolean> use = new TableColumn<>("Use");
    use.setCellValueFactory(c -> c.getValue().useProperty());
    use.setCellFactory(CheckBoxTableCell.forTableColumn(use));
    TableColumn<FieldRow, String> name = new TableColumn<>("Field");
    name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
    name.setPrefWidth(140);
    TableColumn<FieldRow, FieldType> type = new TableColumn<>("Type");
    type.setCellValueFactory(c -> c.getValue().typeProperty());
    type.setCellFactory(ComboBoxTableCell.forTableColumn(typeText(), FieldType.values()));
    type.setPrefWidth(110);
    fields.getColumns().setAll(List.of(use, name, type));
    fields.setPrefHeight(200);

    TableView<LinkageViewModel.RuleRow> rules = new TableView<>(vm.rules());
    rules.setId("linkRules");
    TableColumn<LinkageViewModel.RuleRow, String> rulePairs =
        column("Pairs", LinkageViewModel.RuleRow::pairs, 100);
    rulePairs.setStyle("-fx-alignment: CENTER-RIGHT;");
    TableColumn<LinkageViewModel.RuleRow, String> ruleText =
        column("Blocking rule", LinkageViewModel.RuleRow::rule, 220);
    ruleText.setMinWidth(60);
    rules.getColumns().setAll(List.of(ruleText, rulePairs));
    // The count is as wide as a count of pairs in hundreds of millions in the font the theme gives
    // the table (presenter mode's larger text included): a number is never elided; a rule may be.
    rulePairs.minWidthProperty().bind(em.multiply(7.5));
    rulePairs.maxWidthProperty().bind(em.multiply(9));
    rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    rules.setPrefHeight(160);
    TextField newRule = new TextField();
    newRule.setId("linkNewRule");
    newRule.setPromptText("e.g. soundex(surname)+year(dob)");
    HBox.setHgrow(newRule, Priority.ALWAYS);
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
    Label pairs = new Label();
    pairs.setId("linkPairs");
    pairs.setWrapText(true);
    pairs.setMinHeight(Region.USE_PREF_SIZE);
    pairs.textProperty().bind(vm.pairsTextProperty());
    Button stopCount = new Button("Stop counting");
    stopCount.setId("linkStopCount");
    stopCount.visibleProperty().bind(vm.pairsTextProperty().isEqualTo("Counting candidate pairs…"));
    stopCount.setOnAction(e -> vm.cancelCount());

    ListView<String> keys = new ListView<>(vm.matchKeys().keys());
    keys.setId("linkKeys");
    keys.setPrefHeight(70);
    TextField newKey = new TextField();
    newKey.setId("linkNewKey");
    newKey.setPromptText("e.g. nino+dob or forename+surname+dob+postcode");
    HBox.setHgrow(newKey, Priority.ALWAYS);
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

    for (Button b : List.of(add, remove, defaults, addKey, removeKey)) {
      b.setMinWidth(Region.USE_PREF_SIZE); // the text fields shrink instead
    }

    Button train = new Button("Train");
    train.setId("linkTrain");
    train.setDefaultButton(false);
    train.disableProperty().bind(vm.busyProperty());
    train.setOnAction(e -> vm.train());
    Button cancel = new Button("Cancel");
    cancel.setId("linkCancel");
    cancel.disableProperty().bind(vm.busyProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    Button loadModel = new Button("Load model…");
    loadModel.setId("linkLoadModel");
    loadModel.disableProperty().bind(vm.busyProperty());
    loadModel.setOnAction(e -> vm.modelFiles().chooseAndLoad());
    Button forgetModel = new Button("Train instead");
    forgetModel.visibleProperty().bind(vm.modelFiles().loadedProperty().isNotNull());
    forgetModel.setOnAction(e -> vm.modelFiles().forget());
    Button saveModel = new Button("Save model…");
    saveModel.setId("linkSaveModel");
    saveModel.disableProperty().bind(vm.trainedProperty().not().or(vm.busyProperty()));
    saveModel.setOnAction(e -> vm.saveModel());
    for (Button b : List.of(loadModel, saveModel, forgetModel)) {
      b.setMinWidth(Region.USE_PREF_SIZE); // the setup column is narrow: shrink the label instead
    }
    Label modelText = new Label();
    modelText.setId("linkModelText");
    modelText.setWrapText(true);
    modelText.setMinHeight(Region.USE_PREF_SIZE);
    modelText.textProperty().bind(vm.modelFiles().textProperty());
    ProgressBar progress = new ProgressBar();
    progress.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(progress, Priority.ALWAYS);
    progress.progressProperty().bind(tasks.progressProperty());
    progress.visibleProperty().bind(vm.busyProperty());
    Label message = new Label();
    message.setId("linkMessage");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());

    VBox box =
        new VBox(
            6,
            row(new Label("Left"), leftBox),
            row(new Label("Right"), rightBox),
            wrapped("Fields (same name on both sides; tick and type)"),
            fields,
            row(new Label("Truth (evaluation only)"), truthBox),
            new Label("Blocking rules (OR-ed)"),
            rules,
            row(newRule, add, remove, defaults),
            row(pairs, stopCount),
            wrapped("Match keys (deterministic, in order, before the model)"),
            keys,
            row(newKey, addKey, removeKey),
            row(loadModel, saveModel, forgetModel),
            modelText,
            row(train, cancel, progress),
            message,
            fontProbe);
    box.setPadding(new Insets(8));
    VBox.setVgrow(fields, Priority.ALWAYS);
    return box;
  }

  // ---------------------------------------------------------------- results

  private Node results() {
    TabPane tabs =
        new TabPane(
            new Tab("Model", model()),
            new Tab("Weights", weights()),
            new Tab("Links", linksAndWaterfall()),
            new Tab("Review", review()),
            new Tab("Outputs", outputs()));
    tabs.setId("linkTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().get(3).setId("linkReviewTab");
    tabs.getTabs().get(4).setId("linkOutputsTab");
    tabs.getTabs().get(1).setId("linkWeightsTab");
    tabs.getTabs().get(2).setId("linkLinksTab");
    return tabs;
  }

  private Node model() {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setLabel("probability");
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId("linkLevelsChart");
    chart.setTitle("m and u of each comparison level");
    chart.setAnimated(false);
    Runnable draw =
        () -> {
          XYChart.Series<String, Number> m = new XYChart.Series<>();
          m.setName("m (matches)");
          XYChart.Series<String, Number> u = new XYChart.Series<>();
          u.setName("u (non-matches)");
          for (LinkageCharts.Level l : vm.levels()) {
            m.getData().add(new XYChart.Data<>(l.label(), l.m()));
            u.getData().add(new XYChart.Data<>(l.label(), l.u()));
          }
          chart.getData().setAll(List.of(m, u));
        };
    vm.levels().addListener((ListChangeListener<LinkageCharts.Level>) c -> draw.run());
    TableView<LinkageCharts.Level> table = new TableView<>(vm.levels());
    table.setId("linkLevels");
    table
        .getColumns()
        .setAll(
            List.of(
                column("Field", LinkageCharts.Level::field, 110),
                column("Level", LinkageCharts.Level::level, 130),
                column("m", l -> format("%.4f", l.m()), 70),
                column("u", l -> format("%.6f", l.u()), 80),
                column("Weight (bits)", l -> format("%+.2f", l.weight()), 90)));
    // tall enough for the rotated axis label under a wrapped title (at 1024x700 in presenter mode
    // the divider squeezed the plot until "probability" was cut)
    chart.setMinHeight(240);
    SplitPane split = new SplitPane(chart, table);
    split.setOrientation(Orientation.VERTICAL);
    return split;
  }

  private Node weights() {
    CategoryAxis x = new CategoryAxis();
    x.setLabel("match weight (bits)");
    HistogramScale scale = vm.histogramScale();
    NumberAxis y = new NumberAxis();
    y.setId("linkHistogramCounts");
    y.setMinorTickVisible(false);
    y.setTickLabelFormatter(
        new StringConverter<>() {
          @Override
          public String toString(Number v) {
            return scale.tick(v.doubleValue());
          }

          @Override
          public Number fromString(String s) {
            return 0;
          }
        });
    StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
    chart.setId("linkHistogram");
    chart.setTitle("Distribution of match weights");
    chart.setAnimated(false);
    chart.setCategoryGap(1);
    Runnable draw =
        () -> {
          XYChart.Series<String, Number> below = new XYChart.Series<>();
          below.setName("below the threshold");
          XYChart.Series<String, Number> above = new XYChart.Series<>();
          above.setName("at or above");
          double t = vm.thresholdProperty().get();
          y.setLabel(scale.axisLabel());
          boolean log = scale.logProperty().get();
          y.setAutoRanging(!log);
          if (log) {
            double top = 1;
            for (LinkageCharts.Bar b : vm.histogram()) {
              top = Math.max(top, Math.ceil(scale.height(b.pairs())));
            }
            y.setLowerBound(0);
            y.setUpperBound(top);
            y.setTickUnit(1);
          }
          for (LinkageCharts.Bar b : vm.histogram()) {
            boolean in = b.from() >= Math.floor(t);
            double h = scale.height(b.pairs());
            below.getData().add(new XYChart.Data<>(b.label(), in ? 0 : h));
            above.getData().add(new XYChart.Data<>(b.label(), in ? h : 0));
          }
          chart.getData().setAll(List.of(below, above));
        };
    vm.histogram().addListener((ListChangeListener<LinkageCharts.Bar>) c -> draw.run());
    scale.logProperty().addListener((o, a, b) -> draw.run());
    CheckBox logCounts = new CheckBox("Log count axis");
    logCounts.setId("linkLogCounts");
    logCounts.selectedProperty().bindBidirectional(scale.logProperty());
    draw.run();
    vm.thresholdProperty()
        .addListener(
            (o, a, b) -> {
              if (Math.floor(a.doubleValue()) != Math.floor(b.doubleValue())) {
                draw.run();
              }
            });
    Slider threshold = slider(vm.thresholdProperty());
    threshold.setId("linkThreshold");
    Label text = new Label();
    text.setId("linkThresholdText");
    text.textProperty().bind(vm.thresholdTextProperty());
    Slider review = slider(vm.reviewProperty());
    review.setId("linkReviewFrom");
    Label reviewText = new Label();
    reviewText
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    format(
                        "review from p = %.3f",
                        LinkageCharts.probability(vm.reviewProperty().get())),
                vm.reviewProperty()));
    Button apply = new Button("Apply threshold");
    apply.setId("linkApply");
    apply.disableProperty().bind(vm.trainedProperty().not().or(vm.busyProperty()));
    apply.setOnAction(e -> vm.applyThreshold());
    VBox box =
        new VBox(
            6,
            chart,
            logCounts,
            row(new Label("Match threshold"), threshold),
            text,
            row(new Label("Review band from"), review, reviewText),
            apply);
    VBox.setVgrow(chart, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }

  private Node linksAndWaterfall() {
    TableView<LinkageViewModel.PairRow> links = new TableView<>(vm.links());
    links.setId("linkLinks");
    links
        .getColumns()
        .setAll(
            List.of(
                column("Left id", LinkageViewModel.PairRow::leftId, 110),
                column("Right id", LinkageViewModel.PairRow::rightId, 110),
                column("p", r -> format("%.4f", r.probability()), 80),
                column("Stage", LinkageViewModel.PairRow::stage, 90)));
    links
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, r) -> {
              if (r != null) {
                vm.explain(r.left(), r.right());
              }
            });
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setLabel("bits");
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId("linkWaterfall");
    chart.setAnimated(false);
    chart.titleProperty().bind(vm.waterfallTitleProperty());
    vm.waterfall()
        .addListener(
            (ListChangeListener<LinkageCharts.Step>)
                c -> {
                  XYChart.Series<String, Number> step = new XYChart.Series<>();
                  step.setName("weight of the step");
                  XYChart.Series<String, Number> total = new XYChart.Series<>();
                  total.setName("cumulative");
                  for (LinkageCharts.Step s : vm.waterfall()) {
                    step.getData().add(new XYChart.Data<>(s.label(), s.weight()));
                    total.getData().add(new XYChart.Data<>(s.label(), s.after()));
                  }
                  chart.getData().setAll(List.of(step, total));
                });
    SplitPane split = new SplitPane(links, chart);
    split.setDividerPositions(0.4);
    return split;
  }

  private Node review() {
    Label status = new Label();
    status.setId("linkReviewText");
    status.textProperty().bind(vm.reviewTextProperty());
    TableView<LinkageViewModel.ReviewField> table = new TableView<>(vm.reviewFields());
    table.setId("linkReviewFields");
    table
        .getColumns()
        .setAll(
            List.of(
                column("Field", LinkageViewModel.ReviewField::field, 120),
                column("Left record", LinkageViewModel.ReviewField::left, 220),
                column("Right record", LinkageViewModel.ReviewField::right, 220)));
    Button accept = new Button("Accept (A)");
    accept.setId("linkAccept");
    accept.setOnAction(e -> vm.accept());
    Button reject = new Button("Reject (R)");
    reject.setId("linkReject");
    reject.setOnAction(e -> vm.reject());
    Button skip = new Button("Skip (S)");
    skip.setId("linkSkip");
    skip.setOnAction(e -> vm.skip());
    Button explain = new Button("Waterfall");
    explain.setOnAction(
        e -> {
          var p = vm.currentReviewProperty().get();
          if (p != null) {
            vm.explain(p.left(), p.right());
          }
        });
    for (Button b : List.of(accept, reject, skip, explain)) {
      b.disableProperty().bind(vm.currentReviewProperty().isNull());
    }
    VBox box =
        new VBox(
            6,
            new Label("Clerical review of the grey zone, best first"),
            status,
            table,
            row(accept, reject, skip, explain));
    box.setId("linkReview");
    box.setPadding(new Insets(8));
    VBox.setVgrow(table, Priority.ALWAYS);
    box.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getTarget() instanceof TextField) {
            return;
          }
          if (e.getCode() == KeyCode.A) {
            vm.accept();
          } else if (e.getCode() == KeyCode.R) {
            vm.reject();
          } else if (e.getCode() == KeyCode.S) {
            vm.skip();
          } else {
            return;
          }
          e.consume();
        });
    return box;
  }

  private Node outputs() {
    TextField name = new TextField();
    name.setId("linkSaveName");
    name.setPromptText("name of the linked dataset");
    name.textProperty().bindBidirectional(vm.saveNameProperty());
    Button save = new Button("Save as linked dataset");
    save.setId("linkSave");
    save.setOnAction(e -> vm.saveLinked());
    Button links = new Button("Save links…");
    links.setOnAction(e -> vm.exportLinks());
    Button verify = new Button("Save verification…");
    verify.setOnAction(e -> vm.exportVerification());
    ComboBox<String> by = new ComboBox<>(vm.rateChoices());
    by.setId("linkRateBy");
    by.valueProperty().bindBidirectional(vm.rateByProperty());
    Button rate = new Button("Export match rate…");
    rate.setId("linkExportRate");
    rate.setOnAction(e -> vm.exportMatchRate());
    for (Button b : List.of(save, links, verify, rate)) {
      b.disableProperty().bind(vm.trainedProperty().not().or(vm.busyProperty()));
    }
    Label note =
        new Label(
            "Links and verification files hold records: each is written to the audit log. The"
                + " match-rate table is protected and released through the disclosure check.");
    note.setWrapText(true);
    VBox box =
        new VBox(
            10,
            row(name, save),
            row(links, verify),
            row(new Label("Match rate by"), by, rate),
            note);
    box.setPadding(new Insets(8));
    return box;
  }

  // ---------------------------------------------------------------- helpers

  private static Slider slider(javafx.beans.property.DoubleProperty p) {
    Slider s = new Slider(-10, 25, p.get());
    s.setMajorTickUnit(5);
    s.setShowTickMarks(true);
    s.setShowTickLabels(true);
    s.valueProperty().bindBidirectional(p);
    HBox.setHgrow(s, Priority.ALWAYS);
    return s;
  }

  /** A heading that wraps in a narrow column instead of being cut. */
  private static Label wrapped(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static HBox row(Node... nodes) {
    HBox h = new HBox(6, nodes);
    h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return h;
  }

  private static <T> TableColumn<T, String> column(
      String title, java.util.function.Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static String format(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
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
