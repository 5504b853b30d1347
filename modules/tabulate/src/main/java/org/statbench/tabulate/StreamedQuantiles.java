package org.statbench.tabulate;

import java.util.Arrays;
import java.util.List;
import org.statbench.core.CancellationToken;

/**
 * Exact percentiles (medians included) of every cell of a streamed table, in bounded memory, by
 * multi-pass selection (see docs/decisions/0013-stream-tables-larger-than-the-heap.md). The
 * accumulation pass already gave each cell (margins included) its count {@code n} and its minimum
 * and maximum, hence the ranks the definition in {@link Quantiles} asks for ({@code x_k}, and
 * {@code x_{k+1}} when {@code n p / 100} is whole). Each further pass over the records counts, per
 * wanted rank, the cell's values that fall in that rank's current range into equal buckets of the
 * values' order-preserving 64-bit keys, and narrows the range to the bucket holding the rank. A
 * range shrinks by the bucket count every pass, so it reaches a single key (the value itself) after
 * a few passes ({@code ceil(64 / log2(buckets))} at most, usually three or four from the cell's
 * minimum and maximum). The heap holds a few longs per cell and the buckets of the ranks still
 * open, whatever the number of records.
 *
 * <p>The value is the one the in-memory selection returns, and the midpoint is formed the same way,
 * so both paths agree to the last bit (a {@code -0.0} comes back as {@code 0.0}; the two compare
 * equal and the in-memory result between them depends on the order of the records anyway).
 */
final class StreamedQuantiles {
  private StreamedQuantiles() {}

  /** Most buckets per open rank and pass. */
  static final int MAX_BUCKETS = 1024;

  /** Receives each slice's records: their leaf cell (0 = dropped) and measure value. */
  interface SliceVisitor {
    void visit(int[] leafCells, double[] values, int rows);
  }

  /** One pass over all the records, slice by slice. */
  interface Slices {
    void each(SliceVisitor visitor);
  }

  /**
   * The percentile {@code p} of every full-cube cell.
   *
   * @param cube the accumulated cube (counts, minima and maxima of the measure per cell)
   * @param bucketBudget most bucket counters held at once (at least 2 per open rank are used)
   * @return per full-cube cell the percentile, NaN when empty
   */
  static double[] compute(
      List<DimensionPlan> plans,
      Cube cube,
      double p,
      Slices slices,
      long bucketBudget,
      CancellationToken cancel) {
    int cells = cube.cells;
    // two ranks per cell: slot 2f is x_k, slot 2f+1 is x_{k+1} (rank 0 when not needed)
    long[] rank = new long[2 * cells];
    long[] lo = new long[2 * cells];
    long[] hi = new long[2 * cells];
    long[] below = new long[2 * cells];
    for (int f = 0; f < cells; f++) {
      long n = cube.count[f];
      if (n == 0) {
        continue;
      }
      double h = n * p / 100.0;
      double fl = Math.floor(h);
      if (h == fl) {
        long k = (long) fl;
        if (k < 1) {
          rank[2 * f] = 1;
        } else if (k >= n) {
          rank[2 * f] = n;
        } else {
          rank[2 * f] = k;
          rank[2 * f + 1] = k + 1;
        }
      } else {
        rank[2 * f] = Math.min(Math.max((long) Math.ceil(h), 1), n);
      }
      for (int s = 2 * f; s <= 2 * f + 1; s++) {
        lo[s] = key(cube.min[f]);
        hi[s] = key(cube.max[f]);
      }
    }
    int[] fullStride = fullStrides(plans);
    int[] ls = Cube.leafStrides(plans);
    int[][] targetCache = new int[WeightedQuantiles.leafCount(plans) + 1][];
    int[] open = new int[2 * cells]; // per slot its index among the open ones, or -1
    while (true) {
      cancel.throwIfCancelled();
      int active = 0;
      for (int s = 0; s < 2 * cells; s++) {
        open[s] = rank[s] != 0 && lo[s] != hi[s] ? active++ : -1;
      }
      if (active == 0) {
        break;
      }
      int b = (int) Math.max(2, Math.min(MAX_BUCKETS, bucketBudget / active));
      long[] width = new long[2 * cells];
      for (int s = 0; s < 2 * cells; s++) {
        if (open[s] >= 0) {
          width[s] = Long.divideUnsigned(hi[s] - lo[s], b) + 1;
        }
      }
      long[] hist = new long[Math.multiplyExact(active, b)];
      int buckets = b;
      slices.each(
          (leafCells, values, rows) -> {
            for (int i = 0; i < rows; i++) {
              int c = leafCells[i];
              if (c == 0) {
                continue;
              }
              long x = key(values[i]);
              for (int f : WeightedQuantiles.targets(targetCache, c, plans, ls, fullStride)) {
                for (int s = 2 * f; s <= 2 * f + 1; s++) {
                  int a = open[s];
                  long d = x - lo[s];
                  if (a >= 0 && Long.compareUnsigned(d, hi[s] - lo[s]) <= 0) {
                    hist[a * buckets + (int) Long.divideUnsigned(d, width[s])]++;
                  }
                }
              }
            }
          });
      for (int s = 0; s < 2 * cells; s++) {
        if (open[s] >= 0) {
          narrow(s, hist, open[s] * b, b, width[s], rank, lo, hi, below);
        }
      }
    }
    double[] out = new double[cells];
    Arrays.fill(out, Double.NaN);
    for (int f = 0; f < cells; f++) {
      if (rank[2 * f] == 0) {
        continue;
      }
      double x = fromKey(lo[2 * f]);
      out[f] = rank[2 * f + 1] == 0 ? x : (x + fromKey(lo[2 * f + 1])) / 2;
    }
    return out;
  }

  /**
   * The number of distinct values of every full-cube cell, exactly, in bounded memory: a pass holds
   * the distinct (cell, value) pairs of one part of the values (split by a hash of the value) in a
   * set of at most {@code budget} pairs and counts each pair once. With one part the pairs of all
   * the values must fit; when they do not, the count starts again with twice as many parts (and
   * passes), each holding about half as many pairs. Nothing is written to disk. Values are compared
   * as the in-memory count compares them ({@code -0.0} equals {@code 0.0}).
   *
   * @param budget most pairs held at once (at least 1)
   * @return per full-cube cell the count of distinct values, 0 when empty
   */
  static double[] distinctCounts(
      List<DimensionPlan> plans, Cube cube, Slices slices, int budget, CancellationToken cancel) {
    int cells = cube.cells;
    int[] fullStride = fullStrides(plans);
    int[] ls = Cube.leafStrides(plans);
    int[][] targetCache = new int[WeightedQuantiles.leafCount(plans) + 1][];
    long[] count = new long[cells];
    for (int parts = 1; ; parts *= 2) {
      Arrays.fill(count, 0);
      int mask = parts - 1;
      try {
        for (int part = 0; part < parts; part++) {
          cancel.throwIfCancelled();
          int wanted = part;
          PairSet seen = new PairSet(budget);
          slices.each(
              (leafCells, values, rows) -> {
                for (int i = 0; i < rows; i++) {
                  int c = leafCells[i];
                  if (c == 0) {
                    continue;
                  }
                  long x = key(values[i]);
                  if ((int) (mix(x) >>> 40 & mask) != wanted) {
                    continue;
                  }
                  for (int f : WeightedQuantiles.targets(targetCache, c, plans, ls, fullStride)) {
                    if (seen.add(f, x)) {
                      count[f]++;
                    }
                  }
                }
              });
        }
      } catch (PairSet.Full full) {
        if (parts >= 1 << 20) {
          throw new IllegalStateException("distinct values do not fit in 2^20 passes", full);
        }
        continue;
      }
      double[] out = new double[cells];
      for (int f = 0; f < cells; f++) {
        out[f] = count[f];
      }
      return out;
    }
  }

  /** MurmurHash3's 64-bit finaliser: every bit of the key reaches every bit of the hash. */
  private static long mix(long x) {
    long h = x;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }

  /** A set of (cell, value key) pairs in open addressing, refusing to grow past its budget. */
  private static final class PairSet {
    /** Thrown when the set would exceed its budget. */
    static final class Full extends RuntimeException {
      Full() {
        super("pair set full", null, false, false);
      }
    }

    private final int budget;
    private final long[] keys;
    private final int[] cells; // cell + 1; 0 = free
    private final int mask;
    private int size;

    PairSet(int budget) {
      this.budget = budget;
      int cap = Integer.highestOneBit(Math.max(2, budget) * 2 - 1) << 1;
      keys = new long[cap];
      cells = new int[cap];
      mask = cap - 1;
    }

    /** Adds the pair; true when it was new. */
    boolean add(int cell, long key) {
      int i = (int) mix(key ^ cell * 0xC2B2AE3D27D4EB4FL) & mask;
      while (cells[i] != 0) {
        if (cells[i] == cell + 1 && keys[i] == key) {
          return false;
        }
        i = (i + 1) & mask;
      }
      if (size == budget) {
        throw new Full();
      }
      cells[i] = cell + 1;
      keys[i] = key;
      size++;
      return true;
    }
  }

  /** Narrows slot {@code s}'s range to the bucket holding its rank. */
  private static void narrow(
      int s,
      long[] hist,
      int base,
      int b,
      long width,
      long[] rank,
      long[] lo,
      long[] hi,
      long[] below) {
    long need = rank[s] - below[s];
    long cum = 0;
    for (int j = 0; j < b; j++) {
      long inBucket = hist[base + j];
      if (cum + inBucket >= need) {
        long span = hi[s] - lo[s];
        long from = j * width; // <= span: a value fell in this bucket
        below[s] += cum;
        if (Long.compareUnsigned(span - from, width - 1) > 0) {
          hi[s] = lo[s] + from + width - 1;
        }
        lo[s] = lo[s] + from;
        return;
      }
      cum += inBucket;
    }
    throw new IllegalStateException("a cell holds fewer values than its count");
  }

  private static int[] fullStrides(List<DimensionPlan> plans) {
    int nd = plans.size();
    int[] fullStride = new int[nd];
    int cells = 1;
    for (int d = nd - 1; d >= 0; d--) {
      fullStride[d] = cells;
      cells = Math.multiplyExact(cells, plans.get(d).fullSize());
    }
    return fullStride;
  }

  /** An order-preserving key of a value that is not NaN ({@code -0.0} as {@code 0.0}). */
  static long key(double x) {
    long bits = Double.doubleToRawLongBits(x + 0.0);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The value of a {@link #key}. */
  static double fromKey(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }
}
