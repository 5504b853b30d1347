package org.statbench.app.cohort;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.statbench.app.datasets.FieldDrag;
import org.statbench.cohort.CellStatus;
import org.statbench.cohort.CohortPeriod;
import org.statbench.cohort.CohortRow;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.DurationUnit;
import org.statbench.cohort.Estimator;
import org.statbench.cohort.HorizonMeasure;
import org.statbench.core.spec.DateUnit;

/**
 * The Cohorts tab: the definition controls (drop entry and event dates, period, horizon, as-of,
 * breakdown, estimator), the cohort triangle as a heat map with censored cells left empty, curves
 * of the cumulative proportion with confidence bands and at-risk counts, and the fixed-horizon
 * measure by cohort. Builds nodes and binds to a {@link CohortViewModel}; nothing else.
 */
public final class CohortView {
  private static final PseudoClass ACCEPT = PseudoClass.getPseudoClass("drop-accept");
  private static final PseudoClass REJECT = PseudoClass.getPseudoClass("drop-reject");
  private static final java.awt.Color[] PALETTE = {
    new java.awt.Color(0x2b6cb0),
    new java.awt.Color(0xdd6b20),
    new java.awt.Color(0x2f855a),
    new java.awt.Color(0xc53030),
    new java.awt.Color(0x6b46c1),
    new java.awt.Color(0x975a16),
    new java.awt.Color(0xd53f8c),
    new java.awt.Color(0x4a5568),
    new java.awt.Color(0x00a3c4),
    new java.awt.Color(0x718096)
  };

  private final CohortViewModel vm;
  private final BorderPane root = new BorderPane();
  private final TableView<TriangleRow> triangle = new TableView<>();
  private final TableView<Curve> atRisk = new TableView<>();
  private final ChartViewer curvesChart = new ChartViewer(emptyChart(""));
  private final ChartViewer horizonChart = new ChartViewer(emptyChart(""));
  // Kept as fields: the bidirectional binding holds the adapter only weakly.
  private final ObjectProperty<Integer> horizonValue;

  public CohortView(CohortViewModel vm) {
    this.vm = vm;
    this.horizonValue = vm.horizonProperty().asObject();
    root.setId("cohort-content-root");
    root.getStylesheets()
        .add(CohortView.class.getResource("/org/statbench/app/cohort/cohort.css").toExternalForm());
    root.setTop(controls());
    root.setCenter(
        new org.statbench.app.cohort.status.StatusModeView(vm.status(), results()).node());
    root.setBottom(messageBar());
    vm.resultProperty().addListener((Observable o) -> showResult());
    vm.curves().addListener((Observable o) -> showCurves());
    showResult();
  }

  /** The root node. */
  public Node node() {
    return root;
  }

  // ---------------------------------------------------------------------------------------------
  // Controls

  private Node controls() {
    ChoiceBox<String> dataset = new ChoiceBox<>(vm.datasets());
    dataset.setId("cohortDataset");
    dataset.valueProperty().bindBidirectional(vm.datasetProperty());

    ComboBox<String> entry = dateBox("cohortEntry", "drop the entry date");
    entry.valueProperty().bindBidirectional(vm.entryProperty());
    dropTarget(entry, vm::acceptsDate, vm::dropEntry);
    ComboBox<String> event = dateBox("cohortEvent", "drop the event date");
    event.valueProperty().bindBidirectional(vm.eventProperty());
    dropTarget(event, vm::acceptsDate, vm::dropEvent);

    ChoiceBox<CohortPeriod> period = new ChoiceBox<>();
    period.setId("cohortPeriod");
    period.getItems().setAll(CohortPeriod.values());
    period.setConverter(words(p -> capital(p.key().replace('-', ' '))));
    period.valueProperty().bindBidirectional(vm.periodProperty());

    Spinner<Integer> horizon = new Spinner<>(0, 240, vm.horizonProperty().get());
    horizon.setId("cohortHorizon");
    horizon.setEditable(true);
    horizon.setPrefWidth(80);
    horizon.getValueFactory().valueProperty().bindBidirectional(horizonValue);

    ChoiceBox<DurationUnit> unit = new ChoiceBox<>();
    unit.setId("cohortUnit");
    unit.getItems().setAll(DurationUnit.values());
    unit.setConverter(words(DurationUnit::key));
    unit.valueProperty().bindBidirectional(vm.unitProperty());

    DatePicker asOf = new DatePicker();
    asOf.setId("cohortAsOf");
    asOf.setPromptText("latest date");
    asOf.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(java.time.LocalDate d) {
            return d == null ? "" : d.toString();
          }

          @Override
          public java.time.LocalDate fromString(String s) {
            return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.trim());
          }
        });
    asOf.setPrefWidth(130);
    asOf.valueProperty().bindBidirectional(vm.asOfProperty());
    asOf.setTooltip(
        new Tooltip(
            "Nothing after this date is observed. Empty: the latest entry or event date in the"
                + " data."));
    Button latest = new Button("Latest");
    latest.setOnAction(e -> vm.asOfProperty().set(null));

    ComboBox<String> by = new ComboBox<>(vm.breakdownVariables());
    by.setId("cohortBy");
    by.setPromptText("(none)");
    by.setPrefWidth(150);
    by.valueProperty().bindBidirectional(vm.breakdownProperty());
    by.getStyleClass().add("cohort-drop-target");
    dropTarget(by, vm::acceptsBreakdown, vm::dropBreakdown);
    javafx.scene.control.TextField bandText = new javafx.scene.control.TextField();
    bandText.setId("cohortBands");
    bandText.setPromptText("bands, e.g. 16-24,25-49,50+");
    bandText.setPrefColumnCount(14);
    bandText.setTooltip(
        new Tooltip("Bands of a numeric breakdown, written as in tables: LO-HI,LO-HI,...,LO+"));
    bandText.setOnAction(e -> vm.bandsProperty().set(bandText.getText()));
    bandText
        .focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                vm.bandsProperty().set(bandText.getText());
              }
            });
    vm.bandsProperty().addListener((o, a, b) -> bandText.setText(b));
    Button noBy = new Button("✕");
    noBy.setTooltip(new Tooltip("No breakdown"));
    noBy.setOnAction(
        e -> {
          vm.bandsProperty().set("");
          vm.breakdownProperty().set(null);
        });

    ChoiceBox<DateUnit> dateGroup = new ChoiceBox<>();
    dateGroup.setId("cohortDateGroup");
    dateGroup.getItems().setAll(DateUnit.values());
    dateGroup.setConverter(words(u -> "by " + u.key().replace('_', ' ')));
    dateGroup.valueProperty().bindBidirectional(vm.dateGroupProperty());
    dateGroup.setTooltip(new Tooltip("Periods a date breakdown is grouped into, as in tables"));
    Runnable dateShown =
        () -> {
          boolean date = vm.breakdownIsDate();
          dateGroup.setVisible(date);
          dateGroup.setManaged(date);
          bandText.setVisible(!date);
          bandText.setManaged(!date);
        };
    vm.breakdownProperty().addListener((Observable o) -> dateShown.run());
    dateShown.run();

    javafx.scene.control.TextField filterText = new javafx.scene.control.TextField();
    filterText.setId("cohortFilters");
    filterText.setPromptText("filters, e.g. sex!=M; age=16..24");
    filterText.setPrefColumnCount(22);
    filterText.setText(vm.filtersProperty().get());
    filterText.setTooltip(
        new Tooltip(
            "Records kept, written as for tables, one per ';':\n"
                + "  V=code,code   keep codes (V!=... drops them; Missing = no value)\n"
                + "  V=LO..HI      a numeric range (an end may be empty)\n"
                + "  V=YYYY-MM-DD..YYYY-MM-DD   a date range\n"
                + "Drop a field here to start a filter on it."));
    filterText.setOnAction(e -> vm.filtersProperty().set(filterText.getText()));
    filterText
        .focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                vm.filtersProperty().set(filterText.getText());
              }
            });
    vm.filtersProperty()
        .addListener(
            (o, a, b) -> {
              filterText.setText(b);
              filterText.positionCaret(b == null ? 0 : b.length());
            });
    filterText.getStyleClass().add("cohort-drop-target");
    dropTarget(filterText, v -> true, vm::dropFilter);

    ChoiceBox<Estimator> estimator = new ChoiceBox<>();
    estimator.setId("cohortEstimator");
    estimator.getItems().setAll(Estimator.values());
    estimator.setConverter(
        words(e -> e == Estimator.SIMPLE ? "Cohort proportion" : "Kaplan-Meier"));
    estimator.valueProperty().bindBidirectional(vm.estimatorProperty());

    MenuButton definition = new MenuButton("Definition");
    definition.setId("cohortDefinition");
    MenuItem open = new MenuItem("Open…");
    open.setOnAction(e -> vm.openDefinition());
    MenuItem save = new MenuItem("Save as…");
    save.setOnAction(e -> vm.saveDefinition());
    save.disableProperty().bind(vm.completeProperty().not());
    Runnable fillDefinitions =
        () -> {
          definition.getItems().setAll(open, save, new SeparatorMenuItem());
          // the definitions saved in the workspace, one click each
          for (java.nio.file.Path p : vm.saved().saved()) {
            MenuItem item = new MenuItem(SavedCohorts.displayName(p));
            item.getStyleClass().add("cohort-saved-definition");
            item.setOnAction(e -> vm.open(p));
            definition.getItems().add(item);
          }
          if (vm.saved().saved().isEmpty()) {
            MenuItem none = new MenuItem("(no definitions saved in this workspace)");
            none.setDisable(true);
            definition.getItems().add(none);
          }
          definition.getItems().add(new SeparatorMenuItem());
          for (String resource : CohortViewModel.SAMPLE_DEFINITIONS) {
            MenuItem sample = new MenuItem("Sample: " + CohortViewModel.sampleTitle(resource));
            sample.setOnAction(e -> vm.openSample(resource));
            definition.getItems().add(sample);
          }
        };
    fillDefinitions.run();
    vm.saved().saved().addListener((Observable o) -> fillDefinitions.run());

    MenuButton export = new MenuButton("Export…");
    export.setId("cohortExport");
    MenuItem exportTable = new MenuItem("Table (CSV/XLSX, disclosure-checked)…");
    exportTable.setId("cohortExportTable");
    exportTable.setOnAction(e -> vm.exportTable());
    MenuItem exportChart = new MenuItem("Curves as shown (PNG, disclosure-checked)…");
    exportChart.setId("cohortExportChart");
    exportChart.setOnAction(e -> vm.exportChart(ChartKind.CURVES, ReleasedChartImage::write));
    MenuItem exportHorizon =
        new MenuItem("Fixed-horizon chart as shown (PNG, disclosure-checked)…");
    exportHorizon.setId("cohortExportHorizonChart");
    exportHorizon.setOnAction(e -> vm.exportChart(ChartKind.HORIZON, ReleasedChartImage::write));
    export.getItems().addAll(exportTable, exportChart, exportHorizon);
    export.disableProperty().bind(vm.resultProperty().isNull());

    // each label stays with its control when the bar wraps
    FlowPane pane =
        new FlowPane(
            10,
            6,
            group(new Label("Dataset"), dataset),
            group(new Label("Entry"), entry),
            group(new Label("Event"), event),
            group(new Label("Cohorts by"), period),
            group(new Label("Horizon"), horizon, unit),
            group(new Label("As of"), asOf, latest),
            group(new Label("Breakdown"), by, bandText, dateGroup, noBy),
            group(new Label("Filters"), filterText),
            group(new Label("Estimator"), estimator),
            group(definition, export));
    pane.setAlignment(Pos.CENTER_LEFT);
    pane.setPadding(new Insets(6));
    pane.getStyleClass().add("cohort-controls");
    return pane;
  }

  /** A titled row of links, one per definition file: one click opens and computes it. */
  private void addLinks(VBox box, String title, List<java.nio.file.Path> files) {
    if (files.isEmpty()) {
      return;
    }
    FlowPane links = new FlowPane(6, 2);
    links.setAlignment(Pos.CENTER);
    for (java.nio.file.Path p : files) {
      javafx.scene.control.Hyperlink link =
          new javafx.scene.control.Hyperlink(SavedCohorts.displayName(p));
      link.getStyleClass().add("cohort-open-link");
      link.setOnAction(e -> vm.open(p));
      links.getChildren().add(link);
    }
    box.getChildren().addAll(new Label(title), links);
  }

  private static HBox group(Node... nodes) {
    HBox box = new HBox(4, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private ComboBox<String> dateBox(String id, String prompt) {
    ComboBox<String> box = new ComboBox<>(vm.dateVariables());
    box.setId(id);
    box.setPromptText(prompt);
    box.setPrefWidth(170);
    box.getStyleClass().add("cohort-drop-target");
    box.setTooltip(new Tooltip("Drag a date variable here, or choose one (dates only)"));
    return box;
  }

  /**
   * Accepts drops of fields the predicate accepts (a blue border while over it); shows a red border
   * and the reason in the message line for others.
   */
  private void dropTarget(
      javafx.scene.control.Control target, Predicate<String> accepts, Predicate<String> drop) {
    target.setOnDragOver(
        e -> {
          String v = FieldDrag.variable(e.getDragboard());
          if (v != null && accepts.test(v)) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
          }
          e.consume();
        });
    target.setOnDragEntered(
        e -> {
          String v = FieldDrag.variable(e.getDragboard());
          if (v != null) {
            boolean ok = accepts.test(v);
            target.pseudoClassStateChanged(ACCEPT, ok);
            target.pseudoClassStateChanged(REJECT, !ok);
          }
        });
    target.setOnDragExited(
        e -> {
          target.pseudoClassStateChanged(ACCEPT, false);
          target.pseudoClassStateChanged(REJECT, false);
        });
    target.setOnDragDropped(
        e -> {
          String v = FieldDrag.variable(e.getDragboard());
          e.setDropCompleted(v != null && drop.test(v));
          e.consume();
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  private Node results() {
    triangle.setId("cohortTriangle");
    triangle.getStyleClass().add("cohort-triangle");
    triangle.setItems(vm.triangle());
    triangle.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    VBox placeholder = new VBox(8);
    placeholder.setAlignment(Pos.CENTER);
    placeholder.setId("cohortOpenLinks");
    Runnable fillPlaceholder =
        () -> {
          placeholder
              .getChildren()
              .setAll(
                  new Label(
                      "Drop an entry date and an event date above to see the cohort triangle."));
          addLinks(placeholder, "Saved cohort definitions in this workspace:", vm.saved().saved());
          List<java.nio.file.Path> recent =
              vm.saved().recent().stream()
                  .filter(
                      p ->
                          vm.saved().saved().stream()
                              .noneMatch(
                                  q ->
                                      q.toAbsolutePath()
                                          .normalize()
                                          .equals(p.toAbsolutePath().normalize())))
                  .limit(8)
                  .toList();
          addLinks(placeholder, "Recent cohort definitions:", recent);
        };
    fillPlaceholder.run();
    vm.saved().saved().addListener((Observable o) -> fillPlaceholder.run());
    vm.saved().recent().addListener((Observable o) -> fillPlaceholder.run());
    triangle.setPlaceholder(placeholder);
    triangle
        .getSelectionModel()
        .getSelectedIndices()
        .addListener(
            (ListChangeListener<Integer>) c -> vm.selectedRows().setAll(List.copyOf(c.getList())));

    ChoiceBox<CurveSource> source = new ChoiceBox<>();
    source.setId("cohortCurveSource");
    source.getItems().setAll(CurveSource.values());
    source.valueProperty().bindBidirectional(vm.curveSourceProperty());
    Label hint = new Label("select cohorts in the triangle to draw them");
    hint.getStyleClass().add("cohort-hint");
    hint.setMinWidth(0);
    Label curvesLabel = new Label("Curves");
    curvesLabel.setMinWidth(Label.USE_PREF_SIZE);
    source.setMinWidth(Label.USE_PREF_SIZE);
    HBox curveBar = new HBox(6, curvesLabel, source, hint);
    curveBar.setAlignment(Pos.CENTER_LEFT);
    curveBar.setPadding(new Insets(4));

    curvesChart.setId("cohortCurves");
    atRisk.setId("cohortAtRisk");
    atRisk.setItems(vm.curves());
    atRisk.setPrefHeight(120);
    atRisk.setMinHeight(80);
    atRisk.setPlaceholder(new Label("Number at risk"));
    VBox curves = new VBox(curveBar, curvesChart, atRisk);
    VBox.setVgrow(curvesChart, Priority.ALWAYS);

    horizonChart.setId("cohortHorizonChart");
    SplitPane charts = new SplitPane(curves, horizonChart);
    charts.setDividerPositions(0.55);
    SplitPane main = new SplitPane(triangle, charts);
    main.setOrientation(Orientation.VERTICAL);
    main.setDividerPositions(0.4);
    return main;
  }

  private Node messageBar() {
    Label message = new Label();
    message.setId("cohortMessage");
    message.getStyleClass().add("cohort-message");
    message.textProperty().bind(vm.messageProperty());
    vm.failedProperty()
        .addListener(
            (o, a, b) -> {
              message.getStyleClass().remove("failed");
              if (b) {
                message.getStyleClass().add("failed");
              }
            });
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(vm.computingProperty());
    HBox bar = new HBox(6, busy, message);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 6, 4, 6));
    return bar;
  }

  private void showResult() {
    CohortTable t = vm.resultProperty().get();
    buildTriangleColumns(t);
    buildAtRiskColumns(t);
    showCurves();
    horizonChart.setChart(
        t == null
            ? emptyChart("The fixed-horizon measure by cohort appears here")
            : horizonChart(t, t.horizonMeasures()));
  }

  private void buildTriangleColumns(CohortTable t) {
    triangle.getColumns().clear();
    if (t == null) {
      return;
    }
    TableColumn<TriangleRow, String> cohort = new TableColumn<>("Cohort");
    cohort.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
    cohort.setPrefWidth(t.spec().by().isEmpty() ? 80 : 180);
    TableColumn<TriangleRow, String> size = new TableColumn<>("Size");
    size.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%,d", c.getValue().size())));
    size.setStyle("-fx-alignment: CENTER-RIGHT;");
    triangle.getColumns().add(cohort);
    triangle.getColumns().add(size);
    double max = Math.max(vm.maxObserved(), 1e-9);
    String unitWord = unitWord(t);
    for (int d = 0; d <= t.horizon(); d++) {
      int duration = d;
      TableColumn<TriangleRow, CohortRow> col = new TableColumn<>(Integer.toString(d));
      col.setId("d" + d);
      col.setPrefWidth(52);
      col.setSortable(false);
      col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cells().get(duration)));
      col.setCellFactory(c -> new HeatCell(max, unitWord));
      triangle.getColumns().add(col);
    }
  }

  /** One triangle cell: the cumulative % on a colour scale; censored cells stay empty. */
  private static final class HeatCell extends TableCell<TriangleRow, CohortRow> {
    private final double max;
    private final String unitWord;

    HeatCell(double max, String unitWord) {
      this.max = max;
      this.unitWord = unitWord;
      setAlignment(Pos.CENTER_RIGHT);
    }

    @Override
    protected void updateItem(CohortRow r, boolean empty) {
      super.updateItem(r, empty);
      getStyleClass().remove("cohort-censored");
      if (empty || r == null) {
        setText(null);
        setStyle(null);
        setTooltip(null);
        return;
      }
      if (!r.hasValue()) {
        setText(null);
        setStyle(null);
        if (r.status() == CellStatus.CENSORED) {
          getStyleClass().add("cohort-censored");
        }
        setTooltip(
            tip(
                r.cohort()
                    + ", "
                    + unitWord
                    + " "
                    + r.duration()
                    + ": "
                    + (r.status() == CellStatus.CENSORED
                        ? "not yet observed (censored)"
                        : "empty cohort")
                    + "\nat risk "
                    + r.atRisk()
                    + ", events so far "
                    + r.events()));
        return;
      }
      double t = Math.min(1, r.cumulative() / max);
      setText(String.format(Locale.ROOT, "%.1f", 100 * r.cumulative()));
      int red = (int) Math.round(255 - t * (255 - 0x2b));
      int green = (int) Math.round(255 - t * (255 - 0x6c));
      int blue = (int) Math.round(255 - t * (255 - 0xb0));
      setStyle(
          String.format(
              Locale.ROOT,
              "-fx-background-color: rgb(%d,%d,%d); -fx-text-fill: %s;",
              red,
              green,
              blue,
              t > 0.55 ? "white" : "black"));
      setTooltip(tip(describe(r, unitWord)));
    }
  }

  private static Tooltip tip(String text) {
    Tooltip t = new Tooltip(text);
    t.setShowDelay(Duration.millis(200));
    return t;
  }

  static String describe(CohortRow r, String unitWord) {
    String who =
        r.group().isEmpty() ? r.cohort() : r.cohort() + " · " + String.join(" / ", r.group());
    return String.format(
        Locale.ROOT,
        "%s, %s %d: %s (95%% CI %s – %s)%nat risk %,d, events %,d",
        who,
        unitWord,
        r.duration(),
        pct(r.cumulative()),
        pct(r.lower()),
        pct(r.upper()),
        r.atRisk(),
        r.events());
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String unitWord(CohortTable t) {
    return switch (t.spec().unit()) {
      case DAYS -> "day";
      case WEEKS -> "week";
      case MONTHS -> "month";
    };
  }

  private void buildAtRiskColumns(CohortTable t) {
    atRisk.getColumns().clear();
    if (t == null) {
      return;
    }
    TableColumn<Curve, String> label = new TableColumn<>("At risk");
    label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
    label.setPrefWidth(150);
    atRisk.getColumns().add(label);
    for (int d = 0; d <= t.horizon(); d++) {
      int duration = d;
      TableColumn<Curve, String> col = new TableColumn<>(Integer.toString(d));
      col.setPrefWidth(64);
      col.setSortable(false);
      col.setStyle("-fx-alignment: CENTER-RIGHT;");
      col.setCellValueFactory(
          c -> {
            CohortRow p = c.getValue().points().get(duration);
            return new ReadOnlyObjectWrapper<>(
                p.hasValue() ? String.format(Locale.ROOT, "%,d", p.atRisk()) : "");
          });
      atRisk.getColumns().add(col);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Charts

  private void showCurves() {
    CohortTable t = vm.resultProperty().get();
    curvesChart.setChart(
        t == null || vm.curves().isEmpty()
            ? emptyChart("Curves of the cumulative proportion appear here")
            : curvesChart(t, vm.curves(), vm.curveSourceProperty().get()));
  }

  /** A blank chart showing a message (a viewer always needs a chart). */
  private static JFreeChart emptyChart(String message) {
    XYPlot plot = new XYPlot();
    plot.setNoDataMessage(message);
    plot.setBackgroundPaint(java.awt.Color.WHITE);
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(null, null, plot, false);
    chart.setBackgroundPaint(java.awt.Color.WHITE);
    return chart;
  }

  /**
   * The curves chart: one line per curve with its 95% band (points without a value are not drawn).
   * Also draws the released curves of an exported chart.
   */
  static JFreeChart curvesChart(CohortTable t, List<Curve> curves, CurveSource source) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    List<List<CohortRow>> points = new ArrayList<>();
    // A curve with a gap (points withheld in an exported chart) is drawn as separate runs of
    // consecutive durations in one colour, so no line is drawn across what is not known.
    List<Integer> colourOf = new ArrayList<>();
    for (int ci = 0; ci < curves.size(); ci++) {
      Curve c = curves.get(ci);
      YIntervalSeries s = null;
      List<CohortRow> drawn = null;
      int previous = Integer.MIN_VALUE;
      int runs = 0;
      for (CohortRow p : c.points()) {
        if (!p.hasValue()) {
          continue;
        }
        if (s == null || p.duration() != previous + 1) {
          s =
              new YIntervalSeries(
                  runs == 0 ? c.label() : c.label() + " #" + (runs + 1), false, true);
          drawn = new ArrayList<>();
          data.addSeries(s);
          points.add(drawn);
          colourOf.add(runs == 0 ? ci : -1 - ci);
          runs++;
        }
        s.add(p.duration(), p.cumulative(), p.lower(), p.upper());
        drawn.add(p);
        previous = p.duration();
      }
    }
    String unitWord = unitWord(t);
    NumberAxis x = new NumberAxis(capital(unitWord) + "s since entry");
    x.setRange(0, Math.max(1, t.horizon()));
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis("Cumulative proportion");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
    y.setAutoRangeIncludesZero(true);
    // a flat curve at 0 would otherwise get an axis of identical "0%" labels
    y.setAutoRangeMinimumSize(0.05);
    DeviationRenderer r = new DeviationRenderer(true, true);
    r.setAlpha(0.12f);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      int colour = colourOf.get(i) >= 0 ? colourOf.get(i) : -1 - colourOf.get(i);
      java.awt.Color c = PALETTE[colour % PALETTE.length];
      r.setSeriesVisibleInLegend(i, colourOf.get(i) >= 0);
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(2f));
      r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    r.setDefaultToolTipGenerator(
        (dataset, series, item) -> describe(points.get(series).get(item), unitWord));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(java.awt.Color.WHITE);
    plot.setDomainGridlinePaint(new java.awt.Color(0xe2e8f0));
    plot.setRangeGridlinePaint(new java.awt.Color(0xe2e8f0));
    String est =
        t.spec().competing() != null && t.spec().estimator() == Estimator.KAPLAN_MEIER
            ? "Aalen-Johansen"
            : source == CurveSource.GROUPS || t.spec().estimator() == Estimator.KAPLAN_MEIER
                ? "Kaplan-Meier"
                : "cohort proportion";
    JFreeChart chart =
        new JFreeChart(
            "With the event by " + unitWord + " since entry (" + est + ", 95% CI)",
            new Font(Font.SANS_SERIF, Font.BOLD, 12),
            plot,
            true);
    chart.setBackgroundPaint(java.awt.Color.WHITE);
    // Beside the plot rather than under it: the curves pane is short, and one legend row per
    // few cohorts would leave the plot no height.
    chart.getLegend().setPosition(RectangleEdge.RIGHT);
    return chart;
  }

  /**
   * The fixed-horizon measure by cohort (bars, or one line per group); NaN proportions are gaps.
   * Also draws the released measures of an exported chart.
   */
  static JFreeChart horizonChart(CohortTable t, List<HorizonMeasure> measures) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int groups = t.groups().size();
    for (int i = 0; i < measures.size(); i++) {
      HorizonMeasure m = measures.get(i);
      String series = m.group().isEmpty() ? "Within " + t.horizon() : String.join(" / ", m.group());
      data.addValue(Double.isNaN(m.proportion()) ? null : m.proportion(), series, m.cohort());
    }
    String unitWord = unitWord(t);
    CategoryAxis x = new CategoryAxis("Cohort");
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    NumberAxis y = new NumberAxis("With the event within " + t.horizon() + " " + unitWord + "s");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
    y.setAutoRangeMinimumSize(0.05);
    CategoryItemRenderer r;
    if (groups == 1) {
      BarRenderer bars = new BarRenderer();
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setSeriesPaint(0, PALETTE[0]);
      r = bars;
    } else {
      LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
      for (int i = 0; i < groups; i++) {
        lines.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      }
      r = lines;
    }
    r.setDefaultToolTipGenerator(
        (dataset, row, column) -> {
          HorizonMeasure m = measures.get(column * groups + row);
          return String.format(
              Locale.ROOT,
              "%s%s: %s within %d %ss (95%% CI %s – %s)%n%,d of %,d",
              m.cohort(),
              m.group().isEmpty() ? "" : " · " + String.join(" / ", m.group()),
              pct(m.proportion()),
              t.horizon(),
              unitWord,
              pct(m.lower()),
              pct(m.upper()),
              m.events(),
              m.size());
        });
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(java.awt.Color.WHITE);
    plot.setRangeGridlinePaint(new java.awt.Color(0xe2e8f0));
    JFreeChart chart =
        new JFreeChart(
            "Within " + t.horizon() + " " + unitWord + "s, cohorts old enough",
            new Font(Font.SANS_SERIF, Font.BOLD, 12),
            plot,
            groups > 1);
    chart.setBackgroundPaint(java.awt.Color.WHITE);
    return chart;
  }

  // ---------------------------------------------------------------------------------------------

  private static <T> StringConverter<T> words(java.util.function.Function<T, String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : f.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
