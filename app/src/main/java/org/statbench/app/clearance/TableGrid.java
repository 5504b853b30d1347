package org.statbench.app.clearance;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Positions;
import org.statbench.core.table.Table;
import org.statbench.export.CellVerdict;
import org.statbench.export.ReportSnapshot;

/**
 * A cross-tab of a table for review inside the secure environment: row dimensions down (wafers as
 * leading row labels), column dimensions across, each cell with its true value, status and mark.
 *
 * @param header column titles: row-dimension names, then one per column combination
 * @param labelColumns how many leading columns are labels
 * @param rows the rows
 */
public record TableGrid(List<String> header, int labelColumns, List<Row> rows) {
  /**
   * One grid row.
   *
   * @param labels the row's labels (wafer codes, then row codes)
   * @param cells one per column combination
   */
  public record Row(List<String> labels, List<GridCell> cells) {}

  /**
   * One grid cell.
   *
   * @param index the table cell index
   * @param text the true value as text
   * @param status the long-CSV status word
   * @param mark the highlight
   * @param interval audit interval as text, empty when none
   */
  public record GridCell(int index, String text, String status, CellMark mark, String interval) {}

  /** Lays out {@code table} with the verdicts of {@code report}. */
  public static TableGrid of(Table table, ReportSnapshot report) {
    List<Integer> rowDims = new ArrayList<>();
    List<Integer> colDims = new ArrayList<>();
    List<Integer> waferDims = new ArrayList<>();
    List<Dimension> dims = table.dimensions();
    for (int d = 0; d < dims.size(); d++) {
      DimensionRole r = dims.get(d).role();
      (r == DimensionRole.ROW ? rowDims : r == DimensionRole.COLUMN ? colDims : waferDims).add(d);
    }
    List<Integer> left = new ArrayList<>(waferDims);
    left.addAll(rowDims);
    List<String> header = new ArrayList<>();
    for (int d : left) {
      header.add(dims.get(d).variable());
    }
    List<int[]> cols = Positions.combinations(table, colDims);
    for (int[] c : cols) {
      header.add(
          colDims.isEmpty()
              ? table.measure().label()
              : String.join(" / ", codes(table, colDims, c)));
    }
    List<Row> rows = new ArrayList<>();
    for (int[] l : Positions.combinations(table, left)) {
      List<GridCell> cells = new ArrayList<>();
      for (int[] c : cols) {
        int[] coord = new int[dims.size()];
        for (int i = 0; i < left.size(); i++) {
          coord[left.get(i)] = l[i];
        }
        for (int i = 0; i < colDims.size(); i++) {
          coord[colDims.get(i)] = c[i];
        }
        int idx = table.index(coord);
        CellVerdict v = report.cells().get(idx);
        double value = table.value(idx);
        String interval =
            Double.isNaN(v.lower()) && Double.isNaN(v.upper())
                ? ""
                : "[" + num(v.lower()) + ", " + num(v.upper()) + "]";
        cells.add(
            new GridCell(
                idx,
                Double.isNaN(value) ? "" : NumericColumn.formatNumber(value),
                v.status(),
                CellMark.of(v.status(), v.suppressed()),
                interval));
      }
      rows.add(new Row(codes(table, left, l), cells));
    }
    return new TableGrid(List.copyOf(header), left.size(), List.copyOf(rows));
  }

  static String num(double v) {
    return Double.isNaN(v)
        ? "?"
        : Double.isInfinite(v) ? (v > 0 ? "∞" : "-∞") : NumericColumn.formatNumber(v);
  }

  private static List<String> codes(Table t, List<Integer> dims, int[] pos) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      out.add(t.dimensions().get(dims.get(i)).code(pos[i]));
    }
    return out;
  }
}
