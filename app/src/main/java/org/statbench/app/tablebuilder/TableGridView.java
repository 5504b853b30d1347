package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.spreadsheet.GridBase;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.controlsfx.control.spreadsheet.SpreadsheetCellType;
import org.controlsfx.control.spreadsheet.SpreadsheetView;
import org.statbench.app.shell.CellMarks;
import org.statbench.core.table.DimensionRole;

/**
 * The result grid: a ControlsFX {@link SpreadsheetView} with nested row and column headers spanning
 * their groups, the header rows and columns frozen, margins styled apart and an optional heat map.
 * Copying is disabled here: values leave the workstation only through the disclosure check.
 */
public final class TableGridView extends StackPane {
  private final SpreadsheetView sheet = new SpreadsheetView();
  private final Label placeholder = new Label();
  // Invisible to the eye but styled: its font is the one the theme gives the grid's cells.
  private final Label fontProbe = new Label();
  private final javafx.scene.layout.VBox placeholderBox = new javafx.scene.layout.VBox(16);
  private GridBase grid;
  private GridLayout shownLayout;
  private boolean shownHeatMap;
  private CellMarks marks = CellMarks.NONE;
  private HeaderClicks headerClicks;
  private CellDecorator decorator;

  /** What a click on a header asks for (the builder sorts). */
  public interface HeaderClicks {
    /** A column header: the codes of the column it stands for. */
    void columnHeader(List<String> columnCodes);

    /** A row header: the codes of the row it stands for. */
    void rowHeader(List<String> rowCodes);

    /** The name of a row dimension in the corner. */
    void rowDimension();

    /** The name of a column dimension in the corner. */
    void columnDimension();
  }

  public TableGridView() {
    setId("tableGrid");
    sheet.setId("tableSheet");
    sheet.setEditable(false);
    sheet.setShowColumnHeader(false);
    sheet.setShowRowHeader(false);
    sheet.setContextMenu(new ContextMenu());
    // Clipboard copies are releases: they belong to the export gate, not the working grid.
    sheet.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && (e.getCode() == KeyCode.C || e.getCode() == KeyCode.X)) {
            e.consume();
          }
        });
    // A filter: the sheet's cells consume their clicks for selection.
    sheet.addEventFilter(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            SpreadsheetCell cell = cellAt(e.getPickResult().getIntersectedNode());
            if (cell != null) {
              headerClicked(cell.getRow(), cell.getColumn());
            }
          }
        });
    placeholder.setId("tablePlaceholder");
    placeholder.getStyleClass().add("placeholder-text");
    placeholder.setWrapText(true);
    // as tall as its wrapped lines: squeezed to one line it ended "(or select a fi…" at 1024x700
    placeholder.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    placeholderBox.getChildren().add(placeholder);
    placeholderBox.setAlignment(javafx.geometry.Pos.CENTER);
    placeholderBox.setPadding(new javafx.geometry.Insets(24));
    placeholderBox.setMaxWidth(720);
    // never wider than the tab: a long saved table's name is cut (its tooltip has it) rather than
    // the whole builder being pushed past the window's right edge
    placeholderBox.setMinWidth(0);
    placeholderBox.setFillWidth(true);
    placeholderBox.visibleProperty().bind(placeholder.visibleProperty());
    getChildren().addAll(sheet, placeholderBox);
    showMessage("Drag fields onto Rows and Columns to build a table.");
    // A theme or presenter-mode switch changes the font: re-fit the table shown.
    fontProbe.setOpacity(0);
    fontProbe.setManaged(false);
    fontProbe.setMouseTransparent(true);
    fontProbe.getStyleClass().add("grid-font-probe");
    getChildren().add(fontProbe);
    fontProbe
        .fontProperty()
        .addListener(
            (o, a, b) -> {
              if (shownLayout != null && sheet.isVisible() && !a.equals(b)) {
                show(shownLayout, shownHeatMap);
              }
            });
  }

  /** Sets what another feature adds to value cells (null: nothing); redraws the table shown. */
  public void setCellDecorator(CellDecorator d) {
    decorator = d;
    if (shownLayout != null && sheet.isVisible()) {
      show(shownLayout, shownHeatMap);
    }
  }

  /** Sets what header clicks do (null: nothing). */
  public void setOnHeaderClicked(HeaderClicks clicks) {
    headerClicks = clicks;
  }

  private static SpreadsheetCell cellAt(Node n) {
    while (n != null && !(n instanceof TableCell<?, ?>)) {
      n = n.getParent();
    }
    return n instanceof TableCell<?, ?> tc && tc.getItem() instanceof SpreadsheetCell sc
        ? sc
        : null;
  }

  /** Acts as a click on the header cell at a grid position (for tests and the keyboard). */
  public void headerClicked(int row, int column) {
    GridLayout layout = shownLayout;
    if (headerClicks == null || layout == null) {
      return;
    }
    int h = layout.columnHeaderDepth();
    int w = layout.rowHeaderDepth();
    boolean hasRowDims = !layout.dimensionsOf(DimensionRole.ROW).isEmpty();
    boolean hasColDims = !layout.dimensionsOf(DimensionRole.COLUMN).isEmpty();
    if (row < h && column >= w) {
      headerClicks.columnHeader(layout.columnCodesAt(layout.columns().get(column - w), row));
    } else if (column < w && row >= h) {
      headerClicks.rowHeader(layout.rowCodesAt(layout.rows().get(row - h), column));
    } else if (row == h - 1 && column < w && hasRowDims) {
      headerClicks.rowDimension();
    } else if (row < h - 1 && column == w - 1 && hasColDims) {
      headerClicks.columnDimension();
    }
  }

  /** Something to show under the message when there is no table (e.g. tables to open). */
  public void setPlaceholderGraphic(Node graphic) {
    placeholderBox.getChildren().setAll(placeholder);
    if (graphic != null) {
      placeholderBox.getChildren().add(graphic);
    }
  }

  /** Shows a message instead of a table. */
  public void showMessage(String text) {
    placeholder.setText(text);
    placeholder.setVisible(true);
    sheet.setVisible(false);
  }

  /**
   * Highlights cells failing the disclosure check (marks of another table are ignored); redraws the
   * table shown.
   */
  public void setCellMarks(CellMarks newMarks) {
    marks = newMarks == null ? CellMarks.NONE : newMarks;
    if (shownLayout != null && sheet.isVisible()) {
      show(shownLayout, shownHeatMap);
    }
  }

  /** Shows a laid-out table. */
  public void show(GridLayout layout, boolean heatMap) {
    shownLayout = layout;
    shownHeatMap = heatMap;
    String tableHash = marks.styles().isEmpty() ? "" : layout.table().hash();
    int h = layout.columnHeaderDepth();
    int w = layout.rowHeaderDepth();
    List<int[]> rows = layout.rows();
    List<int[]> cols = layout.columns();
    int nRows = h + rows.size();
    int nCols = w + cols.size();
    if (getScene() != null) {
      fontProbe.applyCss(); // its font is the theme's grid font (presenter mode: larger)
    }
    GridBase g = new GridBase(nRows, nCols);
    List<ObservableList<SpreadsheetCell>> data = new ArrayList<>(nRows);
    boolean hasRowDims = !layout.dimensionsOf(org.statbench.core.table.DimensionRole.ROW).isEmpty();
    boolean hasColDims =
        !layout.dimensionsOf(org.statbench.core.table.DimensionRole.COLUMN).isEmpty();
    for (int r = 0; r < nRows; r++) {
      ObservableList<SpreadsheetCell> line = FXCollections.observableArrayList();
      for (int c = 0; c < nCols; c++) {
        String text;
        String style;
        String tip = null;
        int indent = 0;
        if (r < h && c < w) {
          text =
              r == h - 1
                  ? (hasRowDims ? layout.rowDimensionLabel(c) : "")
                  : (c == w - 1 && hasColDims ? layout.columnDimensionLabel(r) : "");
          style = "grid-corner";
          if (r == h - 1 && hasRowDims) {
            text += labelArrow(layout.options().rowSort());
          } else if (c == w - 1 && hasColDims && !text.isEmpty()) {
            text += labelArrow(layout.options().columnSort());
          }
        } else if (r < h) {
          int[] ck = cols.get(c - w);
          text = layout.columnHeader(ck, r);
          style = layout.isTotalColumn(ck) ? "grid-header grid-total-header" : "grid-header";
          if (r == h - 1 && layout.sortsRowsBy(ck)) {
            text = valueArrow(layout.options().rowSort()) + text;
            style += " grid-sort-key";
          }
        } else if (c < w) {
          int[] rk = rows.get(r - h);
          text = layout.rowHeader(rk, c);
          style = layout.isTotalRow(rk) ? "grid-row-header grid-total-header" : "grid-row-header";
          if (c == w - 1 && layout.sortsColumnsBy(rk)) {
            text = valueArrow(layout.options().columnSort()) + text;
            style += " grid-sort-key";
          }
          indent = layout.rowDepth(rk, c);
        } else {
          int[] rk = rows.get(r - h);
          int[] ck = cols.get(c - w);
          text = layout.text(rk, ck);
          boolean total = layout.isTotalRow(rk) || layout.isTotalColumn(ck);
          style = total ? "grid-value grid-total" : "grid-value";
          if (decorator != null) {
            int index = layout.index(rk, ck);
            text = decorator.text(layout, index, text);
            String extra = decorator.styleClass(layout, index);
            style += extra == null ? "" : " " + extra;
            tip = decorator.tooltip(layout, index);
          }
        }
        SpreadsheetCell cell = SpreadsheetCellType.STRING.createCell(r, c, 1, 1, text);
        cell.setEditable(false);
        cell.getStyleClass().addAll(Arrays.asList(style.split(" ")));
        if (tip != null) {
          ((org.controlsfx.control.spreadsheet.SpreadsheetCellBase) cell).setTooltip(tip);
        }
        if (indent > 0) {
          // a roll-up's children sit indented under their parent, one step per level
          cell.setStyle(String.format(Locale.ROOT, "-fx-padding: 0 0 0 %dpx;", 6 + 16 * indent));
        }
        if (heatMap && r >= h && c >= w) {
          double heat = layout.heat(rows.get(r - h), cols.get(c - w));
          if (heat >= 0) {
            // The shade also goes into a style class: the sheet re-renders a cell only when its
            // text or classes change (SpreadsheetCellBase.equals ignores the inline style).
            int step = (int) Math.round(heat * 100);
            cell.getStyleClass().addAll(List.of("heat", "heat-" + step));
            cell.setStyle(
                String.format(
                    Locale.ROOT,
                    "-fx-background-color: rgba(214, 96, 77, %.3f);",
                    0.08 + 0.72 * step / 100.0));
          }
        }
        if (!marks.styles().isEmpty() && r >= h && c >= w) {
          String mark = marks.styleOf(tableHash, layout.index(rows.get(r - h), cols.get(c - w)));
          if (mark != null) {
            cell = GridMarks.apply(cell, mark);
          }
        }
        line.add(cell);
      }
      data.add(line);
    }
    g.setRows(data);
    double rowHeight = new GridFit(fontProbe.getFont()).rowHeight();
    g.setRowHeightCallback(row -> rowHeight);
    spanHeaders(g, layout, h, w);
    // Through an empty grid: the sheet otherwise reuses rendered rows whose cells compare equal
    // (text, spans and classes) and keeps their old row spans, leaving nested row headers split
    // after a field is added. Scrolling is kept, so sorting does not jump to the top.
    boolean sameShape =
        grid != null
            && sheet.isVisible()
            && grid.getRowCount() == nRows
            && grid.getColumnCount() == nCols;
    double vBar = sameShape ? sheet.getVBarValue() : 0;
    double hBar = sameShape ? sheet.getHBarValue() : 0;
    grid = g;
    sheet.setGrid(new GridBase(0, 0));
    sheet.setGrid(g);
    if (vBar > 0 || hBar > 0) {
      sheet.setVBarValue(vBar);
      sheet.setHBarValue(hBar);
    }
    sheet.getFixedRows().clear();
    for (int r = 0; r < h; r++) {
      sheet.getFixedRows().add(r);
    }
    // a roll-up's indented row headers need room for the indent and the bold subtotal text
    double[] indentPx = new double[w];
    for (int[] rk : rows) {
      for (int c = 0; c < w; c++) {
        int depth = layout.rowDepth(rk, c);
        if (depth > 0) {
          indentPx[c] = Math.max(indentPx[c], 6 + 16 * depth + 8);
        }
      }
    }
    GridFit fit = new GridFit(fontProbe.getFont());
    for (int c = 0; c < nCols; c++) {
      double width = fit.columnWidth(g, c, c >= w, h, c < w ? indentPx[c] : 0);
      sheet.getColumns().get(c).setPrefWidth(width);
      sheet.getColumns().get(c).setMinWidth(c >= w ? width : 40);
      if (c < w) {
        sheet.getColumns().get(c).setFixed(true);
      }
      for (int r = 0; r < nRows; r++) {
        SpreadsheetCell cell = g.getRows().get(r).get(c);
        if (cell.getColumnSpan() == 1 && (c < w || r < h) && fit.elides(cell.getText(), width)) {
          ((org.controlsfx.control.spreadsheet.SpreadsheetCellBase) cell)
              .setTooltip(cell.getText());
        }
      }
    }
    placeholder.setVisible(false);
    sheet.setVisible(true);
  }

  /** The mark before a header whose values sort the other axis (first, so no ellipsis hides it). */
  static String valueArrow(GridLayout.AxisSort sort) {
    return sort.mode() == GridLayout.SortMode.VALUE_DESC ? "\u25BC " : "\u25B2 ";
  }

  private static String labelArrow(GridLayout.AxisSort sort) {
    return switch (sort.mode()) {
      case LABEL_ASC -> " (A\u2013Z)";
      case LABEL_DESC -> " (Z\u2013A)";
      default -> "";
    };
  }

  private static void spanHeaders(GridBase g, GridLayout layout, int h, int w) {
    List<int[]> rows = layout.rows();
    List<int[]> cols = layout.columns();
    // Row headers: level l spans consecutive rows sharing positions 0..l (not the innermost level).
    for (int level = 0; level < w - 1; level++) {
      int i = 0;
      while (i < rows.size()) {
        int j = i + 1;
        while (j < rows.size()
            && Arrays.equals(rows.get(i), 0, level + 1, rows.get(j), 0, level + 1)) {
          j++;
        }
        if (j - i > 1) {
          g.spanRow(j - i, h + i, level);
        }
        i = j;
      }
    }
    for (int level = 0; level < h - 1; level++) {
      int i = 0;
      while (i < cols.size()) {
        int j = i + 1;
        while (j < cols.size()
            && Arrays.equals(cols.get(i), 0, level + 1, cols.get(j), 0, level + 1)) {
          j++;
        }
        if (j - i > 1) {
          g.spanColumn(j - i, level, w + i);
        }
        i = j;
      }
    }
  }

  /**
   * Selects and scrolls to a cell of the shown table by its table index (null or a cell not shown,
   * e.g. in another wafer: nothing).
   */
  public void selectCell(Integer index) {
    GridLayout layout = shownLayout;
    if (index == null || layout == null || !sheet.isVisible()) {
      return;
    }
    int h = layout.columnHeaderDepth();
    int w = layout.rowHeaderDepth();
    for (int r = 0; r < layout.rows().size(); r++) {
      for (int c = 0; c < layout.columns().size(); c++) {
        if (layout.index(layout.rows().get(r), layout.columns().get(c)) == index) {
          var column = sheet.getColumns().get(w + c);
          sheet.getSelectionModel().clearAndSelect(h + r, column);
          sheet.scrollToRow(h + r);
          sheet.scrollToColumn(column);
          sheet.requestFocus();
          return;
        }
      }
    }
  }

  /** The text at a grid position (headers included), for tests and accessibility. */
  public String textAt(int row, int column) {
    return grid == null ? null : grid.getRows().get(row).get(column).getText();
  }

  /** Number of grid rows (headers included), 0 when no table is shown. */
  public int gridRowCount() {
    return grid == null || !sheet.isVisible() ? 0 : grid.getRowCount();
  }

  /** Number of grid columns (headers included). */
  public int gridColumnCount() {
    return grid == null || !sheet.isVisible() ? 0 : grid.getColumnCount();
  }

  /** The tooltip of a grid cell, or null. */
  public String tooltipAt(int row, int column) {
    return grid.getRows().get(row).get(column).getTooltip().orElse(null);
  }

  /** The style classes of a grid cell. */
  public List<String> styleAt(int row, int column) {
    return List.copyOf(grid.getRows().get(row).get(column).getStyleClass());
  }

  public SpreadsheetView sheet() {
    return sheet;
  }
}
