package org.statbench.tabulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.spec.Percentage;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;

// Size (over 500 lines): the cube of leaf cells and every margin level, with the margin sums that
// must stay next to the index arithmetic they share; splitting it would spread one invariant over
// two files.

/**
 * The full cube of a table being computed (public for the execution paths in sub-packages; not an
 * API for callers, who use {@link Tabulator}): every position of every dimension, roll-up parents
 * and totals included (totals are always computed and dropped at the end when a dimension hides
 * them). Built from the kernel's leaf cube by summing (or min/max/merging) along one dimension at a
 * time, which costs a few passes over the cube, not over the records.
 */
public final class Cube {
  final List<DimensionPlan> plans;
  final List<DimensionRole> roles;
  final int[] size;
  final int[] stride;
  final int cells;
  final long[] count;
  final double[] sum;
  final double[] wsum;
  final double[] min;
  final double[] max;
  final double[] top;
  final boolean[] negative;

  private Cube(List<DimensionPlan> plans, List<DimensionRole> roles, Kernel k) {
    this(plans, roles, k.sum != null, k.wsum != null);
  }

  private Cube(
      List<DimensionPlan> plans, List<DimensionRole> roles, boolean magnitude, boolean weighted) {
    this.plans = List.copyOf(plans);
    this.roles = roles;
    int nd = plans.size();
    size = new int[nd];
    stride = new int[nd];
    int n = 1;
    for (int d = nd - 1; d >= 0; d--) {
      size[d] = plans.get(d).fullSize();
      stride[d] = n;
      n = Math.multiplyExact(n, size[d]);
    }
    cells = n;
    count = new long[n];
    sum = magnitude ? new double[n] : null;
    wsum = weighted ? new double[n] : null;
    min = magnitude ? filled(n, Double.POSITIVE_INFINITY) : null;
    max = magnitude ? filled(n, Double.NEGATIVE_INFINITY) : null;
    top = magnitude ? filled(n * Kernel.TOP, -1) : null;
    negative = magnitude ? new boolean[n] : null;
  }

  /**
   * An empty full cube for another execution path to fill cell by cell with {@link #set} (margins
   * included: nothing is derived).
   *
   * @param plans the dimensions' plans, in table order
   * @param roles the dimensions' roles
   * @param magnitude whether the measure reads a numeric variable (sums, min, max, top
   *     contributions are kept)
   * @param weighted whether weight sums are kept
   */
  public static Cube empty(
      List<DimensionPlan> plans, List<DimensionRole> roles, boolean magnitude, boolean weighted) {
    return new Cube(plans, roles, magnitude, weighted);
  }

  /** Number of cells, every position of every dimension (totals included). */
  public int cells() {
    return cells;
  }

  /** The full-cube index of one position per dimension. */
  public int index(int[] positions) {
    int f = 0;
    for (int d = 0; d < positions.length; d++) {
      f += positions[d] * stride[d];
    }
    return f;
  }

  /**
   * Sets a cell's accumulators. For count measures only {@code count} and (weighted) {@code wsum}
   * are kept.
   *
   * @param f full-cube index
   * @param count contributing records
   * @param sum sum of contributions (value times weight)
   * @param wsum sum of weights of contributing records
   * @param min smallest value
   * @param max largest value
   * @param negative whether a contribution is negative
   * @param largest largest absolute contributions, descending (at most {@link
   *     Table#TOP_CONTRIBUTIONS} used)
   */
  public void set(
      int f,
      long count,
      double sum,
      double wsum,
      double min,
      double max,
      boolean negative,
      double[] largest) {
    this.count[f] = count;
    if (this.wsum != null) {
      this.wsum[f] = wsum;
    }
    if (this.sum != null) {
      this.sum[f] = sum;
      this.min[f] = min;
      this.max[f] = max;
      this.negative[f] = negative;
      for (int i = 0; i < Math.min(largest.length, Kernel.TOP); i++) {
        this.top[f * Kernel.TOP + i] = largest[i];
      }
    }
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /** Leaf-cube strides of the kernel (last dimension fastest). */
  public static int[] leafStrides(List<DimensionPlan> plans) {
    int[] s = new int[plans.size()];
    int n = 1;
    for (int d = plans.size() - 1; d >= 0; d--) {
      s[d] = n;
      n = Math.multiplyExact(n, plans.get(d).leafCount());
    }
    return s;
  }

  /** Builds the full cube from a finished kernel run. */
  static Cube of(List<DimensionPlan> plans, List<DimensionRole> roles, Kernel k) {
    Cube cube = new Cube(plans, roles, k);
    int nd = plans.size();
    int[] ls = leafStrides(plans);
    for (int c = 1; c < k.cells; c++) {
      int f = 0;
      for (int d = 0; d < nd; d++) {
        DimensionPlan p = plans.get(d);
        int leaf = ((c - 1) / ls[d]) % p.leafCount();
        f += p.leafPos()[leaf] * cube.stride[d];
      }
      cube.count[f] = k.counts[c];
      if (cube.sum != null) {
        cube.sum[f] = k.sum[c];
      }
      if (cube.wsum != null) {
        cube.wsum[f] = k.wsum[c];
      }
      if (cube.min != null) {
        cube.min[f] = k.min[c];
        cube.max[f] = k.max[c];
        cube.negative[f] = k.negative[c];
        System.arraycopy(k.top, c * Kernel.TOP, cube.top, f * Kernel.TOP, Kernel.TOP);
      }
    }
    for (int d = 0; d < nd; d++) {
      cube.propagate(d);
    }
    return cube;
  }

  /** Adds every leaf position of dimension {@code d} into its parents and the total. */
  private void propagate(int d) {
    DimensionPlan p = plans.get(d);
    int outer = cells / (size[d] * stride[d]);
    int inner = stride[d];
    for (int o = 0; o < outer; o++) {
      int base = o * size[d] * stride[d];
      for (int l = 0; l < p.leafCount(); l++) {
        int src = base + p.leafPos()[l] * inner;
        combineRange(base + p.totalPos() * inner, src, inner);
        for (int a : p.ancestors()[l]) {
          combineRange(base + a * inner, src, inner);
        }
      }
    }
  }

  private void combineRange(int dst, int src, int len) {
    for (int i = 0; i < len; i++) {
      combine(dst + i, src + i);
    }
  }

  private void combine(int dst, int src) {
    count[dst] += count[src];
    if (sum != null) {
      sum[dst] += sum[src];
    }
    if (wsum != null) {
      wsum[dst] += wsum[src];
    }
    if (min != null) {
      if (min[src] < min[dst]) {
        min[dst] = min[src];
      }
      if (max[src] > max[dst]) {
        max[dst] = max[src];
      }
      negative[dst] |= negative[src];
      int sb = src * Kernel.TOP;
      int db = dst * Kernel.TOP;
      for (int i = 0; i < Kernel.TOP; i++) {
        double a = top[sb + i];
        if (a > top[db + Kernel.TOP - 1]) {
          Kernel.insertTop(top, db, a);
        } else {
          break; // the source list is descending
        }
      }
    }
  }

  /** Sets a cell's largest absolute contributions (descending) directly. */
  public void setTop(int f, double[] largest) {
    java.util.Arrays.fill(top, f * Kernel.TOP, f * Kernel.TOP + Kernel.TOP, -1);
    for (int i = 0; i < Math.min(largest.length, Kernel.TOP); i++) {
      top[f * Kernel.TOP + i] = largest[i];
    }
  }

  /** The coordinate of a full-cube index. */
  int[] coord(int f) {
    int[] c = new int[size.length];
    for (int d = 0; d < size.length; d++) {
      c[d] = (f / stride[d]) % size[d];
    }
    return c;
  }

  /** The measure's value per full-cube cell, from the accumulators (order statistics excluded). */
  public double[] values(Measure measure, boolean weighted) {
    double[] v = new double[cells];
    for (int f = 0; f < cells; f++) {
      v[f] =
          switch (measure.kind()) {
            case COUNT -> weighted ? wsum[f] : count[f];
            case SUM -> sum[f];
            case MEAN -> {
              double w = weighted ? wsum[f] : count[f];
              yield w == 0 ? Double.NaN : sum[f] / w;
            }
            case MIN -> count[f] == 0 ? Double.NaN : min[f];
            case MAX -> count[f] == 0 ? Double.NaN : max[f];
            default -> Double.NaN;
          };
    }
    return v;
  }

  /**
   * Order statistics (percentiles, distinct counts) per full-cube cell from the values grouped by
   * leaf cell: a leaf cell is computed in place, a margin gathers its leaf cells' values into one
   * buffer first.
   */
  double[] orderStatistics(
      Measure measure, double[] byCell, int[] offsets, CancellationToken cancel) {
    int nd = plans.size();
    int[] ls = leafStrides(plans);
    double[] v = new double[cells];
    double[] buffer = null;
    boolean distinct = measure.kind() == MeasureKind.DISTINCT_COUNT;
    for (int f = 0; f < cells; f++) {
      if ((f & 255) == 0) {
        cancel.throwIfCancelled();
      }
      int[] pos = coord(f);
      int[][] lists = new int[nd][];
      boolean single = true;
      for (int d = 0; d < nd; d++) {
        lists[d] = plans.get(d).leavesUnder()[pos[d]];
        single &= lists[d].length == 1;
      }
      int from;
      int len;
      double[] arr;
      if (single) {
        int c = 1;
        for (int d = 0; d < nd; d++) {
          c += lists[d][0] * ls[d];
        }
        arr = byCell;
        from = offsets[c];
        len = offsets[c + 1] - offsets[c];
      } else {
        if (buffer == null) {
          buffer = new double[byCell.length];
        }
        len = gather(lists, ls, byCell, offsets, buffer);
        arr = buffer;
        from = 0;
      }
      v[f] =
          distinct
              ? Quantiles.distinct(arr, from, len)
              : Quantiles.percentile(arr, from, len, percentileOf(measure));
    }
    return v;
  }

  /**
   * Order statistics from per-leaf-cell rank histograms (see {@link Kernel#rankHistograms}): each
   * cell sums the histograms of its leaf cells and walks the cumulative counts.
   */
  double[] orderStatisticsFromHistograms(
      Measure measure, int[] hist, double[] rankValues, CancellationToken cancel) {
    int nd = plans.size();
    int r = rankValues.length;
    int[] ls = leafStrides(plans);
    double[] v = new double[cells];
    int[] sum = new int[r];
    boolean distinct = measure.kind() == MeasureKind.DISTINCT_COUNT;
    double p = percentileOf(measure);
    for (int f = 0; f < cells; f++) {
      if ((f & 63) == 0) {
        cancel.throwIfCancelled();
      }
      int[] pos = coord(f);
      int[][] lists = new int[nd][];
      for (int d = 0; d < nd; d++) {
        lists[d] = plans.get(d).leavesUnder()[pos[d]];
      }
      Arrays.fill(sum, 0);
      int[] at = new int[nd];
      while (true) {
        int c = 0;
        for (int d = 0; d < nd; d++) {
          c += lists[d][at[d]] * ls[d];
        }
        addInto(sum, hist, c * r, r);
        int d = nd - 1;
        while (d >= 0 && ++at[d] == lists[d].length) {
          at[d] = 0;
          d--;
        }
        if (d < 0) {
          break;
        }
      }
      v[f] = distinct ? nonZero(sum) : percentileOfHistogram(sum, rankValues, count[f], p);
    }
    return v;
  }

  private static void addInto(int[] sum, int[] hist, int from, int r) {
    for (int i = 0; i < r; i++) {
      sum[i] += hist[from + i];
    }
  }

  private static int nonZero(int[] h) {
    int n = 0;
    for (int x : h) {
      if (x != 0) {
        n++;
      }
    }
    return n;
  }

  /** The percentile (definition in {@link Quantiles}) of {@code n} values given as a histogram. */
  static double percentileOfHistogram(int[] h, double[] values, long n, double p) {
    if (n == 0) {
      return Double.NaN;
    }
    double hh = n * p / 100.0;
    double fl = Math.floor(hh);
    long k;
    boolean two;
    if (hh == fl) {
      k = Math.max(1, Math.min((long) fl, n));
      two = fl >= 1 && fl < n;
    } else {
      k = Math.min(Math.max((long) Math.ceil(hh), 1), n);
      two = false;
    }
    long seen = 0;
    for (int i = 0; i < h.length; i++) {
      seen += h[i];
      if (seen >= k) {
        if (!two || seen >= k + 1) {
          return two ? (values[i] + values[i]) / 2 : values[i];
        }
        for (int j = i + 1; j < h.length; j++) {
          if (h[j] > 0) {
            return (values[i] + values[j]) / 2;
          }
        }
      }
    }
    throw new IllegalStateException("histogram holds fewer than " + k + " values");
  }

  /** The percentile a measure asks for: 50 for the median. */
  public static double percentileOf(Measure m) {
    return m.kind() == MeasureKind.MEDIAN ? 50 : m.percentile();
  }

  private static int gather(
      int[][] lists, int[] ls, double[] byCell, int[] offsets, double[] buffer) {
    int nd = lists.length;
    int[] at = new int[nd];
    int len = 0;
    if (nd == 0) {
      int n = offsets[2] - offsets[1];
      System.arraycopy(byCell, offsets[1], buffer, 0, n);
      return n;
    }
    while (true) {
      int c = 1;
      for (int d = 0; d < nd; d++) {
        c += lists[d][at[d]] * ls[d];
      }
      int n = offsets[c + 1] - offsets[c];
      System.arraycopy(byCell, offsets[c], buffer, len, n);
      len += n;
      int d = nd - 1;
      while (d >= 0 && ++at[d] == lists[d].length) {
        at[d] = 0;
        d--;
      }
      if (d < 0) {
        return len;
      }
    }
  }

  /**
   * Whether a percentage divides by the total of a dimension with this role: row % by the column
   * dimensions' totals, column % by the rows', wafer % by rows' and columns', total % by all.
   */
  public static boolean dividesByTotal(Percentage pct, DimensionRole r) {
    return switch (pct) {
      case ROW -> r == DimensionRole.COLUMN;
      case COLUMN -> r == DimensionRole.ROW;
      case WAFER -> r != DimensionRole.WAFER;
      case TOTAL -> true;
      case NONE -> false;
    };
  }

  /** Values as a percentage of the margin the percentage names (NaN where that margin is 0). */
  public double[] percentages(double[] v, Percentage pct) {
    if (pct == Percentage.NONE) {
      return v;
    }
    double[] out = new double[cells];
    for (int f = 0; f < cells; f++) {
      int[] c = coord(f);
      for (int d = 0; d < c.length; d++) {
        if (dividesByTotal(pct, roles.get(d))) {
          c[d] = plans.get(d).totalPos();
        }
      }
      int g = 0;
      for (int d = 0; d < c.length; d++) {
        g += c[d] * stride[d];
      }
      out[f] = v[g] == 0 ? Double.NaN : v[f] / v[g] * 100.0;
    }
    return out;
  }

  /**
   * The output table: dimensions whose total is hidden lose that position.
   *
   * @param values per full-cube cell the value to publish
   * @param withTop whether cells carry their top contributions (magnitude measures)
   */
  public Table toTable(
      String dataset, Measure measure, boolean weighted, double[] values, boolean withTop) {
    int nd = plans.size();
    List<Dimension> dims = new ArrayList<>();
    int[] outSize = new int[nd];
    int n = 1;
    for (int d = 0; d < nd; d++) {
      DimensionPlan p = plans.get(d);
      dims.add(new Dimension(p.variable(), null, roles.get(d), p.categories(), p.total()));
      outSize[d] = p.total() ? p.fullSize() : p.fullSize() - 1;
      n = Math.multiplyExact(n, outSize[d]);
    }
    double[] v = new double[n];
    long[] cnt = new long[n];
    double[][] tops = withTop ? new double[n][] : null;
    boolean[] neg = negative == null || !withTop ? null : new boolean[n];
    boolean rescaleTops = withTop && weighted && wsum != null && measure.kind() == MeasureKind.MEAN;
    int[] at = new int[nd];
    for (int o = 0; o < n; o++) {
      int f = 0;
      for (int d = 0; d < nd; d++) {
        f += at[d] * stride[d];
      }
      v[o] = values[f];
      cnt[o] = count[f];
      if (neg != null) {
        neg[o] = negative[f];
      }
      if (tops != null) {
        int k = (int) Math.min(Kernel.TOP, count[f]);
        tops[o] = Arrays.copyOfRange(top, f * Kernel.TOP, f * Kernel.TOP + k);
        if (rescaleTops && wsum[f] > 0) {
          // A weighted mean's total is mean x weight sum, not mean x record count, which is
          // what the disclosure rules take as a mean's total: put the weighted contributions
          // in those units so that the rules compare like with like.
          double scale = count[f] / wsum[f];
          for (int i = 0; i < k; i++) {
            tops[o][i] *= scale;
          }
        }
      }
      for (int d = nd - 1; d >= 0; d--) {
        if (++at[d] < outSize[d]) {
          break;
        }
        at[d] = 0;
      }
    }
    return new Table(dataset, dims, measure, weighted, v, cnt, tops, neg);
  }
}
