package org.statbench.app.cohort;

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
import javafx.scene.control.ScrollPane;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.statbench.app.chart.ChartStyle;
import org.statbench.app.datasets.FieldDrag;
import org.statbench.app.theme.Em;
import org.statbench.cohort.CellStatus;
import org.statbench.cohort.CohortPeriod;
import org.statbench.cohort.CohortRow;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.DurationUnit;
import org.statbench.cohort.Estimator;
import org.statbench.core.spec.DateUnit;

// Size (over 500 lines): builds and binds the Cohorts tab (definition controls, triangle, curves,
// at-risk table); its logic is in CohortViewModel and its charts in CohortCharts. The controls are
// kept here while the status-tracking mode hook lands in this tab.

/**
 * The Cohorts tab: the definition controls (drop entry and event dates, period, horizon, as-of,
 * breakdown, estimator), the cohort triangle as a heat map with censored cells left empty, curves
 * of the cumulative proportion with confidence bands and at-risk counts, and the fixed-horizon
 * measure by cohort. Builds nodes and binds to a {@link CohortViewModel}; nothing else.
 */
public final class CohortView {
  private static final PseudoClass ACCEPT = PseudoClass.getPseudoClass("drop-accept");
  private static final PseudoClass REJECT = PseudoClass.getPseudoClass("drop-reject");

  private final CohortViewModel vm;
  private final BorderPane root = new BorderPane();
  private final TableView<TriangleRow> triangle = new TableView<>();
  private final TableView<Curve> atRisk = new TableView<>();

  /** The smallest size a chart is drawn at (the chart area scrolls below it). */
  static final double CHART_MIN_WIDTH = 360;

  static final double CHART_MIN_HEIGHT = 220;
  private final ChartViewer curvesChart = new ChartViewer(CohortCharts.emptyChart(""));
  private final ChartViewer horizonChart = new ChartViewer(CohortCharts.emptyChart(""));
  private VBox curvesPane; // the curves chart with its choice and the numbers at risk
  // Kept as fields: the bidirectional binding holds the adapter only weakly.
  private final ObjectProperty<Integer> horizonValue;

  public CohortView(CohortViewModel vm) {
    this.vm = vm;
    this.horizonValue = vm.horizonProperty().asObject();
    root.setId("cohort-content-root");
    root.getStylesheets()
        .add(CohortView.class.getResource("/org/statbench/app/cohort/cohort.css").toExternalForm());
    // the controls scroll past a fifth of the window so the charts below stay on screen
    root.setTop(org.statbench.app.theme.ControlsScroll.capped(controls(), 0.22));
    root.setCenter(
        new org.statbench.app.cohort.status.StatusModeView(vm.status(), results()).node());
    root.setBottom(messageBar());
    vm.resultProperty().addListener((Observable o) -> showResult());
    vm.curves().addListener((Observable o) -> showCurves());
    // the charts follow the window's theme, also when it changes while the tab is open
    ChartStyle.follow(
        root,
        t -> {
          double text = ChartStyle.textSize(root);
          ChartStyle.paint(curvesChart.getChart(), t, text);
          ChartStyle.paint(horizonChart.getChart(), t, text);
          chartHeights(text);
        });
    showResult();
  }

  /**
   * The charts' least heights for the window's text size (px): in presenter mode the charts' text
   * is larger too, and at the normal text's 220 px the curves' title, wrapped to three lines in the
   * narrow tab, left the plot shorter than its rotated axis label, which ran into the title.
   */
  private void chartHeights(double text) {
    double scale = text / ChartStyle.NORMAL_TEXT;
    // larger text: the heights scale with it, plus three lines of the title (1.25 times the text)
    double title = scale > 1 ? 3 * 1.25 * text : 0;
    curvesChart.setMinHeight(CHART_MIN_HEIGHT * scale + title);
    horizonChart.setMinHeight((CHART_MIN_HEIGHT + 60) * scale + title);
    if (curvesPane != null) {
      curvesPane.setMinHeight(curvesChart.getMinHeight() + 120);
    }
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
    period.setConverter(words(p -> CohortCharts.capital(p.key().replace('-', ' '))));
    period.valueProperty().bindBidirectional(vm.periodProperty());

    Spinner<Integer> horizon = new Spinner<>(0, 240, vm.horizonProperty().get());
    horizon.setId("cohortHorizon");
    horizon.setEditable(true);
    Em.prefWidth(horizon, 6.2);
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
    Em.prefWidth(asOf, 10);
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
    Em.prefWidth(by, 11.5);
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
    // 22 columns made the group 505 px in presenter mode, wider than the tab at 1024x700
    filterText.setPrefColumnCount(16);
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
            MenuItem item = new MenuItem(vm.saved().label(p));
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
          for (String resource : vm.samplesNotSaved()) {
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
            group(new Label("Breakdown"), by),
            // its own group too: with the bands beside the choice it was 540 px, wider than the
            // tab at 1024x700 in presenter mode, so every line of the bar ran off to the right
            group(bandText),
            group(dateGroup, noBy), // its own group: the four were wider than the tab at 1024x700
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
    // one a line, wrapping: in a flow the longest name set the triangle's (and so the tab's)
    // least width, wider than the tab at 1024x700 in presenter mode
    VBox links = new VBox(2);
    links.setAlignment(Pos.CENTER);
    for (java.nio.file.Path p : files) {
      javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(vm.saved().label(p));
      link.setWrapText(true);
      link.setMinHeight(Region.USE_PREF_SIZE);
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
    Em.prefWidth(box, 13); // em: widens with presenter mode's text
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
          Label hint =
              new Label("Drop an entry date and an event date above to see the cohort triangle.");
          hint.setWrapText(true);
          hint.setMinHeight(Region.USE_PREF_SIZE);
          placeholder.getChildren().setAll(hint);
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
    // the hint and links wrap whole and scroll in a short triangle (1024x700 in presenter mode)
    // rather than being squeezed to one cut line each
    placeholder.setPadding(new Insets(6));
    ScrollPane placeholderScroll = new ScrollPane(placeholder);
    placeholderScroll.setFitToWidth(true);
    placeholderScroll.setFitToHeight(true);
    placeholderScroll.getStyleClass().add("edge-to-edge");
    placeholder.setMinHeight(Region.USE_PREF_SIZE);
    triangle.setPlaceholder(placeholderScroll);
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
    hint.setId("cohortCurveHint");
    hint.setWrapText(true); // below the curve choice when it does not fit beside it, not cut
    hint.setMaxHeight(Double.MAX_VALUE);
    Label curvesLabel = new Label("Curves");
    curvesLabel.setMinWidth(Label.USE_PREF_SIZE);
    source.setMinWidth(Label.USE_PREF_SIZE);
    HBox choice = new HBox(6, curvesLabel, source);
    choice.setAlignment(Pos.CENTER_LEFT);
    // squeezed beside the choice the hint was a column of single words at 1024x700
    org.statbench.app.theme.BesideOrBelow curveBar =
        new org.statbench.app.theme.BesideOrBelow(choice, hint, 6);
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
    // charts keep a readable size: on a small window the chart area scrolls rather than shrinking
    // the plots to their titles
    curvesChart.setMinWidth(CHART_MIN_WIDTH);
    horizonChart.setMinWidth(CHART_MIN_WIDTH);
    curvesPane = curves;
    chartHeights(ChartStyle.NORMAL_TEXT);
    // the horizon chart is as wide as its cohorts' labels need and scrolls sideways on its own, so
    // the curves beside or above it keep the window's width
    javafx.scene.control.ScrollPane horizonScroll =
        new javafx.scene.control.ScrollPane(horizonChart);
    horizonScroll.setFitToWidth(true);
    horizonScroll.setFitToHeight(true);
    horizonScroll.setMinWidth(CHART_MIN_WIDTH / 2);
    SplitPane charts = new SplitPane(curves, horizonScroll);
    charts.setDividerPositions(0.55);
    javafx.scene.control.ScrollPane chartScroll = new javafx.scene.control.ScrollPane(charts);
    chartScroll.setId("cohortChartScroll");
    chartScroll.setFitToWidth(true);
    chartScroll.setFitToHeight(true);
    // too narrow for the two charts side by side (1024x700 in presenter mode), one above the
    // other at the full width, the area scrolling down rather than sideways
    chartScroll
        .viewportBoundsProperty()
        .addListener(
            (o, was, now) ->
                charts.setOrientation(
                    now.getWidth() < 2 * CHART_MIN_WIDTH + 12
                        ? Orientation.VERTICAL
                        : Orientation.HORIZONTAL));
    SplitPane main = new SplitPane(triangle, chartScroll);
    main.setOrientation(Orientation.VERTICAL);
    main.setDividerPositions(0.4);
    return main;
  }

  private Node messageBar() {
    Label message = new Label();
    message.setId("cohortMessage");
    message.getStyleClass().add("cohort-message");
    message.textProperty().bind(vm.messageProperty());
    message.setWrapText(true); // a long status wraps on a narrow window rather than being cut
    message.setMinHeight(Label.USE_PREF_SIZE);
    HBox.setHgrow(message, Priority.ALWAYS);
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
    show(
        horizonChart,
        t == null
            ? CohortCharts.emptyChart("The fixed-horizon measure by cohort appears here")
            : CohortCharts.horizonChart(t, t.horizonMeasures()));
    // one rotated cohort label needs about 14 px: never squeeze them into each other
    horizonChart.setMinWidth(
        Math.max(CHART_MIN_WIDTH, t == null ? 0 : 14.0 * t.cohorts().size() + 120));
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
    String unitWord = CohortCharts.unitWord(t);
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
        setTooltip(tip(CohortCharts.describeNoValue(r, unitWord)));
        return;
      }
      setText(String.format(Locale.ROOT, "%.1f", 100 * r.cumulative()));
      setStyle(CohortCharts.heatStyle(r.cumulative(), max));
      setTooltip(tip(CohortCharts.describe(r, unitWord)));
    }
  }

  private static Tooltip tip(String text) {
    Tooltip t = new Tooltip(text);
    t.setShowDelay(Duration.millis(200));
    return t;
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

  /** Shows a chart in the window's theme (the built charts are light, as their exports). */
  private void show(ChartViewer viewer, JFreeChart chart) {
    ChartStyle.paint(chart, ChartStyle.themeOf(root), ChartStyle.textSize(root));
    viewer.setChart(chart);
  }

  private void showCurves() {
    CohortTable t = vm.resultProperty().get();
    show(
        curvesChart,
        t == null || vm.curves().isEmpty()
            ? CohortCharts.emptyChart("Curves of the cumulative proportion appear here")
            : CohortCharts.curvesChart(t, vm.curves(), vm.curveSourceProperty().get()));
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
}
