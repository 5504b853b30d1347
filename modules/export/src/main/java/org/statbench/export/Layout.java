package org.statbench.export;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Positions;
import org.statbench.core.table.Table;

/**
 * A cross-tab layout of an N-dimensional table: row dimensions down, column dimensions across, one
 * block per combination of wafer positions. Used by the XLSX and clipboard writers.
 */
final class Layout {
  final Table table;
  final List<Integer> rowDims = new ArrayList<>();
  final List<Integer> colDims = new ArrayList<>();
  final List<Integer> waferDims = new ArrayList<>();

  Layout(Table table) {
    this.table = table;
    List<Dimension> dims = table.dimensions();
    for (int d = 0; d < dims.size(); d++) {
      DimensionRole role = dims.get(d).role();
      (role == DimensionRole.ROW ? rowDims : role == DimensionRole.COLUMN ? colDims : waferDims)
          .add(d);
    }
  }

  /** All combinations of positions over the given dimensions, last dimension fastest. */
  List<int[]> combinations(List<Integer> dims) {
    return Positions.combinations(table, dims);
  }

  /** Cell index of a row, column and wafer combination. */
  int index(int[] row, int[] col, int[] wafer) {
    int[] coord = new int[table.dimensions().size()];
    for (int i = 0; i < rowDims.size(); i++) {
      coord[rowDims.get(i)] = row[i];
    }
    for (int i = 0; i < colDims.size(); i++) {
      coord[colDims.get(i)] = col[i];
    }
    for (int i = 0; i < waferDims.size(); i++) {
      coord[waferDims.get(i)] = wafer[i];
    }
    return table.index(coord);
  }

  /** Codes of a combination, e.g. {@code [E06000001, Total]}. */
  List<String> codes(List<Integer> dims, int[] pos) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      out.add(table.dimensions().get(dims.get(i)).code(pos[i]));
    }
    return out;
  }

  String variable(int d) {
    return table.dimensions().get(d).variable();
  }
}
