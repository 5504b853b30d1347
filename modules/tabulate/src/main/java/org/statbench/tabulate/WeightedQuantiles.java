package org.statbench.tabulate;

import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;

/**
 * Weighted percentiles of every cell of a table, shared by both execution paths so that they agree
 * to the last bit (public for the SQL path; not an API for callers, who use {@link Tabulator}).
 *
 * <p>Definition (the weighted empirical distribution inverted, with the unweighted path's averaging
 * convention, so that weights all equal to one give exactly {@link Quantiles}' Hyndman and Fan type
 * 2): drop the records whose weight is 0 (a missing weight counts as 0); sort the rest by value
 * {@code x1 <= ... <= xn} with weights {@code w1..wn}; let {@code W} be the sum of the weights,
 * {@code t = W * p / 100} and {@code C_k = w1 + ... + wk}. The percentile is {@code x_k} for the
 * smallest {@code k} with {@code C_k >= t}, except that when {@code C_k == t} exactly it is the
 * midpoint {@code (x_k + x_{k+1}) / 2} (with {@code x_{n+1} = x_n}). A cell whose weights sum to 0
 * (no records, or all weights 0) is empty (NaN). Negative weights are refused.
 *
 * <p>Records are processed in the order of (value, weight), and every cell adds its weights in that
 * same order, so the sums compared with {@code t} are computed identically whichever path gathered
 * the records.
 */
public final class WeightedQuantiles {
  private WeightedQuantiles() {}

  /**
   * The percentile {@code p} of every full-cube cell (margins and roll-up parents included).
   *
   * @param plans the dimensions' plans, in table order
   * @param leafCell per record its leaf cell ({@code 1 + sum(leaf_d * leafStride_d)}, see {@link
   *     Cube#leafStrides}); records with 0 are skipped
   * @param values per record its value (not NaN where {@code leafCell != 0})
   * @param weights per record its weight (0 for missing)
   * @param n number of records in the arrays
   * @param p the percentile, {@code 0 < p <= 100}
   * @param weightVariable named in the error for a negative weight
   * @param cancel polled now and then
   * @return per full-cube cell (index as {@link Cube#index}) the percentile, NaN when empty
   * @throws InputException when a weight is negative
   */
  public static double[] compute(
      List<DimensionPlan> plans,
      int[] leafCell,
      double[] values,
      double[] weights,
      int n,
      double p,
      String weightVariable,
      CancellationToken cancel) {
    Walk walk = new Walk(plans, p);
    walk(leafCell, values, weights, n, weightVariable, walk, cancel);
    return walk.result();
  }

  /**
   * Feeds the records (those with a leaf cell and a weight above 0) to {@code walk} in the order of
   * (value, weight): all to {@link ValueOrderWalk#addToTotal}, then to {@link ValueOrderWalk#step}
   * until it is settled ({@link ValueOrderWalk#feed}).
   *
   * @throws InputException when a weight is negative
   */
  public static void walk(
      int[] leafCell,
      double[] values,
      double[] weights,
      int n,
      String weightVariable,
      ValueOrderWalk walk,
      CancellationToken cancel) {
    // the records that count, compacted (value, weight, leaf cell) so that sorting and the walk
    // below read memory in order
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (leafCell[i] != 0 && counts(weights[i], weightVariable)) {
        kept++;
      }
    }
    double[] xs = new double[kept];
    double[] ws = new double[kept];
    int[] cs = new int[kept];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (leafCell[i] != 0 && weights[i] > 0) {
        xs[k] = values[i];
        ws[k] = weights[i];
        cs[k] = leafCell[i];
        k++;
      }
    }
    sortByValueThenWeight(xs, ws, cs);
    cancel.throwIfCancelled();
    ValueOrderWalk.feed(walk, xs, ws, cs, kept, cancel);
  }

  /**
   * Whether a record of weight {@code w} counts (a weight above 0).
   *
   * @throws InputException when the weight is negative
   */
  static boolean counts(double w, String weightVariable) {
    if (w < 0) {
      throw new InputException(
          "Weighted percentiles need weights of 0 or more: '" + weightVariable + "' has " + w);
    }
    return w > 0;
  }

  /**
   * The walk of the definition over records fed in the order of (value, weight): first every record
   * to {@link #addToTotal}, then again to {@link #step} until {@link #settled}. Both paths (all
   * records sorted at once in memory, or the streamed path's windows of the order) feed the same
   * additions in the same order, so they agree to the last bit.
   */
  static final class Walk implements ValueOrderWalk {
    private final List<DimensionPlan> plans;
    private final double p;
    private final int[] fullStride;
    private final int[] ls;
    private final int[][] targets;
    private final double[] total;
    private final double[] cum;
    private final byte[] state; // 0 searching, 1 waiting for the next value, 2 done
    private final double[] lower;
    private final double[] out;
    private int open = -1; // cells with weight not yet settled; -1 before the first step

    Walk(List<DimensionPlan> plans, double p) {
      this.plans = plans;
      this.p = p;
      int nd = plans.size();
      fullStride = new int[nd];
      int cells = 1;
      for (int d = nd - 1; d >= 0; d--) {
        fullStride[d] = cells;
        cells = Math.multiplyExact(cells, plans.get(d).fullSize());
      }
      ls = Cube.leafStrides(plans);
      // the full cells each leaf cell adds into: its own position, its parents and the total, per
      // dimension, in every combination (computed once per leaf cell met)
      targets = new int[leafCount(plans) + 1][];
      total = new double[cells];
      cum = new double[cells];
      state = new byte[cells];
      lower = new double[cells];
      out = new double[cells];
      java.util.Arrays.fill(out, Double.NaN);
    }

    /** Adds a record's weight (above 0) to its cells' totals. */
    @Override
    public void addToTotal(double w, int leafCell) {
      for (int f : targets(targets, leafCell, plans, ls, fullStride)) {
        total[f] += w;
      }
    }

    /** Walks one record (after every record went to {@link #addToTotal}). */
    @Override
    public void step(double x, double w, int leafCell) {
      if (open < 0) {
        open = 0;
        for (double t : total) {
          open += t > 0 ? 1 : 0;
        }
      }
      for (int f : targets(targets, leafCell, plans, ls, fullStride)) {
        switch (state[f]) {
          case 0 -> {
            cum[f] += w;
            // t = W at p = 100 exactly (W * 100 / 100 may round above W)
            double t = p >= 100 ? total[f] : total[f] * p / 100.0;
            if (cum[f] >= t) {
              if (cum[f] == t) {
                lower[f] = x;
                state[f] = 1;
              } else {
                out[f] = x;
                state[f] = 2;
                open--;
              }
            }
          }
          case 1 -> {
            out[f] = (lower[f] + x) / 2;
            state[f] = 2;
            open--;
          }
          default -> {}
        }
      }
    }

    /** Whether every cell with weight has its percentile (later records change nothing). */
    @Override
    public boolean settled() {
      return open == 0;
    }

    /** Per full-cube cell the percentile, NaN when empty. */
    double[] result() {
      for (int f = 0; f < out.length; f++) {
        if (state[f] == 1) {
          out[f] = lower[f];
        }
      }
      return out;
    }
  }

  static int leafCount(List<DimensionPlan> plans) {
    int n = 1;
    for (DimensionPlan p : plans) {
      n = Math.multiplyExact(n, p.leafCount());
    }
    return n;
  }

  /** The full cells (index as {@link Cube#index}) a leaf cell adds into, cached per leaf cell. */
  static int[] targets(
      int[][] cache, int leafCell, List<DimensionPlan> plans, int[] ls, int[] fullStride) {
    int[] t = cache[leafCell];
    if (t != null) {
      return t;
    }
    int nd = plans.size();
    int[][] positions = new int[nd][];
    int count = 1;
    for (int d = 0; d < nd; d++) {
      DimensionPlan p = plans.get(d);
      int leaf = ((leafCell - 1) / ls[d]) % p.leafCount();
      int[] anc = p.ancestors()[leaf];
      int[] pos = new int[anc.length + 2];
      pos[0] = p.leafPos()[leaf];
      System.arraycopy(anc, 0, pos, 1, anc.length);
      pos[pos.length - 1] = p.totalPos();
      positions[d] = pos;
      count *= pos.length;
    }
    t = new int[count];
    int[] at = new int[nd];
    for (int k = 0; k < count; k++) {
      int f = 0;
      for (int d = 0; d < nd; d++) {
        f += positions[d][at[d]] * fullStride[d];
      }
      t[k] = f;
      for (int d = nd - 1; d >= 0; d--) {
        if (++at[d] < positions[d].length) {
          break;
        }
        at[d] = 0;
      }
    }
    cache[leafCell] = t;
    return t;
  }

  /**
   * Sorts the records by (value, weight) ascending, moving the three arrays together (a bottom-up
   * merge sort; records equal in both keep their relative order, which does not affect any sum).
   */
  static void sortByValueThenWeight(double[] xs, double[] ws, int[] cs) {
    int n = xs.length;
    double[] x = xs;
    double[] w = ws;
    int[] c = cs;
    double[] x2 = new double[n];
    double[] w2 = new double[n];
    int[] c2 = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
          int cmp = Double.compare(x[i], x[j]);
          if (cmp < 0 || cmp == 0 && Double.compare(w[i], w[j]) <= 0) {
            x2[o] = x[i];
            w2[o] = w[i];
            c2[o++] = c[i++];
          } else {
            x2[o] = x[j];
            w2[o] = w[j];
            c2[o++] = c[j++];
          }
        }
        while (i < mid) {
          x2[o] = x[i];
          w2[o] = w[i];
          c2[o++] = c[i++];
        }
        while (j < hi) {
          x2[o] = x[j];
          w2[o] = w[j];
          c2[o++] = c[j++];
        }
      }
      double[] tx = x;
      x = x2;
      x2 = tx;
      double[] tw = w;
      w = w2;
      w2 = tw;
      int[] tc = c;
      c = c2;
      c2 = tc;
    }
    if (x != xs) {
      System.arraycopy(x, 0, xs, 0, n);
      System.arraycopy(w, 0, ws, 0, n);
      System.arraycopy(c, 0, cs, 0, n);
    }
  }
}
