package org.statbench.app.tablebuilder;

import java.util.List;
import org.statbench.app.tablebuilder.GridLayout.AxisSort;
import org.statbench.app.tablebuilder.GridLayout.SortMode;
import org.statbench.tabulate.TableView;

/**
 * What successive clicks on the grid's headers do to an axis's order, and how an order is saved.
 * Clicking a value header (a column's codes, to sort the rows; or a row's, to sort the columns)
 * cycles largest first, smallest first, table order; clicking a dimension's name cycles labels A–Z,
 * Z–A, table order. Plain functions, no state.
 */
final class SortCycle {
  private SortCycle() {}

  /** The order after clicking the value header {@code by} when the axis is in {@code current}. */
  static AxisSort byValue(AxisSort current, List<String> by) {
    if (current.mode() == SortMode.VALUE_DESC && current.by().equals(by)) {
      return AxisSort.byValue(by, false);
    }
    if (current.mode() == SortMode.VALUE_ASC && current.by().equals(by)) {
      return AxisSort.NATURAL;
    }
    return AxisSort.byValue(by, true);
  }

  /** The order after clicking a dimension's name when the axis is in {@code current}. */
  static AxisSort byLabel(AxisSort current) {
    return switch (current.mode()) {
      case LABEL_ASC -> AxisSort.byLabel(true);
      case LABEL_DESC -> AxisSort.NATURAL;
      default -> AxisSort.byLabel(false);
    };
  }

  /** An axis order as a saved definition keeps it. */
  static TableView.Sort toSaved(AxisSort s) {
    return new TableView.Sort(TableView.Order.valueOf(s.mode().name()), s.by());
  }

  /** A saved axis order as the grid applies it. */
  static AxisSort fromSaved(TableView.Sort s) {
    return new AxisSort(SortMode.valueOf(s.order().name()), s.by());
  }
}
