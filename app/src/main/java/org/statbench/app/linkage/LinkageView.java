package org.statbench.app.linkage;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.statbench.app.shell.TaskRunner;

/**
 * The Linkage tab: the set-up ({@link LinkageSetupPane}: datasets, field mapping, blocking rules
 * with their pairs, Train / Cancel) beside the results (model levels, weight histogram with the
 * threshold, links and a pair's waterfall, clerical review, outputs) in a wide tab, or as the first
 * of the results' tabs in a narrow one. Builds nodes and binds; the numbers come from {@link
 * LinkageViewModel} and {@link LinkageCharts}.
 */
public final class LinkageView {
  private final LinkageViewModel vm;
  private final TaskRunner tasks;
  private final Node releaseBar;
  private final javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane();
  private SetupPlace place; // set-up beside the results or as their first tab

  public LinkageView(LinkageViewModel vm, TaskRunner tasks) {
    this(vm, tasks, null);
  }

  /**
   * @param releaseBar the record-level release controls, shown under the outputs they release
   *     (below the whole tab they took a fifth of its height from the set-up at 1024x700); or null
   */
  public LinkageView(LinkageViewModel vm, TaskRunner tasks, Node releaseBar) {
    this.vm = vm;
    this.tasks = tasks;
    this.releaseBar = releaseBar;
  }

  /** The tab's content. */
  public Node node() {
    Node setup = new LinkageSetupPane(vm, tasks).node();
    TabPane results = results();
    place = new SetupPlace(vm, root, setup, results);
    return root;
  }

  // ---------------------------------------------------------------- results

  private TabPane results() {
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
                // "Weight (bits)" read "Weig…" in a 440 px tab; beside m and u, bits say it
                column("Bits", l -> format("%+.2f", l.weight()), 70)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
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
    chart.setTitle("Candidate pairs by weight");
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
    reviewText.setMinWidth(Region.USE_PREF_SIZE);
    reviewText
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    format(
                        "Review from p = %.3f",
                        LinkageCharts.probability(vm.reviewProperty().get())),
                vm.reviewProperty()));
    Button apply = new Button("Apply threshold");
    apply.setId("linkApply");
    apply.disableProperty().bind(vm.trainedProperty().not().or(vm.busyProperty()));
    apply.setOnAction(e -> vm.applyThreshold());
    // Each slider beside its label, the threshold's text (long once trained) wrapping under both,
    // the review band's value in its label, and the check box beside Apply: at 1024x700 in
    // presenter mode a line each left the chart too short for its count axis's label.
    Label thresholdLabel = new Label("Match threshold");
    thresholdLabel.setMinWidth(Region.USE_PREF_SIZE);
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    javafx.scene.layout.GridPane sliders = new javafx.scene.layout.GridPane();
    sliders.setHgap(6);
    sliders.setVgap(2);
    sliders.add(thresholdLabel, 0, 0);
    sliders.add(threshold, 1, 0);
    sliders.add(text, 0, 1, 2, 1);
    sliders.add(reviewText, 0, 2);
    sliders.add(review, 1, 2);
    javafx.scene.layout.GridPane.setHgrow(threshold, Priority.ALWAYS);
    javafx.scene.layout.GridPane.setHgrow(review, Priority.ALWAYS);
    VBox box = new VBox(6, chart, sliders, buttons(logCounts, apply));
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
    // the waterfall under the links in a narrow tab: side by side at 1024x700 the links' four
    // columns had 170 px
    split
        .widthProperty()
        .addListener(
            (o, a, w) -> {
              Orientation o2 =
                  w.doubleValue() < SetupPlacement.RESULTS_EM * place.em()
                      ? Orientation.VERTICAL
                      : Orientation.HORIZONTAL;
              if (split.getOrientation() != o2) {
                split.setOrientation(o2);
                split.setDividerPositions(0.45);
              }
            });
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
    // both records in sight side by side, however narrow the tab: that is what a reviewer compares
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
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
            buttons(accept, reject, skip, explain));
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
    // rows that wrap rather than cut their buttons in a narrow tab (1024x700 in presenter mode)
    name.setMinWidth(0);
    HBox.setHgrow(name, Priority.ALWAYS);
    save.setMinWidth(Region.USE_PREF_SIZE);
    Label rateLabel = new Label("Match rate by");
    rateLabel.setMinWidth(Region.USE_PREF_SIZE);
    VBox box =
        new VBox(
            10, row(name, save), buttons(links, verify), buttons(row(rateLabel, by), rate), note);
    box.setPadding(new Insets(8));
    if (releaseBar != null) {
      box.getChildren().addAll(new javafx.scene.control.Separator(), releaseBar);
    }
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

  /** Controls at their whole widths, wrapping onto another line in a narrow tab. */
  static javafx.scene.layout.FlowPane buttons(Node... nodes) {
    javafx.scene.layout.FlowPane flow = new javafx.scene.layout.FlowPane(6, 6, nodes);
    for (Node n : nodes) {
      if (n instanceof Region r) {
        r.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    return flow;
  }

  static HBox row(Node... nodes) {
    HBox h = new HBox(6, nodes);
    h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return h;
  }

  static <T> TableColumn<T, String> column(
      String title, java.util.function.Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static String format(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
