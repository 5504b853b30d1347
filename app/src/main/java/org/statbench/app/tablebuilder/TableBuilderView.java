package org.statbench.app.tablebuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.statbench.app.datasets.FieldDrag;
import org.statbench.app.theme.Em;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;

// Size (over 500 lines): builds the Table tab (zones, toolbar, grid, open and save menus) and only
// binds to TableBuilderViewModel; the grid and zones are already their own views (TableGridView,
// DropZoneView).

/**
 * The Table tab: the four drop zones, the measure / percentage / weight pickers, the grid options
 * (wafer, sort, hide empty, heat map) and the result grid.
 */
public final class TableBuilderView extends VBox {
  private final TableBuilderViewModel model;
  private final TableGridView grid = new TableGridView();
  private final ChipMenus menus;
  // measure kinds, then choices other features add (addMeasureChoice)
  private final ComboBox<Object> measureKind = new ComboBox<>();
  private final ComboBox<String> measureVariable = new ComboBox<>();
  private final Spinner<Integer> percentile = new Spinner<>(1, 99, 90);
  private final ComboBox<Percentage> percentage = new ComboBox<>();
  private final ComboBox<String> weight = new ComboBox<>();
  private final HBox waferBox = new HBox(6);
  private final ProgressIndicator busy = new ProgressIndicator();
  private final VBox openLinks = new VBox(6);
  private final VBox controls = new VBox(6);
  private final ComboBox<GridLayout.SortMode> rowSortMode = new ComboBox<>();
  private final ComboBox<Line> rowSortBy = new ComboBox<>();
  private final ComboBox<GridLayout.SortMode> columnSortMode = new ComboBox<>();
  private final ComboBox<Line> columnSortBy = new ComboBox<>();
  private final HeatMapControl heatMap;
  private boolean updating;

  public TableBuilderView(TableBuilderViewModel model) {
    this.model = model;
    this.heatMap = new HeatMapControl(model.heatMapProperty());
    this.menus = new ChipMenus(model);
    setId("tableBuilder");
    setSpacing(6);
    setPadding(new Insets(6));

    GridPane zones = new GridPane();
    zones.setHgap(6);
    zones.setVgap(6);
    ColumnConstraints half = new ColumnConstraints();
    half.setPercentWidth(50);
    zones.getColumnConstraints().addAll(half, half);
    zones.add(new DropZoneView(model, Zone.ROWS, menus), 0, 0);
    zones.add(new DropZoneView(model, Zone.COLUMNS, menus), 1, 0);
    zones.add(new DropZoneView(model, Zone.WAFERS, menus), 0, 1);
    zones.add(new DropZoneView(model, Zone.FILTERS, menus), 1, 1);

    grid.setOnHeaderClicked(
        new TableGridView.HeaderClicks() {
          @Override
          public void columnHeader(List<String> columnCodes) {
            model.cycleRowSortByColumn(columnCodes);
          }

          @Override
          public void rowHeader(List<String> rowCodes) {
            model.cycleColumnSortByRow(rowCodes);
          }

          @Override
          public void rowDimension() {
            model.cycleRowLabelSort();
          }

          @Override
          public void columnDimension() {
            model.cycleColumnLabelSort();
          }
        });
    openLinks.setId("openTableLinks");
    grid.setPlaceholderGraphic(openLinks);
    model.savedTables().addListener((ListChangeListener<Path>) c -> rebuildOpenLinks());
    model.recentTables().addListener((ListChangeListener<Path>) c -> rebuildOpenLinks());
    rebuildOpenLinks();
    VBox.setVgrow(grid, Priority.ALWAYS);
    controls.getChildren().addAll(zones, measureBar(), gridBar());
    // at most 45% of the window's height: at 1024x700 in presenter mode the wrapped zones and bars
    // filled the whole tab and left the table no room at all; they scroll instead
    getChildren().addAll(org.statbench.app.theme.ControlsScroll.capped(controls, 0.45), grid);

    model.stateProperty().addListener((o, a, b) -> syncPickers());
    model.layoutProperty().addListener((o, a, b) -> showGrid());
    model.heatMapProperty().addListener((o, a, b) -> showGrid());
    model.messageProperty().addListener((o, a, b) -> showGrid());
    syncPickers();
    showGrid();

    // Dragging a chip out of the zones and dropping it anywhere else in the builder removes it
    // (a drop outside the builder does too: see DropZoneView's drag-done handler).
    setOnDragOver(
        e -> {
          if (isChip(e.getGestureSource()) && FieldDrag.variable(e.getDragboard()) != null) {
            e.acceptTransferModes(TransferMode.MOVE);
          }
        });
    setOnDragDropped(
        e -> {
          String v = FieldDrag.variable(e.getDragboard());
          if (isChip(e.getGestureSource()) && v != null) {
            Object zone = ((Node) e.getGestureSource()).getProperties().get(Zone.class);
            if (zone instanceof Zone z) {
              model.remove(v, z);
            } else {
              model.remove(v);
            }
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }

  private static boolean isChip(Object source) {
    return source instanceof Node n && n.getStyleClass().contains("field-chip");
  }

  private Node measureBar() {
    measureKind.setId("measureKind");
    measureKind.getItems().setAll(MeasureKind.values());
    measureKind.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Object k) {
            return k instanceof MeasureChoice c
                ? c.label()
                : k instanceof MeasureKind m
                    ? m.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    : "";
          }

          @Override
          public Object fromString(String s) {
            return null;
          }
        });
    busy.setId("tableBusy");
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(model.computingProperty());
    // widths in em: they grow with presenter mode's text rather than eliding the choice
    Em.prefWidth(measureKind, 10);
    Em.prefWidth(measureVariable, 11.5);
    Em.prefWidth(percentage, 10);
    Em.prefWidth(weight, 10);
    measureVariable.setId("measureVariable");
    measureVariable.setPromptText("of variable");
    percentile.setId("percentile");
    Em.prefWidth(percentile, 5.8);
    percentile.setEditable(true);
    percentage.setId("percentage");
    percentage.getItems().setAll(Percentage.values());
    percentage.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Percentage p) {
            return p == null
                ? ""
                : p == Percentage.NONE
                    ? "none"
                    : "% of " + p.name().toLowerCase(java.util.Locale.ROOT);
          }

          @Override
          public Percentage fromString(String s) {
            return null;
          }
        });
    weight.setId("weight");
    measureKind.valueProperty().addListener((o, a, b) -> measureEdited());
    measureVariable.valueProperty().addListener((o, a, b) -> measureEdited());
    percentile.valueProperty().addListener((o, a, b) -> measureEdited());
    percentage
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating && b != null) {
                model.setPercentage(b);
              }
            });
    weight
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating && b != null) {
                model.setWeight(b.equals(NO_WEIGHT) ? null : b);
              }
            });
    // each label wraps with its box: at 1024x700 in presenter mode "Show" was left at the end of
    // the first line, out of sight, and its box began the second
    FlowPane bar =
        new FlowPane(
            6,
            4,
            labelled("Measure", measureKind),
            measureVariable,
            percentile,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            labelled("Show", percentage),
            labelled("Weight", weight));
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private static final String NO_WEIGHT = "(none)";

  private static HBox labelled(String text, Node box) {
    HBox pair = new HBox(6, new Label(text), box);
    pair.setAlignment(Pos.CENTER_LEFT);
    return pair;
  }

  /** A row or column of the grid as a sort key picker shows it. */
  private record Line(String title, List<String> codes) {
    @Override
    public String toString() {
      return title;
    }
  }

  private Node gridBar() {
    rowSortMode.setId("rowSortMode");
    rowSortBy.setId("rowSortBy");
    columnSortMode.setId("columnSortMode");
    columnSortBy.setId("columnSortBy");
    for (ComboBox<GridLayout.SortMode> box : List.of(rowSortMode, columnSortMode)) {
      box.getItems().setAll(GridLayout.SortMode.values());
      Em.prefWidth(box, 13);
    }
    rowSortBy.setPromptText("of column");
    rowSortBy.setTooltip(new Tooltip("The column whose values order the rows"));
    columnSortBy.setPromptText("of row");
    columnSortBy.setTooltip(new Tooltip("The row whose values order the columns"));
    rowSortMode.valueProperty().addListener((o, a, b) -> sortEdited());
    rowSortBy.valueProperty().addListener((o, a, b) -> sortEdited());
    columnSortMode.valueProperty().addListener((o, a, b) -> sortEdited());
    columnSortBy.valueProperty().addListener((o, a, b) -> sortEdited());
    model.rowSortProperty().addListener((o, a, b) -> syncSortPickers());
    model.columnSortProperty().addListener((o, a, b) -> syncSortPickers());
    Button resetOrder = new Button("Reset order");
    resetOrder.setId("resetSort");
    resetOrder.setTooltip(
        new Tooltip(
            "Back to the codelist order on rows and columns. Click a column header to sort the"
                + " rows by it, a row header to sort the columns, a dimension name to sort by"
                + " label."));
    resetOrder.setOnAction(e -> model.resetSort());
    resetOrder
        .disableProperty()
        .bind(
            model
                .rowSortProperty()
                .isEqualTo(GridLayout.AxisSort.NATURAL)
                .and(model.columnSortProperty().isEqualTo(GridLayout.AxisSort.NATURAL)));
    CheckBox hide = new CheckBox("Hide empty");
    hide.setId("hideEmpty");
    hide.selectedProperty().bindBidirectional(model.hideEmptyProperty());
    waferBox.setId("waferSelector");
    waferBox.setAlignment(Pos.CENTER_LEFT);
    Button undo = new Button("Undo");
    undo.setId("undoButton");
    undo.disableProperty().bind(model.canUndoProperty().not());
    undo.setOnAction(e -> model.undo());
    undo.setTooltip(new Tooltip("Undo the last change to the table (Ctrl+Z)"));
    Button redo = new Button("Redo");
    redo.setId("redoButton");
    redo.disableProperty().bind(model.canRedoProperty().not());
    redo.setOnAction(e -> model.redo());
    redo.setTooltip(new Tooltip("Redo (Ctrl+Y)"));
    FlowPane bar =
        new FlowPane(
            6,
            4,
            waferBox,
            hide,
            heatMap,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            undo,
            redo,
            busy,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            // Last, as the value-sort pickers come and go.
            sortGroup(new Label("Sort rows"), rowSortMode, rowSortBy),
            sortGroup(new Label("Sort columns"), columnSortMode, columnSortBy),
            resetOrder);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  /** A label with its pickers, wrapped as one piece by the bar. */
  private static HBox sortGroup(Node... nodes) {
    HBox box = new HBox(6, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private void measureEdited() {
    if (updating) {
      return;
    }
    if (measureKind.getValue() instanceof MeasureChoice c) {
      // a choice that edits the table itself: show the current measure again, then run it
      Platform.runLater(
          () -> {
            syncPickers();
            c.action().run();
          });
      return;
    }
    if (!(measureKind.getValue() instanceof MeasureKind k)) {
      return;
    }
    updating = true;
    try {
      percentile.setVisible(k == MeasureKind.PERCENTILE);
      percentile.setManaged(k == MeasureKind.PERCENTILE);
      measureVariable.setDisable(k == MeasureKind.COUNT);
    } finally {
      updating = false;
    }
    if (k == MeasureKind.COUNT) {
      model.setMeasure(Measure.COUNT);
      return;
    }
    String v = measureVariable.getValue();
    if (v == null) {
      List<String> numeric = model.numericVariables();
      if (numeric.isEmpty()) {
        return;
      }
      v = numeric.get(0);
    }
    double p =
        k == MeasureKind.PERCENTILE ? percentile.getValue() : k == MeasureKind.MEDIAN ? 50 : 0;
    model.setMeasure(new Measure(k, v, p));
  }

  /** Makes the pickers show the spec (after undo, open, or a dropped percentage). */
  private void syncPickers() {
    TableSpec spec = model.spec();
    updating = true;
    try {
      List<String> numeric = model.numericVariables();
      if (!measureVariable.getItems().equals(numeric)) {
        measureVariable.getItems().setAll(numeric);
      }
      List<String> weights = new ArrayList<>();
      weights.add(NO_WEIGHT);
      weights.addAll(numeric);
      if (!weight.getItems().equals(weights)) {
        weight.getItems().setAll(weights);
      }
      Measure m = spec.measure();
      measureKind.setValue(m.kind());
      measureVariable.setValue(m.variable());
      measureVariable.setDisable(m.kind() == MeasureKind.COUNT);
      if (m.kind() == MeasureKind.PERCENTILE) {
        percentile.getValueFactory().setValue((int) Math.round(m.percentile()));
      }
      percentile.setVisible(m.kind() == MeasureKind.PERCENTILE);
      percentile.setManaged(m.kind() == MeasureKind.PERCENTILE);
      percentage.setValue(spec.percentage());
      percentage.setDisable(!m.kind().isAdditive());
      weight.setValue(spec.weight() == null ? NO_WEIGHT : spec.weight());
    } finally {
      updating = false;
    }
  }

  private void showGrid() {
    GridLayout layout = model.layoutProperty().get();
    if (layout == null) {
      grid.showMessage(model.messageProperty().get());
      waferBox.getChildren().clear();
      syncSortPickers();
      return;
    }
    grid.show(layout, model.heatMapProperty().get());
    heatMap.show(layout);
    rebuildWaferSelector(layout);
    syncSortPickers();
  }

  private void sortEdited() {
    if (updating) {
      return;
    }
    model.rowSortProperty().set(axisSort(rowSortMode, rowSortBy));
    model.columnSortProperty().set(axisSort(columnSortMode, columnSortBy));
  }

  private static GridLayout.AxisSort axisSort(
      ComboBox<GridLayout.SortMode> mode, ComboBox<Line> by) {
    GridLayout.SortMode m = mode.getValue();
    Line line = by.getValue();
    return new GridLayout.AxisSort(m, line == null ? List.of() : line.codes());
  }

  /** Makes the sort pickers show the sort and offer the lines of the table shown. */
  private void syncSortPickers() {
    GridLayout layout = model.layoutProperty().get();
    updating = true;
    try {
      GridLayout.AxisSort rs = model.rowSortProperty().get();
      GridLayout.AxisSort cs = model.columnSortProperty().get();
      rowSortMode.setValue(rs.mode());
      columnSortMode.setValue(cs.mode());
      List<Line> cols = new ArrayList<>();
      List<Line> rows = new ArrayList<>();
      Line rowKey = null;
      Line colKey = null;
      if (layout != null) {
        for (int[] ck : layout.columns()) {
          Line l = new Line(layout.columnTitle(ck), layout.columnCodes(ck));
          cols.add(l);
          if (layout.sortsRowsBy(ck)) {
            rowKey = l;
          }
        }
        for (int[] rk : layout.rows()) {
          Line l = new Line(layout.rowTitle(rk), layout.rowCodes(rk));
          rows.add(l);
          if (layout.sortsColumnsBy(rk)) {
            colKey = l;
          }
        }
      }
      if (!rowSortBy.getItems().equals(cols)) {
        rowSortBy.getItems().setAll(cols);
      }
      if (!columnSortBy.getItems().equals(rows)) {
        columnSortBy.getItems().setAll(rows);
      }
      rowSortBy.setValue(rowKey);
      columnSortBy.setValue(colKey);
      for (ComboBox<?> box : List.of(rowSortMode, rowSortBy, columnSortMode, columnSortBy)) {
        box.setDisable(layout == null);
      }
      rowSortBy.setVisible(rs.mode().byValue());
      rowSortBy.setManaged(rs.mode().byValue());
      columnSortBy.setVisible(cs.mode().byValue());
      columnSortBy.setManaged(cs.mode().byValue());
    } finally {
      updating = false;
    }
  }

  private void rebuildWaferSelector(GridLayout layout) {
    waferBox.getChildren().clear();
    Table t = layout.table();
    List<Integer> dims = layout.dimensionsOf(DimensionRole.WAFER);
    List<Integer> current = layout.options().wafer();
    for (int i = 0; i < dims.size(); i++) {
      Dimension d = t.dimensions().get(dims.get(i));
      ComboBox<String> box = new ComboBox<>();
      box.setId("wafer-" + d.variable());
      for (int p = 0; p < d.size(); p++) {
        box.getItems().add(d.isTotal(p) ? "Total" : d.categories().get(p).label());
      }
      box.getSelectionModel().select((int) current.get(i));
      final int which = i;
      box.getSelectionModel()
          .selectedIndexProperty()
          .addListener(
              (o, a, b) -> {
                if (b.intValue() >= 0) {
                  List<Integer> w = new ArrayList<>(layout.options().wafer());
                  w.set(which, b.intValue());
                  model.selectWafer(w);
                }
              });
      waferBox.getChildren().addAll(new Label(d.label()), box);
    }
    if (!dims.isEmpty()) {
      waferBox.getChildren().add(new Separator(javafx.geometry.Orientation.VERTICAL));
    }
  }

  /**
   * Saved tables of the workspace and recently used ones, each one click away, under the hint an
   * empty builder shows.
   */
  private void rebuildOpenLinks() {
    openLinks.getChildren().clear();
    List<Path> saved = List.copyOf(model.savedTables());
    List<Path> recent =
        model.recentTables().stream()
            .filter(p -> saved.stream().noneMatch(s -> sameFile(s, p)))
            .limit(8)
            .toList();
    addLinks("Saved tables in this workspace:", saved);
    addLinks("Recent tables:", recent);
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private void addLinks(String title, List<Path> files) {
    if (files.isEmpty()) {
      return;
    }
    FlowPane links = new FlowPane(4, 2);
    links.setMinWidth(0);
    for (Path p : files) {
      String name = p.getFileName().toString().replaceFirst("(?i)(\\.table)?\\.json$", "");
      Hyperlink link = new Hyperlink(name);
      link.setId("openTable-" + name);
      link.setTooltip(new Tooltip(p.toString()));
      link.setOnAction(e -> model.open(p));
      links.getChildren().add(link);
    }
    Label heading = new Label(title);
    heading.getStyleClass().add("muted");
    openLinks.getChildren().addAll(heading, links);
  }

  /**
   * Opens a field's filter: the codelist with checkboxes for categories, a range for numbers and
   * dates (whether or not the field is in the table yet).
   */
  public void openFilter(String variable) {
    menus.openDefault(variable, Zone.FILTERS);
  }

  /** The view model, for tests. */
  TableBuilderViewModel model() {
    return model;
  }

  /** The grid, for tests. */
  /**
   * Adds a choice after the measure kinds of the measure list; choosing it runs {@code action}
   * (which edits the table through the view model) and the list shows the table's measure again.
   */
  public void addMeasureChoice(String label, Runnable action) {
    measureKind.getItems().add(new MeasureChoice(label, action));
  }

  private record MeasureChoice(String label, Runnable action) {}

  public TableGridView grid() {
    return grid;
  }

  /** Adds a bar under the builder's own (e.g. the survey bar), scrolling with them. */
  public void addControls(Node bar) {
    controls.getChildren().add(bar);
  }
}
