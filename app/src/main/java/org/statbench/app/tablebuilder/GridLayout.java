package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.statbench.app.numbers.MeasureNames;
import org.statbench.app.numbers.NumberStyle;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

// Size (over 500 lines): the grid's layout maths (nested headers, spans, sorting, hidden empty
// rows) without a toolkit, one model with 16 tests; STYLE.md cites it as the example to follow.

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
  /** How the categories of one axis are ordered. */
  public enum SortMode {
    /** The engine's order (codes, bands as written, dates chronologically, hierarchies). */
    NATURAL("Table order"),
    LABEL_ASC("Label A–Z"),
    LABEL_DESC("Label Z–A"),
    VALUE_DESC("Value, largest first"),
    VALUE_ASC("Value, smallest first");

    private final String text;

    SortMode(String text) {
      this.text = text;
    }

    /** True for the two value orders (they need a line of the other axis to read values from). */
    public boolean byValue() {
      return this == VALUE_DESC || this == VALUE_ASC;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * The order of one axis. Every level of a nested axis is sorted within its parent group (a
   * subtotal sorts by its own value and takes its group along); totals and subtotals keep their
   * place at the end or head of their group, and hierarchies stay trees.
   *
   * @param mode the order
   * @param by for value orders, the line of the other axis whose values sort this one: one code per
   *     dimension of the other axis ({@code Total} for a margin), outermost first; empty means the
   *     grand total line. A line the table no longer has falls back to the grand total line.
   */
  public record AxisSort(SortMode mode, List<String> by) {
    /** Table order. */
    public static final AxisSort NATURAL = new AxisSort(SortMode.NATURAL, List.of());

    public AxisSort {
      mode = mode == null ? SortMode.NATURAL : mode;
      by = mode.byValue() && by != null ? List.copyOf(by) : List.of();
    }

    /** By label, A–Z or Z–A. */
    public static AxisSort byLabel(boolean descending) {
      return new AxisSort(descending ? SortMode.LABEL_DESC : SortMode.LABEL_ASC, List.of());
    }

    /** By the values of a line of the other axis (codes, see {@link #by}). */
    public static AxisSort byValue(List<String> by, boolean descending) {
      return new AxisSort(descending ? SortMode.VALUE_DESC : SortMode.VALUE_ASC, by);
    }
  }

  /**
   * Display options that do not change the table itself.
   *
   * @param wafer position per wafer dimension
   * @param rowSort order of the rows
   * @param columnSort order of the columns
   * @param hideEmpty hide rows and columns whose every cell has no records
   * @param percent whether values are percentages
   * @param codeFilters per variable, the codelist filter whose unticked categories are not shown (a
   *     filter keeps every category in the table, with zeros, but whoever unticks a code of a
   *     dimension does not want to see it); variables not listed show every category
   */
  public record Options(
      List<Integer> wafer,
      AxisSort rowSort,
      AxisSort columnSort,
      boolean hideEmpty,
      boolean percent,
      Map<String, CodeFilter> codeFilters) {
    public Options {
      wafer = List.copyOf(wafer);
      rowSort = rowSort == null ? AxisSort.NATURAL : rowSort;
      columnSort = columnSort == null ? AxisSort.NATURAL : columnSort;
      codeFilters = codeFilters == null ? Map.of() : Map.copyOf(codeFilters);
    }

    public static Options defaults() {
      return new Options(List.of(), AxisSort.NATURAL, AxisSort.NATURAL, false, false, Map.of());
    }

    public Options withWafer(List<Integer> w) {
      return new Options(w, rowSort, columnSort, hideEmpty, percent, codeFilters);
    }

    public Options withRowSort(AxisSort s) {
      return new Options(wafer, s, columnSort, hideEmpty, percent, codeFilters);
    }

    public Options withColumnSort(AxisSort s) {
      return new Options(wafer, rowSort, s, hideEmpty, percent, codeFilters);
    }

    public Options withHideEmpty(boolean h) {
      return new Options(wafer, rowSort, columnSort, h, percent, codeFilters);
    }

    public Options withPercent(boolean p) {
      return new Options(wafer, rowSort, columnSort, hideEmpty, p, codeFilters);
    }

    public Options withCodeFilters(Map<String, CodeFilter> filters) {
      return new Options(wafer, rowSort, columnSort, hideEmpty, percent, filters);
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
  private final int[] rowSortLine;
  private final int[] colSortLine;
  private final double heatMax;
  private final NumberStyle numbers;

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
    this.options = options.withWafer(w.subList(0, waferDims.size()));
    // Each axis is sorted by a line of the other, named by codes: resolve both before enumerating.
    rowSortLine = resolveLine(this.options.rowSort(), colDims);
    colSortLine = resolveLine(this.options.columnSort(), rowDims);
    List<int[]> r = enumerate(rowDims, this.options.rowSort(), true, rowSortLine);
    List<int[]> c = enumerate(colDims, this.options.columnSort(), false, colSortLine);
    if (options.hideEmpty()) {
      final List<int[]> cAll = c;
      r = r.stream().filter(rk -> cAll.stream().anyMatch(ck -> count(rk, ck) > 0)).toList();
      final List<int[]> rKept = r;
      c = c.stream().filter(ck -> rKept.stream().anyMatch(rk -> count(rk, ck) > 0)).toList();
    }
    this.cols = c;
    this.rows = r;
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
    this.numbers = NumberStyle.choose(table.measure().kind(), options.percent(), shownValues());
  }

  private double[] shownValues() {
    double[] v = new double[rows.size() * cols.size()];
    int i = 0;
    for (int[] rk : rows) {
      for (int[] ck : cols) {
        v[i++] = value(rk, ck);
      }
    }
    return v;
  }

  /** The total of a wafer dimension when it has one (the whole population), else its first item. */
  private static int defaultWaferPosition(Dimension d) {
    return d.total() ? d.totalIndex() : 0;
  }

  private List<int[]> enumerate(List<Integer> dims, AxisSort sort, boolean rowAxis, int[] line) {
    List<int[]> out = new ArrayList<>();
    enumerate(dims, 0, new int[dims.size()], false, out, sort, rowAxis, line);
    return out;
  }

  private void enumerate(
      List<Integer> dims,
      int level,
      int[] key,
      boolean atTotal,
      List<int[]> out,
      AxisSort sort,
      boolean rowAxis,
      int[] line) {
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
      enumerate(dims, level + 1, key, true, out, sort, rowAxis, line);
      return;
    }
    for (int p : order(dims, level, key, sort, rowAxis, line)) {
      key[level] = p;
      enumerate(dims, level + 1, key, d.isTotal(p), out, sort, rowAxis, line);
    }
  }

  /**
   * The positions of the dimension at {@code level}, in display order, within the group given by
   * {@code key[0..level)}: siblings sorted, each parent kept with its children, the total last.
   */
  private List<Integer> order(
      List<Integer> dims, int level, int[] key, AxisSort sort, boolean rowAxis, int[] line) {
    Dimension d = table.dimensions().get(dims.get(level));
    List<Integer> natural = new ArrayList<>(d.size());
    for (int p = 0; p < d.size(); p++) {
      natural.add(p);
    }
    CodeFilter shown = options.codeFilters().get(d.variable());
    if (shown != null) {
      natural.removeIf(p -> unticked(shown, d, p));
    }
    if (sort.mode() == SortMode.NATURAL || d.categories().size() < 2) {
      return natural;
    }
    Comparator<Integer> cmp;
    if (sort.mode().byValue()) {
      if (line == null) {
        return natural;
      }
      double[] values = new double[d.size()];
      int[] probe = key.clone();
      // The inner levels at their totals: a subtotal line stands for its whole group.
      for (int l = level + 1; l < dims.size(); l++) {
        Dimension inner = table.dimensions().get(dims.get(l));
        if (!inner.total()) {
          return natural;
        }
        probe[l] = inner.totalIndex();
      }
      for (int p = 0; p < d.categories().size(); p++) {
        probe[level] = p;
        values[p] = table.value(rowAxis ? index(probe, line) : index(line, probe));
      }
      boolean desc = sort.mode() == SortMode.VALUE_DESC;
      cmp =
          (a, b) -> {
            double x = values[a];
            double y = values[b];
            if (Double.isNaN(x) || Double.isNaN(y)) {
              // Undefined values last in either direction.
              return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return desc ? Double.compare(y, x) : Double.compare(x, y);
          };
    } else {
      Comparator<Integer> byLabel =
          (a, b) -> compareLabels(d.categories().get(a).label(), d.categories().get(b).label());
      cmp = sort.mode() == SortMode.LABEL_DESC ? byLabel.reversed() : byLabel;
    }
    List<Integer> out = new ArrayList<>(d.size());
    appendSorted(d, -1, cmp, out);
    if (d.total()) {
      out.add(d.totalIndex());
    }
    if (shown != null) {
      out.removeIf(p -> unticked(shown, d, p));
    }
    return out;
  }

  private static boolean unticked(CodeFilter f, Dimension d, int p) {
    return !d.isTotal(p) && f.codes().contains(d.code(p)) == f.exclude();
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

  /** Appends the children of {@code parent} (-1: top level) sorted, each with its subtree. */
  private static void appendSorted(
      Dimension d, int parent, Comparator<Integer> cmp, List<Integer> out) {
    List<Integer> siblings = new ArrayList<>();
    for (int c = 0; c < d.categories().size(); c++) {
      int p = d.categories().get(c).parent();
      // A parent index that points nowhere is treated as top level, as the engine would show it.
      boolean top = p < 0 || p >= d.categories().size() || p == c;
      if (parent < 0 ? top : p == parent && !top) {
        siblings.add(c);
      }
    }
    siblings.sort(cmp); // stable: ties keep the table order
    for (int s : siblings) {
      boolean hasChildren = false;
      int firstChild = Integer.MAX_VALUE;
      for (int c = 0; c < d.categories().size(); c++) {
        if (c != s && d.categories().get(c).parent() == s) {
          hasChildren = true;
          firstChild = Math.min(firstChild, c);
        }
      }
      if (!hasChildren) {
        out.add(s);
      } else if (s < firstChild) {
        // The subtotal heads its group as in the table order...
        out.add(s);
        appendSorted(d, s, cmp, out);
      } else {
        // ...or closes it.
        appendSorted(d, s, cmp, out);
        out.add(s);
      }
    }
  }

  /** Case-insensitive, with runs of digits compared as numbers (2 before 10, 5-15 before 16-24). */
  static int compareLabels(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        java.math.BigInteger m = new java.math.BigInteger(a.substring(i, ei));
        java.math.BigInteger n = new java.math.BigInteger(b.substring(j, ej));
        int c = m.compareTo(n);
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        int c =
            Character.compare(
                Character.toLowerCase(Character.toUpperCase(x)),
                Character.toLowerCase(Character.toUpperCase(y)));
        if (c != 0) {
          return c;
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  /**
   * The line of the other axis (dimensions {@code otherDims}) named by a value sort's codes, or the
   * grand total line when the codes are empty or name a line the table does not have; null when
   * there is no such line to read values from (or the sort is not by value).
   */
  private int[] resolveLine(AxisSort sort, List<Integer> otherDims) {
    if (!sort.mode().byValue()) {
      return null;
    }
    int[] key = new int[otherDims.size()];
    if (sort.by().size() == otherDims.size()) {
      boolean found = true;
      for (int i = 0; i < key.length && found; i++) {
        key[i] = position(table.dimensions().get(otherDims.get(i)), sort.by().get(i));
        found = key[i] >= 0;
      }
      if (found && validLine(key, otherDims)) {
        return key;
      }
    }
    for (int i = 0; i < key.length; i++) {
      Dimension d = table.dimensions().get(otherDims.get(i));
      if (!d.total()) {
        return d.size() == 0 ? null : firstLine(otherDims);
      }
      key[i] = d.totalIndex();
    }
    return key;
  }

  /** A line is shown only when no dimension inside a total is at a category. */
  private boolean validLine(int[] key, List<Integer> dims) {
    boolean atTotal = false;
    for (int i = 0; i < key.length; i++) {
      Dimension d = table.dimensions().get(dims.get(i));
      if (atTotal && !d.isTotal(key[i])) {
        return false;
      }
      atTotal |= d.isTotal(key[i]);
    }
    return true;
  }

  private int[] firstLine(List<Integer> dims) {
    int[] key = new int[dims.size()];
    for (int i = 0; i < key.length; i++) {
      if (table.dimensions().get(dims.get(i)).size() == 0) {
        return null;
      }
    }
    return key;
  }

  private static int position(Dimension d, String code) {
    if (Category.TOTAL.equals(code) && d.total()) {
      return d.totalIndex();
    }
    for (int p = 0; p < d.categories().size(); p++) {
      if (d.categories().get(p).code().equals(code)) {
        return p;
      }
    }
    return -1;
  }

  // Queries

  public Table table() {
    return table;
  }

  /** The options with the wafer completed to one position per wafer dimension. */
  public Options options() {
    return options;
  }

  /** Codes of a row key, one per row dimension ({@code Total} for a margin). */
  public List<String> rowCodes(int[] rowKey) {
    return codes(rowKey, rowDims);
  }

  /** Codes of a column key, one per column dimension ({@code Total} for a margin). */
  public List<String> columnCodes(int[] colKey) {
    return codes(colKey, colDims);
  }

  private List<String> codes(int[] key, List<Integer> dims) {
    List<String> out = new ArrayList<>(key.length);
    for (int i = 0; i < key.length; i++) {
      out.add(table.dimensions().get(dims.get(i)).code(key[i]));
    }
    return out;
  }

  /**
   * Codes of the row that the header at {@code level} of a row key stands for: that level's
   * category with the inner levels at their totals (its subtotal row), or the row itself when an
   * inner level has no total.
   */
  public List<String> rowCodesAt(int[] rowKey, int level) {
    return codes(lineAt(rowKey, level, rowDims), rowDims);
  }

  /** Codes of the column that the header at {@code level} of a column key stands for. */
  public List<String> columnCodesAt(int[] colKey, int level) {
    return codes(lineAt(colKey, level, colDims), colDims);
  }

  private int[] lineAt(int[] key, int level, List<Integer> dims) {
    int[] out = key.clone();
    for (int l = level + 1; l < dims.size(); l++) {
      Dimension d = table.dimensions().get(dims.get(l));
      if (!d.total()) {
        return key;
      }
      out[l] = d.totalIndex();
    }
    return out;
  }

  /** A row as one line of text, e.g. {@code North › F}, or {@code Total} for the grand total. */
  public String rowTitle(int[] rowKey) {
    return title(rowKey, rowDims);
  }

  /** A column as one line of text, e.g. {@code 2024 › F}. */
  public String columnTitle(int[] colKey) {
    return title(colKey, colDims);
  }

  private String title(int[] key, List<Integer> dims) {
    if (dims.isEmpty()) {
      return measureLabel();
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < key.length; i++) {
      Dimension d = table.dimensions().get(dims.get(i));
      if (d.isTotal(key[i]) && !parts.isEmpty()) {
        break;
      }
      parts.add(label(dims.get(i), key[i]));
    }
    return String.join(" › ", parts);
  }

  /** True when the rows are sorted by the values of this column. */
  public boolean sortsRowsBy(int[] colKey) {
    return rowSortLine != null && Arrays.equals(rowSortLine, colKey);
  }

  /** True when the columns are sorted by the values of this row. */
  public boolean sortsColumnsBy(int[] rowKey) {
    return colSortLine != null && Arrays.equals(colSortLine, rowKey);
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
    return options.percent() ? "%" : MeasureNames.of(table.measure());
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

  /** Formats a value in the table's one {@link NumberStyle} (chosen for its measure and values). */
  public String format(double v) {
    return numbers.format(v);
  }

  /** The smallest and largest data cell of the shown wafer (the heat map's scale), NaN if none. */
  public double[] heatRange() {
    return heatMax >= heatMin
        ? new double[] {heatMin, heatMax}
        : new double[] {Double.NaN, Double.NaN};
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
