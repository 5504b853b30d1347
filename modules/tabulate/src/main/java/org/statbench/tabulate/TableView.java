package org.statbench.tabulate;

import java.util.List;
import java.util.Locale;

/**
 * How a saved table is shown in the table builder's grid: the order of its rows and columns,
 * whether empty rows and columns are hidden and whether cells are shaded as a heat map.
 * Presentation only: the engine ignores it, and the same definition gives the same table whatever
 * its view.
 *
 * @param rowSort order of the rows
 * @param columnSort order of the columns
 * @param hideEmpty hide rows and columns whose every cell has no records
 * @param heatMap shade cells by value
 */
public record TableView(Sort rowSort, Sort columnSort, boolean hideEmpty, boolean heatMap) {
  /**
   * Table order on both axes, nothing hidden, no shading: what a definition without a view gets.
   */
  public static final TableView DEFAULT = new TableView(Sort.NATURAL, Sort.NATURAL, false, false);

  public TableView {
    rowSort = rowSort == null ? Sort.NATURAL : rowSort;
    columnSort = columnSort == null ? Sort.NATURAL : columnSort;
  }

  /** True when this is {@link #DEFAULT} (a definition then carries no view). */
  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** How the categories of one axis are ordered. */
  public enum Order {
    /** The engine's order (codes, bands as written, dates chronologically, hierarchies). */
    NATURAL,
    LABEL_ASC,
    LABEL_DESC,
    VALUE_DESC,
    VALUE_ASC;

    /** The JSON form, e.g. {@code value_desc}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** True for the two value orders, which read values from a line of the other axis. */
    public boolean byValue() {
      return this == VALUE_DESC || this == VALUE_ASC;
    }
  }

  /**
   * The order of one axis.
   *
   * @param order the order
   * @param by for value orders, the line of the other axis whose values sort this one: one code per
   *     dimension of the other axis ({@code Total} for a margin), outermost first; empty means the
   *     grand total line. Always empty for the other orders.
   */
  public record Sort(Order order, List<String> by) {
    /** Table order. */
    public static final Sort NATURAL = new Sort(Order.NATURAL, List.of());

    public Sort {
      order = order == null ? Order.NATURAL : order;
      by = order.byValue() && by != null ? List.copyOf(by) : List.of();
    }
  }
}
