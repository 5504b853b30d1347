package org.statbench.app.tablebuilder;

import org.statbench.app.datasets.DatasetsViewModel;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;

/**
 * The status bar's line for a computed table: the rows it counts (under a filter, "1,234 of 5,000
 * rows"), its cells and the time taken. Toolkit-free.
 */
final class TableStatusText {
  private TableStatusText() {}

  /**
   * The status line.
   *
   * @param t the table
   * @param datasetRows rows of the whole dataset
   * @param filtered whether a filter is in force (then the table's rows are counted)
   * @param ms computing time
   */
  static String of(Table t, long datasetRows, boolean filtered, long ms) {
    long counted = filtered ? recordsCounted(t) : datasetRows;
    String rows =
        filtered && counted != datasetRows
            ? DatasetsViewModel.formatCount(counted)
                + " of "
                + DatasetsViewModel.formatCount(datasetRows)
                + " rows (filtered)"
            : DatasetsViewModel.formatCount(datasetRows) + " rows";
    return rows
        + " · "
        + DatasetsViewModel.formatCount(t.cellCount())
        + " cells · computed in "
        + DatasetsViewModel.formatCount(ms)
        + " ms";
  }

  /** The records a table counts: the sum of its inner cells' record counts (no margins). */
  static long recordsCounted(Table t) {
    long sum = 0;
    cells:
    for (int i = 0; i < t.cellCount(); i++) {
      int[] coord = t.coord(i);
      for (int d = 0; d < coord.length; d++) {
        Dimension dim = t.dimensions().get(d);
        if (dim.isMargin(coord[d])) {
          continue cells;
        }
      }
      sum += t.count(i);
    }
    return sum;
  }
}
