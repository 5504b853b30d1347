package org.statbench.core.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.format.Digests;

/**
 * An immutable N-dimensional table of cells, margins included. Cells are addressed by an index in
 * row-major order over the dimensions (the last dimension varies fastest) or by a coordinate.
 *
 * <p>Besides the measure's value each cell carries its unweighted record count, its largest
 * contributions (for dominance and p% rules) and whether any contribution was negative: the
 * disclosure checker needs nothing else.
 */
public final class Table {
  /** How many of the largest contributions each cell keeps. */
  public static final int TOP_CONTRIBUTIONS = 5;

  private static final double[] NO_TOP = new double[0];

  private final String dataset;
  private final List<Dimension> dimensions;
  private final Measure measure;
  private final boolean weighted;
  private final double[] values;
  private final long[] counts;
  private final double[][] top;
  private final boolean[] negative;
  private final double[] cellKeys;
  private final int[] strides;
  private volatile String hash;

  /**
   * @param dataset source dataset name, or null
   * @param dimensions dimensions in order rows, columns, wafers
   * @param measure the measure
   * @param weighted whether values are weighted
   * @param values one value per cell (NaN = undefined); copied
   * @param counts unweighted record count per cell; copied
   * @param top per cell its largest absolute contributions, descending, or null for none; copied
   * @param negative per cell whether any contribution was negative, or null for none; copied
   */
  public Table(
      String dataset,
      List<Dimension> dimensions,
      Measure measure,
      boolean weighted,
      double[] values,
      long[] counts,
      double[][] top,
      boolean[] negative) {
    this(dataset, dimensions, measure, weighted, values, counts, top, negative, null);
  }

  /**
   * Like the main constructor, with cell keys for cell-key perturbation.
   *
   * @param cellKeys per cell the fractional part of the sum of its records' keys, in [0, 1), or
   *     null when the table carries none; copied
   */
  public Table(
      String dataset,
      List<Dimension> dimensions,
      Measure measure,
      boolean weighted,
      double[] values,
      long[] counts,
      double[][] top,
      boolean[] negative,
      double[] cellKeys) {
    this.dataset = dataset;
    this.dimensions = List.copyOf(dimensions);
    this.measure = Objects.requireNonNull(measure);
    this.weighted = weighted;
    this.strides = new int[this.dimensions.size()];
    int n = 1;
    for (int d = this.dimensions.size() - 1; d >= 0; d--) {
      strides[d] = n;
      n = Math.multiplyExact(n, this.dimensions.get(d).size());
    }
    if (values.length != n || counts.length != n) {
      throw new IllegalArgumentException("expected " + n + " cells, got " + values.length);
    }
    this.values = values.clone();
    this.counts = counts.clone();
    this.top = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] t = top == null ? null : top[i];
      this.top[i] = t == null ? NO_TOP : t.clone();
    }
    this.negative = negative == null ? new boolean[n] : negative.clone();
    if (cellKeys != null && cellKeys.length != n) {
      throw new IllegalArgumentException("expected " + n + " cell keys, got " + cellKeys.length);
    }
    this.cellKeys = cellKeys == null ? null : cellKeys.clone();
  }

  /** Convenience for count tables: values are the counts. */
  public static Table ofCounts(String dataset, List<Dimension> dimensions, long[] counts) {
    double[] v = new double[counts.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = counts[i];
    }
    return new Table(dataset, dimensions, Measure.COUNT, false, v, counts, null, null);
  }

  public String dataset() {
    return dataset;
  }

  public List<Dimension> dimensions() {
    return dimensions;
  }

  public Measure measure() {
    return measure;
  }

  public boolean isWeighted() {
    return weighted;
  }

  /** Number of cells, margins included. */
  public int cellCount() {
    return values.length;
  }

  /** Cell index of a coordinate. */
  public int index(int... coord) {
    if (coord.length != strides.length) {
      throw new IllegalArgumentException("expected " + strides.length + " coordinates");
    }
    int i = 0;
    for (int d = 0; d < coord.length; d++) {
      i += coord[d] * strides[d];
    }
    return i;
  }

  /** Coordinate of a cell index. */
  public int[] coord(int index) {
    int[] c = new int[strides.length];
    for (int d = 0; d < strides.length; d++) {
      c[d] = (index / strides[d]) % dimensions.get(d).size();
    }
    return c;
  }

  /** Stride of dimension {@code d} in cell-index space. */
  public int stride(int d) {
    return strides[d];
  }

  public double value(int index) {
    return values[index];
  }

  public long count(int index) {
    return counts[index];
  }

  /**
   * Largest absolute contributions, descending; a copy. They are in the units of the cell's
   * magnitude total as the disclosure rules take it: for a sum the record values (weighted: value x
   * weight); for a mean, units in which all contributions add up to mean x record count (for a
   * weighted mean each is value x weight x count / weight sum).
   */
  public double[] top(int index) {
    return top[index].clone();
  }

  public boolean hasNegative(int index) {
    return negative[index];
  }

  /** True when the table carries a cell key per cell (for cell-key perturbation). */
  public boolean hasCellKeys() {
    return cellKeys != null;
  }

  /**
   * The cell key: fractional part of the sum of the record keys of the cell's records, in [0, 1).
   *
   * @throws IllegalStateException when the table carries no cell keys
   */
  public double cellKey(int index) {
    if (cellKeys == null) {
      throw new IllegalStateException("table has no cell keys");
    }
    return cellKeys[index];
  }

  /** A copy carrying these cell keys (see {@link #cellKey}); everything else kept. */
  public Table withCellKeys(double[] keys) {
    return new Table(dataset, dimensions, measure, weighted, values, counts, top, negative, keys);
  }

  /** DATA when every coordinate is a leaf category, TOTAL otherwise. */
  public CellKind kind(int index) {
    int[] c = coord(index);
    for (int d = 0; d < c.length; d++) {
      if (dimensions.get(d).isMargin(c[d])) {
        return CellKind.TOTAL;
      }
    }
    return CellKind.DATA;
  }

  public Cell cell(int index) {
    return new Cell(
        index,
        coord(index),
        values[index],
        counts[index],
        top(index),
        negative[index],
        kind(index));
  }

  /** The codes of a cell in each dimension ({@code Total} for margins). */
  public String[] codes(int index) {
    int[] c = coord(index);
    String[] out = new String[c.length];
    for (int d = 0; d < c.length; d++) {
      out[d] = dimensions.get(d).code(c[d]);
    }
    return out;
  }

  /** A copy with other values (e.g. after rounding or perturbation); everything else kept. */
  public Table withValues(double[] newValues) {
    return new Table(
        dataset, dimensions, measure, weighted, newValues, counts, top, negative, cellKeys);
  }

  /**
   * SHA-256 (hex) of the table's content: dimensions, codes, measure and every value and count. Two
   * tables with the same hash publish the same numbers; the export gate compares it with the hash
   * in a disclosure report.
   */
  public String hash() {
    String h = hash;
    if (h == null) {
      h = computeHash();
      hash = h;
    }
    return h;
  }

  private String computeHash() {
    MessageDigest md = Digests.sha256();
    StringBuilder sb = new StringBuilder();
    sb.append(measure.label()).append('|').append(weighted).append('\n');
    for (Dimension d : dimensions) {
      sb.append(d.variable()).append('|').append(d.total());
      for (Category c : d.categories()) {
        sb.append('|').append(c.code()).append('<').append(c.parent());
      }
      sb.append('\n');
    }
    md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder cells = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      cells.setLength(0);
      cells
          .append(Double.isNaN(values[i]) ? "" : NumericColumn.formatNumber(values[i]))
          .append(',')
          .append(counts[i])
          .append('\n');
      md.update(cells.toString().getBytes(StandardCharsets.UTF_8));
    }
    return Digests.hex(md);
  }

  @Override
  public String toString() {
    return "Table["
        + measure.label()
        + " by "
        + dimensions.stream().map(Dimension::variable).toList()
        + ", "
        + values.length
        + " cells]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table t
        && dimensions.equals(t.dimensions)
        && measure.equals(t.measure)
        && Arrays.equals(values, t.values)
        && Arrays.equals(counts, t.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimensions, measure, Arrays.hashCode(values));
  }
}
