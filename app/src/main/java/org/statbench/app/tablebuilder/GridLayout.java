package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/**
 * How a {@link Table} is laid out as a grid for one wafer: which row and column keys are shown, in
 * which order, with what text. Pure and toolkit-free, so the layout rules (nesting, sorting, hiding
 * empty rows, heat-map scale) are tested without a screen.
 *
 * <p>Nesting: rows enumerate the row dimensions outermost first; once a dimension is at its total,
 * the dimensions inside it are at their totals too (so the grand total is one row, not a repeat of
 * every inner category). Columns likewise.
 */
public final class GridLayout {
  /** Row or column order. */
  public enum Sort {
    /** The engine's order (codes, bands as written, dates chronologically). */
    DEFAULT("Table order"),
    LABEL("Label A–Z"),
    VALUE_DESC("Value, largest first"),
    VALUE_ASC("Value, smallest first");

    private final String text;

    Sort(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * Display options that do not change the table itself.
   *
   * @param wafer position per wafer dimension
   * @param sort order of the innermost row dimension's categories within their group
   * @param hideEmpty hide rows and columns whose every cell has no records
   * @param percent whether values are percentages
   */
  public record Options(List<Integer> wafer, Sort sort, boolean hideEmpty, boolean percent) {
    public Options {
      wafer = List.copyOf(wafer);
      sort = sort == null ? Sort.DEFAULT : sort;
    }

    public static Options defaults() {
      return new Options(List.of(), Sort.DEFAULT, false, false);
    }
  }

  private final Table table;
  private final Options options;
  private final List<Integer> rowDims = new ArrayList<>();
  private final List<Integer> colDims = new ArrayList<>();
  private final List<Integer> waferDims = new ArrayList<>();
  private final List<int[]> rows;
  private final List<int[]> cols;
  private final double heatMin;
  private final double heatMax;

  public GridLayout(Table table, Options options) {
    this.table = table;
    List<Dimension> dims = table.dimensions();
    for (int d = 0; d < dims.size(); d++) {
      switch (dims.get(d).role()) {
        case ROW -> rowDims.add(d);
        case COLUMN -> colDims.add(d);
        case WAFER -> waferDims.add(d);
      }
    }
    List<Integer> w = new ArrayList<>(options.wafer());
    while (w.size() < waferDims.size()) {
      w.add(defaultWaferPosition(dims.get(waferDims.get(w.size()))));
    }
    this.options =
        new Options(
            w.subList(0, waferDims.size()), options.sort(), options.hideEmpty(), options.percent());
    List<int[]> r = enumerate(rowDims);
    List<int[]> c = enumerate(colDims);
    if (options.hideEmpty()) {
      final List<int[]> cAll = c;
      r = r.stream().filter(rk -> cAll.stream().anyMatch(ck -> count(rk, ck) > 0)).toList();
      final List<int[]> rKept = r;
      c = c.stream().filter(ck -> rKept.stream().anyMatch(rk -> count(rk, ck) > 0)).toList();
    }
    this.cols = c;
    this.rows = sortRows(r);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int[] rk : rows) {
      for (int[] ck : cols) {
        if (!isTotalRow(rk) && !isTotalColumn(ck)) {
          double v = table.value(index(rk, ck));
          if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    this.heatMin = min;
    this.heatMax = max;
  }

  /** The total of a wafer dimension when it has one (the whole population), else its first item. */
  private static int defaultWaferPosition(Dimension d) {
    return d.total() ? d.totalIndex() : 0;
  }

  private List<int[]> enumerate(List<Integer> dims) {
    List<int[]> out = new ArrayList<>();
    enumerate(dims, 0, new int[dims.size()], false, out);
    return out;
  }

  private void enumerate(
      List<Integer> dims, int level, int[] key, boolean atTotal, List<int[]> out) {
    if (level == dims.size()) {
      out.add(key.clone());
      return;
    }
    Dimension d = table.dimensions().get(dims.get(level));
    if (atTotal) {
      if (!d.total()) {
        // No total to stand for the whole dimension: the grand-total row cannot be formed.
        return;
      }
      key[level] = d.totalIndex();
      enumerate(dims, level + 1, key, true, out);
      return;
    }
    for (int p = 0; p < d.size(); p++) {
      key[level] = p;
      enumerate(dims, level + 1, key, d.isTotal(p), out);
    }
  }

  private List<int[]> sortRows(List<int[]> in) {
    if (options.sort() == Sort.DEFAULT || rowDims.isEmpty()) {
      return in;
    }
    int inner = rowDims.size() - 1;
    Dimension d = table.dimensions().get(rowDims.get(inner));
    int[] sortCol = sortColumn();
    Comparator<int[]> cmp =
        switch (options.sort()) {
          case LABEL ->
              Comparator.comparing(
                  (int[] k) -> d.categories().get(k[inner]).label().toLowerCase(Locale.ROOT));
          case VALUE_DESC ->
              Comparator.comparingDouble((int[] k) -> -nanLast(table.value(index(k, sortCol))));
          case VALUE_ASC ->
              Comparator.comparingDouble((int[] k) -> nanLastAsc(table.value(index(k, sortCol))));
          case DEFAULT -> null;
        };
    List<int[]> out = new ArrayList<>(in.size());
    int i = 0;
    while (i < in.size()) {
      // A group: consecutive rows with the same outer positions.
      int j = i;
      while (j < in.size() && samePrefix(in.get(i), in.get(j), inner)) {
        j++;
      }
      if (d.isHierarchical()) {
        out.addAll(sortHierarchy(in.subList(i, j), d, inner, cmp));
        i = j;
        continue;
      }
      List<int[]> sortable = new ArrayList<>();
      List<int[]> margins = new ArrayList<>();
      for (int[] k : in.subList(i, j)) {
        (d.isMargin(k[inner]) || isTotalRow(k) ? margins : sortable).add(k);
      }
      sortable.sort(cmp);
      out.addAll(sortable);
      out.addAll(margins);
      i = j;
    }
    return out;
  }

  /**
   * Sorts a roll-up's rows among their siblings only, so every parent stays directly above its
   * children at every level; the total stays last.
   */
  private static List<int[]> sortHierarchy(
      List<int[]> group, Dimension d, int inner, Comparator<int[]> cmp) {
    java.util.Map<Integer, int[]> byPos = new java.util.LinkedHashMap<>();
    for (int[] k : group) {
      byPos.put(k[inner], k);
    }
    List<int[]> out = new ArrayList<>(group.size());
    addSorted(d.total() ? d.totalIndex() : -1, d, inner, cmp, byPos, out);
    if (d.total() && byPos.containsKey(d.totalIndex())) {
      out.add(byPos.remove(d.totalIndex()));
    }
    out.addAll(byPos.values()); // rows the tree does not reach (none in a well-formed table)
    return out;
  }

  private static void addSorted(
      int parent,
      Dimension d,
      int inner,
      Comparator<int[]> cmp,
      java.util.Map<Integer, int[]> byPos,
      List<int[]> out) {
    List<Integer> kids = new ArrayList<>();
    if (parent < 0) {
      for (int c = 0; c < d.categories().size(); c++) {
        if (d.categories().get(c).parent() < 0) {
          kids.add(c);
        }
      }
    } else {
      kids.addAll(d.children(parent));
    }
    List<int[]> shown = new ArrayList<>();
    for (int c : kids) {
      if (byPos.containsKey(c)) {
        shown.add(byPos.get(c));
      }
    }
    shown.sort(cmp);
    for (int[] k : shown) {
      byPos.remove(k[inner]);
      out.add(k);
      addSorted(k[inner], d, inner, cmp, byPos, out);
    }
  }

  /**
   * How deep a row's category sits in its roll-up at a header level: 0 for a category directly
   * under the total (and for every category of a flat dimension), 1 for its children, and so on.
   */
  public int rowDepth(int[] rowKey, int level) {
    if (rowDims.isEmpty()) {
      return 0;
    }
    Dimension d = table.dimensions().get(rowDims.get(level));
    int depth = 0;
    int p = rowKey[level];
    while (!d.isTotal(p) && d.categories().get(p).parent() >= 0) {
      p = d.categories().get(p).parent();
      depth++;
    }
    return depth;
  }

  private static double nanLast(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  private static double nanLastAsc(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  private static boolean samePrefix(int[] a, int[] b, int n) {
    return Arrays.equals(a, 0, n, b, 0, n);
  }

  /** The column whose values sort the rows: all column dimensions at their totals if possible. */
  private int[] sortColumn() {
    for (int[] ck : cols) {
      boolean allTotal = true;
      for (int i = 0; i < ck.length; i++) {
        allTotal &= table.dimensions().get(colDims.get(i)).isTotal(ck[i]);
      }
      if (allTotal) {
        return ck;
      }
    }
    return cols.isEmpty() ? new int[colDims.size()] : cols.get(0);
  }

  // Queries

  public Table table() {
    return table;
  }

  /** The options with the wafer completed to one position per wafer dimension. */
  public Options options() {
    return options;
  }

  /** Number of header columns on the left (at least one). */
  public int rowHeaderDepth() {
    return Math.max(1, rowDims.size());
  }

  /** Number of header rows on top (at least one). */
  public int columnHeaderDepth() {
    return Math.max(1, colDims.size());
  }

  /** Row keys shown, top to bottom: one position per row dimension. */
  public List<int[]> rows() {
    return rows;
  }

  /** Column keys shown, left to right. */
  public List<int[]> columns() {
    return cols;
  }

  /** The table dimensions (indexes into {@code table.dimensions()}) of a role. */
  public List<Integer> dimensionsOf(DimensionRole role) {
    return switch (role) {
      case ROW -> rowDims;
      case COLUMN -> colDims;
      case WAFER -> waferDims;
    };
  }

  /** Cell index in the table of a shown row and column key (in the current wafer). */
  public int index(int[] rowKey, int[] colKey) {
    int[] coord = new int[table.dimensions().size()];
    for (int i = 0; i < rowDims.size(); i++) {
      coord[rowDims.get(i)] = rowKey[i];
    }
    for (int i = 0; i < colDims.size(); i++) {
      coord[colDims.get(i)] = colKey[i];
    }
    for (int i = 0; i < waferDims.size(); i++) {
      coord[waferDims.get(i)] = options.wafer().get(i);
    }
    return table.index(coord);
  }

  private long count(int[] rowKey, int[] colKey) {
    return table.count(index(rowKey, colKey));
  }

  /** Header text of level {@code level} of a row key. */
  public String rowHeader(int[] rowKey, int level) {
    return rowDims.isEmpty() ? measureLabel() : label(rowDims.get(level), rowKey[level]);
  }

  /** Header text of level {@code level} of a column key. */
  public String columnHeader(int[] colKey, int level) {
    return colDims.isEmpty() ? measureLabel() : label(colDims.get(level), colKey[level]);
  }

  /** The label of the row dimension at a level (corner header), or empty. */
  public String rowDimensionLabel(int level) {
    return rowDims.isEmpty() ? "" : table.dimensions().get(rowDims.get(level)).label();
  }

  /** The label of the column dimension at a level, or empty. */
  public String columnDimensionLabel(int level) {
    return colDims.isEmpty() ? "" : table.dimensions().get(colDims.get(level)).label();
  }

  private String label(int dim, int pos) {
    Dimension d = table.dimensions().get(dim);
    return d.isTotal(pos) ? "Total" : d.categories().get(pos).label();
  }

  private String measureLabel() {
    return options.percent() ? "%" : table.measure().label();
  }

  /** True when the row is a margin in some row dimension. */
  public boolean isTotalRow(int[] rowKey) {
    for (int i = 0; i < rowKey.length; i++) {
      if (table.dimensions().get(rowDims.get(i)).isMargin(rowKey[i])) {
        return true;
      }
    }
    return false;
  }

  /** True when the column is a margin in some column dimension. */
  public boolean isTotalColumn(int[] colKey) {
    for (int i = 0; i < colKey.length; i++) {
      if (table.dimensions().get(colDims.get(i)).isMargin(colKey[i])) {
        return true;
      }
    }
    return false;
  }

  /** The value of a shown cell. */
  public double value(int[] rowKey, int[] colKey) {
    return table.value(index(rowKey, colKey));
  }

  /** The formatted value of a shown cell. */
  public String text(int[] rowKey, int[] colKey) {
    return format(value(rowKey, colKey));
  }

  /**
   * Formats a value: percentages with one decimal, integer-valued additive measures with thousands
   * separators, other measures with two decimals, undefined values as {@code ..}.
   */
  public String format(double v) {
    if (Double.isNaN(v)) {
      return "..";
    }
    if (options.percent()) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  /**
   * Heat-map intensity of a data cell in [0, 1] relative to the smallest and largest data cell of
   * the shown wafer; -1 for margins and undefined values.
   */
  public double heat(int[] rowKey, int[] colKey) {
    if (isTotalRow(rowKey) || isTotalColumn(colKey)) {
      return -1;
    }
    double v = value(rowKey, colKey);
    if (Double.isNaN(v) || !(heatMax > heatMin)) {
      return Double.isNaN(v) ? -1 : 0;
    }
    return (v - heatMin) / (heatMax - heatMin);
  }
}
