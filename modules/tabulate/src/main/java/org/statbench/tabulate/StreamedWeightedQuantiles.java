package org.statbench.tabulate;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.CancellationToken;

/**
 * Exact weighted percentiles (medians included) of every cell of a streamed table, in bounded
 * memory, bit-identical to {@link WeightedQuantiles} in memory. The definition adds each cell's
 * weights in the order of (value, weight) and compares the running sums with a fraction of the
 * total, and floating-point sums depend on their order; so rather than summing weights by buckets
 * (which would round differently), the records are fed to the same {@link WeightedQuantiles.Walk}
 * in that same order, a window of the order at a time. Each pass over the slices gathers the next
 * window: the smallest (value, weight) records after the previous window, as (value, weight, leaf
 * cell, how many) entries, at most a budget of them (records equal in all three are one entry, so a
 * column of few distinct values takes one window whatever the number of records). One walk of
 * windows adds the totals, a second walks the running sums and stops once every cell is settled.
 * The heap holds one window and a few doubles per cell, whatever the number of records.
 */
final class StreamedWeightedQuantiles {
  private StreamedWeightedQuantiles() {}

  /** Receives each slice's records: their leaf cell (0 = dropped), value and cleaned weight. */
  interface SliceVisitor {
    void visit(int[] leafCells, double[] values, double[] weights, int rows);
  }

  /** One pass over all the records, slice by slice. */
  interface Slices {
    void each(SliceVisitor visitor);
  }

  /**
   * The weighted percentile {@code p} of every full-cube cell.
   *
   * @param budget most entries of a window (raised to a few per leaf cell)
   * @return per full-cube cell (index as {@link Cube#index}) the percentile, NaN when empty
   * @throws org.statbench.core.InputException when a weight is negative
   */
  static double[] compute(
      List<DimensionPlan> plans,
      double p,
      Slices slices,
      long budget,
      String weightVariable,
      CancellationToken cancel) {
    WeightedQuantiles.Walk walk = new WeightedQuantiles.Walk(plans, p);
    walk(slices, budget, WeightedQuantiles.leafCount(plans), weightVariable, walk, cancel);
    return walk.result();
  }

  /**
   * Feeds every record (with a leaf cell and a weight above 0) to {@code walk} in the order of
   * (value, weight), a window of the order per pass over the slices, as {@link
   * WeightedQuantiles#walk} does in memory; stops once the walk is settled.
   *
   * @param budget most entries of a window (raised to a few per leaf cell: records tied in value
   *     and weight are one entry per leaf cell and never split between windows)
   * @param leafCells the number of leaf cells
   */
  static void walk(
      Slices slices,
      long budget,
      int leafCells,
      String weightVariable,
      ValueOrderWalk walk,
      CancellationToken cancel) {
    int capacity = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(budget, 4L * leafCells + 16));
    double start = walk.startsAfter();
    if (start == start) {
      stepsAfter(slices, start, capacity, weightVariable, walk, cancel);
      return;
    }
    // the last entry of each window: the second walk gathers the same windows without selecting
    List<long[]> ends = new ArrayList<>();
    long[] after = null;
    while (true) {
      cancel.throwIfCancelled();
      Window w = gather(slices, after, null, capacity, weightVariable);
      for (int j = 0; j < w.size; j++) {
        double weight = Double.longBitsToDouble(w.wk[j]);
        for (long r = 0; r < w.n[j]; r++) {
          walk.addToTotal(weight, w.c[j]);
        }
      }
      if (w.size > 0) {
        after = w.last();
        ends.add(after);
      }
      if (!w.truncated) {
        break;
      }
    }
    after = null;
    for (long[] end : ends) {
      if (walk.settled()) {
        break;
      }
      cancel.throwIfCancelled();
      Window w = gather(slices, after, end, capacity, weightVariable);
      for (int j = 0; j < w.size; j++) {
        double x = fromKey(w.vk[j]);
        double weight = Double.longBitsToDouble(w.wk[j]);
        for (long r = 0; r < w.n[j]; r++) {
          walk.step(x, weight, w.c[j]);
        }
      }
      after = end;
    }
  }

  /**
   * The steps of a walk that needs no totals, from the records after the value {@code start}: a
   * window of the order per pass over the slices, each selected as the totals' windows are, until
   * the walk is settled or the records end. The same steps in the same order as from the first.
   */
  private static void stepsAfter(
      Slices slices,
      double start,
      int capacity,
      String weightVariable,
      ValueOrderWalk walk,
      CancellationToken cancel) {
    // after every record of value start, whatever its weight (weights are above 0: +infinity's
    // bits are above every finite weight's)
    long[] after = {key(start), Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)};
    while (!walk.settled()) {
      cancel.throwIfCancelled();
      Window w = gather(slices, after, null, capacity, weightVariable);
      for (int j = 0; j < w.size && !walk.settled(); j++) {
        double x = fromKey(w.vk[j]);
        double weight = Double.longBitsToDouble(w.wk[j]);
        for (long r = 0; r < w.n[j]; r++) {
          walk.step(x, weight, w.c[j]);
        }
      }
      if (!w.truncated || w.size == 0) {
        break;
      }
      after = w.last();
    }
  }

  /**
   * One pass: the records after {@code after} (exclusive; null = from the first) and up to {@code
   * upTo} (inclusive; null = as many as fit), sorted and merged into entries.
   */
  private static Window gather(
      Slices slices, long[] after, long[] upTo, int capacity, String weightVariable) {
    Window w = new Window(capacity, upTo);
    slices.each(
        (leafCells, values, weights, rows) -> {
          for (int i = 0; i < rows; i++) {
            int c = leafCells[i];
            if (c == 0 || !WeightedQuantiles.counts(weights[i], weightVariable)) {
              continue;
            }
            long vk = key(values[i]);
            long wk = Double.doubleToRawLongBits(weights[i]);
            if (after != null && compare(vk, wk, 0, after[0], after[1], 0) <= 0) {
              continue;
            }
            w.add(vk, wk, c);
          }
        });
    w.finish();
    return w;
  }

  /** Entries (value key, weight bits, leaf cell, count), sorted and merged when full. */
  private static final class Window {
    final int capacity;
    long[] vk;
    long[] wk;
    int[] c;
    long[] n;
    int size;
    long[] cutoff; // records above it do not belong to this window; null = none yet
    boolean truncated;

    /**
     * Whether the window's end is given (the second walk): then it is never cut, and its records
     * merge into at most the entries they merged into in the first walk, which left a quarter of
     * the capacity free, so they always fit.
     */
    final boolean fixed;

    Window(int capacity, long[] upTo) {
      this.capacity = capacity;
      this.cutoff = upTo;
      this.fixed = upTo != null;
      vk = new long[capacity];
      wk = new long[capacity];
      c = new int[capacity];
      n = new long[capacity];
    }

    void add(long v, long w, int cell) {
      if (cutoff != null && compare(v, w, 0, cutoff[0], cutoff[1], 0) > 0) {
        return;
      }
      if (size == capacity) {
        compact();
        if (!fixed && size > capacity / 2) {
          truncate();
          if (compare(v, w, 0, cutoff[0], cutoff[1], 0) > 0) {
            return;
          }
        }
      }
      vk[size] = v;
      wk[size] = w;
      c[size] = cell;
      n[size] = 1;
      size++;
    }

    /** After the pass: sorted and merged, at most three quarters full (see {@link #fixed}). */
    void finish() {
      compact();
      if (!fixed && size > capacity / 4 * 3) {
        truncate();
      }
    }

    /**
     * Keeps the first half of the order (with all entries tied in value and weight with its last
     * one) and leaves the rest to the next window. Needs {@link #compact} first.
     */
    private void truncate() {
      long cv = vk[capacity / 2 - 1];
      long cw = wk[capacity / 2 - 1];
      int keep = capacity / 2;
      while (keep < size && vk[keep] == cv && wk[keep] == cw) {
        keep++;
      }
      size = keep;
      cutoff = new long[] {cv, cw};
      truncated = true;
    }

    /** Sorts by (value, weight, cell) and merges equal entries. */
    void compact() {
      sort(size);
      int out = 0;
      for (int i = 0; i < size; i++) {
        if (out > 0 && vk[out - 1] == vk[i] && wk[out - 1] == wk[i] && c[out - 1] == c[i]) {
          n[out - 1] += n[i];
        } else {
          vk[out] = vk[i];
          wk[out] = wk[i];
          c[out] = c[i];
          n[out] = n[i];
          out++;
        }
      }
      size = out;
    }

    long[] last() {
      return new long[] {vk[size - 1], wk[size - 1]};
    }

    /** Bottom-up merge sort of the first {@code len} entries by (value key, weight bits, cell). */
    private void sort(int len) {
      long[] v1 = vk;
      long[] w1 = wk;
      int[] c1 = c;
      long[] n1 = n;
      long[] v2 = new long[len];
      long[] w2 = new long[len];
      int[] c2 = new int[len];
      long[] n2 = new long[len];
      for (int width = 1; width < len; width *= 2) {
        for (int lo = 0; lo < len; lo += 2 * width) {
          int mid = Math.min(lo + width, len);
          int hi = Math.min(lo + 2 * width, len);
          int i = lo;
          int j = mid;
          for (int o = lo; o < hi; o++) {
            int k;
            if (j >= hi || i < mid && compare(v1[i], w1[i], c1[i], v1[j], w1[j], c1[j]) <= 0) {
              k = i++;
            } else {
              k = j++;
            }
            v2[o] = v1[k];
            w2[o] = w1[k];
            c2[o] = c1[k];
            n2[o] = n1[k];
          }
        }
        long[] tv = v1;
        v1 = v2;
        v2 = tv;
        long[] tw = w1;
        w1 = w2;
        w2 = tw;
        int[] tc = c1;
        c1 = c2;
        c2 = tc;
        long[] tn = n1;
        n1 = n2;
        n2 = tn;
      }
      if (v1 != vk) {
        System.arraycopy(v1, 0, vk, 0, len);
        System.arraycopy(w1, 0, wk, 0, len);
        System.arraycopy(c1, 0, c, 0, len);
        System.arraycopy(n1, 0, n, 0, len);
      }
    }
  }

  private static int compare(long v1, long w1, int c1, long v2, long w2, int c2) {
    int r = Long.compare(v1, v2);
    if (r == 0) {
      r = Long.compare(w1, w2);
    }
    return r != 0 ? r : Integer.compare(c1, c2);
  }

  /**
   * An order-preserving key of a value that is not NaN, in the order of {@link Double#compare}
   * ({@code -0.0} before {@code 0.0}, as the in-memory sort has them).
   */
  static long key(double x) {
    long bits = Double.doubleToRawLongBits(x);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The value of a {@link #key}. */
  static double fromKey(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }
}
