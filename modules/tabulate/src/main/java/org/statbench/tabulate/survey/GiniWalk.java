package org.statbench.tabulate.survey;

import java.util.Arrays;
import org.statbench.core.CancellationToken;
import org.statbench.tabulate.LeafAssignment;
import org.statbench.tabulate.ValueOrderWalk;

/**
 * The Gini coefficient of every cell of a leaf assignment and its linearised values, in bounded
 * memory, from walks over the records in the order of (value, weight) ({@link ValueOrderWalk}: in
 * memory or streamed, the same additions in the same order, so the same sums to the last bit).
 *
 * <p>Per cell, with the records in value order, {@code C} the running weight and {@code Y_c} the
 * running total: {@code G = (2 sum w y C - sum w^2 y) / (N Y) - 1} (added record by record as
 * {@code w y C - w^2 y / 2}; over tied values this sums to {@code W_v y (C_before + W_v / 2)}
 * whatever their order). A record's linearised value {@code z = (2 (y C - Y_c) + 2 Y) / (N Y) - (G
 * + 1) (1/N + y/Y)} depends on the record only through its value and its cell's {@code h = y C -
 * Y_c}, which is the same anywhere within a run of tied values; the rule used is {@code h} at the
 * end of the value's run of ties (order-free: records tied in value get the same {@code z}).
 *
 * <p>The first walk adds the totals ({@code N}, {@code Y}, the sum for {@code G}); each walk keeps
 * {@code h} per (cell, distinct value) for one range of values, at most a budget of such entries (a
 * range ends only between two values, so one value's cells are never split). A pass in record order
 * then turns each in-range record into its {@code z} and adds {@code w z} per (PSU, cell) ({@link
 * #addRecords}). The ranges follow only from the walk and the budget, so in memory and streamed
 * they are the same and so are the sums. A later walk starts from the running sums at the end of
 * the previous range and needs only the records after it ({@link #startsAfter}), so a streamed walk
 * does not pass over the start of the order again for every range.
 */
final class GiniWalk implements ValueOrderWalk {
  /** Default most (cell, value) entries of a range: 5 MB or so. */
  static final int BUDGET = 1 << 18;

  private final LeafAssignment la;
  private final int budget;
  private final GiniWalk totals; // the first walk (this one for the first)
  private final boolean totalsOnly;
  private final boolean hasLo;
  private final double lo;

  private final double[] n;
  private final double[] cum;
  private final double[] tot;
  private final double[] s;
  private final int[] lastEntry;
  // the cells' running weight and total after the range's last value (where the next walk starts)
  private double[] cumAtHi;
  private double[] totAtHi;

  private boolean started;
  private double current;
  private boolean storing;
  private boolean full;
  private double hi;

  private int size;
  private int[] eCell;
  private double[] eValue;
  private double[] eH;

  // after the walk: the entries grouped by cell, each cell's in value order
  private int[] cellStart;
  private double[] values;
  private double[] hs;
  private double[] gini;

  /** The first walk: totals, and the first range of values. */
  GiniWalk(LeafAssignment la, int budget) {
    this(la, budget, null, false, false, Double.NaN);
  }

  /**
   * A later walk: the range of values after {@code previous}'s. It starts from the running sums
   * {@code previous} had at the end of its range and needs no records up to there ({@link
   * #startsAfter}): the same sums, added in the same order, as a walk from the first record.
   */
  GiniWalk(GiniWalk previous) {
    this(previous.la, previous.budget, previous.totals, false, true, previous.hi);
    System.arraycopy(previous.cumAtHi, 0, cum, 0, cum.length);
    System.arraycopy(previous.totAtHi, 0, tot, 0, tot.length);
  }

  /**
   * A walk that adds only the totals and each cell's Gini, no range of values (a replicate weight's
   * Gini: its standard error needs no linearised values).
   */
  static GiniWalk totalsOnly(LeafAssignment la) {
    return new GiniWalk(la, 1, null, true, false, Double.NaN);
  }

  private GiniWalk(
      LeafAssignment la,
      int budget,
      GiniWalk totals,
      boolean totalsOnly,
      boolean hasLo,
      double lo) {
    this.la = la;
    this.budget = Math.max(1, budget);
    this.totals = totals == null ? this : totals;
    this.totalsOnly = totalsOnly;
    this.hasLo = hasLo;
    this.lo = lo;
    int cells = la.outputCellCount();
    n = new double[cells];
    cum = new double[cells];
    tot = new double[cells];
    s = new double[cells];
    lastEntry = new int[cells];
    Arrays.fill(lastEntry, -1);
    int cap = totalsOnly ? 0 : Math.min(this.budget, 1024) + 16;
    eCell = new int[cap];
    eValue = new double[cap];
    eH = new double[cap];
  }

  @Override
  public void addToTotal(double weight, int leafCell) {
    for (int o : la.outputCells(leafCell)) {
      n[o] += weight;
    }
  }

  @Override
  public double startsAfter() {
    return hasLo ? lo : Double.NaN;
  }

  @Override
  public void step(double value, double weight, int leafCell) {
    boolean first = totals == this;
    if (full && !first || hasLo && Double.compare(value, lo) <= 0) {
      return;
    }
    if (!started || Double.compare(value, current) != 0) {
      if (storing && !full && size >= budget) {
        full = true;
        hi = current;
        cumAtHi = cum.clone();
        totAtHi = tot.clone();
        if (!first) {
          return;
        }
      }
      started = true;
      current = value;
      if (!storing && !full && !totalsOnly) {
        storing = true;
      }
    }
    boolean keep = storing && !full;
    for (int o : la.outputCells(leafCell)) {
      cum[o] += weight;
      tot[o] += weight * value;
      s[o] += weight * value * cum[o];
      s[o] -= weight * weight * value / 2;
      if (keep) {
        double h = value * cum[o] - tot[o];
        int e = lastEntry[o];
        if (e >= 0 && Double.compare(eValue[e], value) == 0) {
          eH[e] = h;
        } else {
          if (size == eCell.length) {
            int cap = size * 2;
            eCell = Arrays.copyOf(eCell, cap);
            eValue = Arrays.copyOf(eValue, cap);
            eH = Arrays.copyOf(eH, cap);
          }
          eCell[size] = o;
          eValue[size] = value;
          eH[size] = h;
          lastEntry[o] = size++;
        }
      }
    }
  }

  @Override
  public boolean settled() {
    return full && totals != this;
  }

  /** Whether a later range follows this walk's (never after {@link #totalsOnly}). */
  boolean hasNext() {
    return full;
  }

  /** Per cell the Gini coefficient (NaN without weight or total); from the first walk. */
  double[] gini() {
    GiniWalk t = totals;
    if (t.gini == null) {
      double[] g = new double[t.n.length];
      for (int o = 0; o < g.length; o++) {
        g[o] = t.n[o] == 0 || t.tot[o] == 0 ? Double.NaN : 2 * t.s[o] / (t.n[o] * t.tot[o]) - 1;
      }
      t.gini = g;
    }
    return t.gini;
  }

  /** Groups the range's entries by cell (once, after the walk). */
  private void index() {
    if (cellStart != null) {
      return;
    }
    int cells = n.length;
    cellStart = new int[cells + 1];
    for (int k = 0; k < size; k++) {
      cellStart[eCell[k] + 1]++;
    }
    for (int o = 0; o < cells; o++) {
      cellStart[o + 1] += cellStart[o];
    }
    int[] at = Arrays.copyOf(cellStart, cells);
    values = new double[size];
    hs = new double[size];
    for (int k = 0; k < size; k++) {
      int to = at[eCell[k]]++;
      values[to] = eValue[k];
      hs[to] = eH[k];
    }
    eCell = null;
    eValue = null;
    eH = null;
  }

  private boolean inRange(double v) {
    return (!hasLo || Double.compare(v, lo) > 0) && (!full || Double.compare(v, hi) <= 0);
  }

  private double h(int o, double v) {
    int a = cellStart[o];
    int b = cellStart[o + 1] - 1;
    while (a <= b) {
      int m = (a + b) >>> 1;
      int c = Double.compare(values[m], v);
      if (c < 0) {
        a = m + 1;
      } else if (c > 0) {
        b = m - 1;
      } else {
        return hs[m];
      }
    }
    throw new IllegalStateException("value not walked");
  }

  /**
   * Adds the range's records (in record order; leaf 0, no value or a weight not above 0 skipped):
   * for every cell {@code o} a record's leaf adds into with a Gini, {@code w z} to (PSU, cell
   * {@code o + 1}) of {@code sums} (made for {@link SurveyMeasure.Kind#SUM} over the cells as
   * leaves).
   */
  void addRecords(
      DesignSums sums,
      int rows,
      int[] leafOf,
      double[] y,
      double[] wt,
      int[] psu,
      CancellationToken cancel) {
    index();
    double[] g = gini();
    double[] nn = totals.n;
    double[] yy = totals.tot;
    int cap = 8192;
    int[] cell = new int[cap];
    double[] w = new double[cap];
    int[] p = new int[cap];
    double[] zs = new double[cap];
    int m = 0;
    for (int i = 0; i < rows; i++) {
      double v = y[i];
      if (leafOf[i] == 0 || v != v || !(wt[i] > 0) || !inRange(v)) {
        continue;
      }
      for (int o : la.outputCells(leafOf[i])) {
        if (g[o] != g[o]) {
          continue;
        }
        if (m == cap) {
          sums.addCells(m, cell, w, p, zs, cancel);
          m = 0;
        }
        cell[m] = o + 1;
        w[m] = wt[i];
        p[m] = psu[i];
        zs[m] = (2 * h(o, v) + 2 * yy[o]) / (nn[o] * yy[o]) - (g[o] + 1) * (1 / nn[o] + v / yy[o]);
        m++;
      }
    }
    sums.addCells(m, cell, w, p, zs, cancel);
  }
}
