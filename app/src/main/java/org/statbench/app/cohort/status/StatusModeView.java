package org.statbench.app.cohort.status;

import java.util.Locale;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.statbench.cohort.StatusTable;

/**
 * The Cohorts tab's mode switch and its "Status over time" mode: the spell dataset and its columns,
 * a stacked-area chart of the states for a chosen cohort or group, and the cohort x duration heat
 * map of one state. Builds nodes and binds to a {@link StatusViewModel}; the cohort curves (the
 * tab's other mode) are passed in and shown unchanged.
 */
public final class StatusModeView {
  private final StatusViewModel vm;
  private final BorderPane root = new BorderPane();
  private final Node cohortResults;
  private final Node statusResults;
  private final StackedAreaChart<Number, Number> chart;
  private final GridPane heatMap = new GridPane();

  public StatusModeView(StatusViewModel vm, Node cohortResults) {
    this.vm = vm;
    this.cohortResults = cohortResults;
    this.chart = StatusChart.chart(null, "", "months");
    root.setId("cohortModes");
    root.setTop(modeBar());
    this.statusResults = statusPane();
    vm.activeProperty().addListener((Observable o) -> showMode());
    vm.sharesProperty().addListener((Observable o) -> showShares());
    vm.heatProperty().addListener((Observable o) -> showHeat());
    showMode();
  }

  /** The root node (the tab's centre). */
  public Node node() {
    return root;
  }

  private Node modeBar() {
    ToggleGroup modes = new ToggleGroup();
    ToggleButton curves = new ToggleButton("Cohort curves");
    curves.setId("cohortModeCurves");
    ToggleButton status = new ToggleButton("Status over time");
    status.setId("cohortModeStatus");
    curves.setToggleGroup(modes);
    status.setToggleGroup(modes);
    (vm.activeProperty().get() ? status : curves).setSelected(true);
    status.selectedProperty().bindBidirectional(vm.activeProperty());
    modes
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                a.setSelected(true); // one mode is always chosen
              }
            });
    vm.activeProperty().addListener((o, a, b) -> curves.setSelected(!b));
    HBox bar = new HBox(0, curves, status);
    bar.setPadding(new Insets(4, 8, 4, 8));
    return bar;
  }

  private Node statusPane() {
    ChoiceBox<String> spells = new ChoiceBox<>(vm.datasets());
    spells.setId("statusSpells");
    spells.valueProperty().bindBidirectional(vm.spellsProperty());
    ComboBox<String> id = box("statusId", vm.cohortVariables());
    id.valueProperty().bindBidirectional(vm.idProperty());
    ComboBox<String> spellId = box("statusSpellId", vm.spellVariables());
    spellId.valueProperty().bindBidirectional(vm.spellIdProperty());
    ComboBox<String> state = box("statusState", vm.spellVariables());
    state.valueProperty().bindBidirectional(vm.stateProperty());
    ComboBox<String> start = box("statusStart", vm.spellDates());
    start.valueProperty().bindBidirectional(vm.startProperty());
    ComboBox<String> end = box("statusEnd", vm.spellDates());
    end.valueProperty().bindBidirectional(vm.endProperty());
    TextField priority = new TextField();
    priority.setId("statusPriority");
    priority.setPromptText("by first appearance");
    priority.setPrefColumnCount(14);
    priority.setOnAction(e -> vm.priorityProperty().set(priority.getText()));
    priority
        .focusedProperty()
        .addListener(
            (o, a, f) -> {
              if (!f) {
                vm.priorityProperty().set(priority.getText());
              }
            });
    vm.priorityProperty().addListener((o, a, b) -> priority.setText(b));
    priority.setText(vm.priorityProperty().get());
    TextField off = new TextField();
    off.setId("statusOff");
    off.setPrefColumnCount(9);
    off.setText(vm.offLabelProperty().get());
    off.setOnAction(e -> vm.offLabelProperty().set(off.getText()));
    vm.offLabelProperty().addListener((o, a, b) -> off.setText(b));

    FlowPane spellRow =
        new FlowPane(
            8,
            4,
            labelled("Person id", id),
            labelled("Spells", spells),
            labelled("Spell person id", spellId),
            labelled("State", state),
            labelled("Start", start),
            labelled("End", end),
            labelled("Overlaps: priority", priority),
            labelled("Off state", off));

    ChoiceBox<String> target = new ChoiceBox<>(vm.targets());
    target.setId("statusTarget");
    target.valueProperty().bindBidirectional(vm.targetProperty());
    ChoiceBox<String> heatState = new ChoiceBox<>(vm.states());
    heatState.setId("statusHeatState");
    heatState.valueProperty().bindBidirectional(vm.heatStateProperty());
    Button exportTable = new Button("Export table…");
    exportTable.setId("statusExportTable");
    exportTable.setOnAction(e -> vm.exportTable());
    Button exportChart = new Button("Export chart…");
    exportChart.setId("statusExportChart");
    exportChart.setOnAction(e -> vm.exportChart(StatusChart::write));
    Button save = new Button("Save definition…");
    save.setId("statusSave");
    save.setOnAction(e -> vm.saveDefinition());
    for (Button b : new Button[] {exportTable, exportChart}) {
      b.disableProperty().bind(vm.resultProperty().isNull());
    }
    FlowPane viewRow =
        new FlowPane(
            8,
            4,
            labelled("Chart of", target),
            labelled("Heat map of", heatState),
            exportTable,
            exportChart,
            save);

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(vm.computingProperty());
    Label message = new Label();
    message.setId("statusMessage");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    HBox messageBar = new HBox(6, busy, message);
    messageBar.setAlignment(Pos.CENTER_LEFT);

    heatMap.setId("statusHeatMap");
    heatMap.setHgap(1);
    heatMap.setVgap(1);
    ScrollPane heatScroll = new ScrollPane(heatMap);
    heatScroll.setFitToWidth(false);
    SplitPane body = new SplitPane(chart, heatScroll);
    body.setOrientation(javafx.geometry.Orientation.VERTICAL);
    body.setId("statusBody");
    body.setDividerPositions(0.62);
    VBox top = new VBox(4, spellRow, viewRow, messageBar);
    top.setPadding(new Insets(4, 8, 4, 8));
    BorderPane pane = new BorderPane(body);
    // at small windows the spell controls scroll so the chart and heat map keep their room
    pane.setTop(org.statbench.app.theme.ControlsScroll.capped(top, 0.15));
    pane.setId("statusPane");
    return pane;
  }

  private static ComboBox<String> box(String id, javafx.collections.ObservableList<String> items) {
    ComboBox<String> b = new ComboBox<>(items);
    b.setId(id);
    org.statbench.app.theme.Em.prefWidth(b, 10.8); // 140 px at the normal text size
    return b;
  }

  private static Node labelled(String text, Node control) {
    Label l = new Label(text);
    HBox h = new HBox(4, l, control);
    h.setAlignment(Pos.CENTER_LEFT);
    return h;
  }

  private void showMode() {
    root.setCenter(vm.activeProperty().get() ? statusResults : cohortResults);
  }

  private void showShares() {
    StatusTable t = vm.resultProperty().get();
    chart.setTitle(vm.chartTitle());
    StatusChart.fill(chart, vm.sharesProperty().get());
    if (t != null) {
      ((javafx.scene.chart.NumberAxis) chart.getXAxis())
          .setLabel("duration since entry (" + t.spec().cohort().unit().key() + ")");
    }
  }

  private void showHeat() {
    heatMap.getChildren().clear();
    StatusTable t = vm.resultProperty().get();
    double[][] h = vm.heatProperty().get();
    if (t == null || h == null) {
      return;
    }
    heatMap.add(header("cohort"), 0, 0);
    for (int d = 0; d <= t.horizon(); d++) {
      heatMap.add(header(Integer.toString(d)), d + 1, 0);
    }
    for (int c = 0; c < h.length; c++) {
      heatMap.add(header(t.cohorts().get(c)), 0, c + 1);
      for (int d = 0; d < h[c].length; d++) {
        double v = h[c][d];
        Label cell = new Label(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", 100 * v));
        cell.setMinWidth(34);
        cell.setAlignment(Pos.CENTER_RIGHT);
        cell.setStyle(org.statbench.app.cohort.HeatShade.style(v) + " -fx-padding: 1 3 1 3;");
        heatMap.add(cell, d + 1, c + 1);
      }
    }
  }

  private static Label header(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-weight: bold; -fx-padding: 1 3 1 3;");
    return l;
  }
}
