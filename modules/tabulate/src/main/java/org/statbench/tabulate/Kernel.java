package org.statbench.tabulate;

import java.util.Arrays;
import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.table.Table;

// Size (near 500 lines): the hot loops for every accumulation mode live in one class on purpose
// (small static methods the JIT compiles early, sharing the chunked cell computation); its set-up
// is in KernelSetUp and the streamed driver in StreamedTabulation.

/**
 * The columnar kernel: one pass over the records, a chunk at a time. For each chunk it computes
 * every record's leaf cell from the dimensions' slot maps (one small loop per dimension), zeroes
 * the cell of records a filter drops (cell 0 is the discard bin; leaf cells start at 1), then
 * accumulates the measure. Hot loops live in small static methods so the JIT compiles them early.
 */
final class Kernel {
  static final int CHUNK = 4096;
  static final int TOP = Table.TOP_CONTRIBUTIONS;

  /** A dimension or code filter read through a slot map. */
  record CodePass(byte[] bytes, int[] ints, int[] map) {
    static CodePass of(EncodedColumn col, int[] map) {
      return new CodePass(col.bytes, col.ints, map);
    }
  }

  /** A numeric range filter. */
  record RangePass(double[] values, double lo, double hi) {}

  /** A date range filter on epoch days. */
  record DayPass(int[] days, int lo, int hi) {}

  /** What to accumulate. */
  enum Mode {
    COUNT,
    MAGNITUDE,
    COUNT_ONLY_WITH_VALUES
  }

  final int rows;
  final int cells; // leaf cells + 1 (discard bin)
  final List<CodePass> dims;
  final List<CodePass> codeFilters;
  final List<RangePass> rangeFilters;
  final List<DayPass> dayFilters;
  final double[] values; // measure values (NaN = missing) or null for counts
  final double[] weights; // cleaned weights (no NaN) or null

  // accumulators, indexed by cell (0 = discard); shared with the next slice's kernel when streaming
  int[] counts;
  double[] sum;
  double[] wsum;
  double[] min;
  double[] max;
  double[] top;
  boolean[] negative;

  Kernel(
      int rows,
      int cells,
      List<CodePass> dims,
      List<CodePass> codeFilters,
      List<RangePass> rangeFilters,
      List<DayPass> dayFilters,
      double[] values,
      double[] weights) {
    this.rows = rows;
    this.cells = cells;
    this.dims = dims;
    this.codeFilters = codeFilters;
    this.rangeFilters = rangeFilters;
    this.dayFilters = dayFilters;
    this.values = values;
    this.weights = weights;
    this.counts = new int[cells];
  }

  /**
   * Makes this kernel (over the next slice of records, same cells and measure) add into {@code
   * previous}'s accumulators instead of starting from zero: a table over columns too large for the
   * heap is then accumulated one slice at a time.
   */
  void continueFrom(Kernel previous) {
    if (previous.cells != cells) {
      throw new IllegalArgumentException("kernels of different cubes");
    }
    counts = previous.counts;
    sum = previous.sum;
    wsum = previous.wsum;
    min = previous.min;
    max = previous.max;
    top = previous.top;
    negative = previous.negative;
  }

  /** Runs the accumulation pass (adding to the accumulators of {@link #continueFrom}, if any). */
  void run(CancellationToken cancel) {
    if (values == null
        && weights == null
        && codeFilters.isEmpty()
        && rangeFilters.isEmpty()
        && dayFilters.isEmpty()
        && dims.size() == 2
        && dims.get(0).bytes() != null
        && dims.get(1).bytes() != null) {
      countBytePairs(cancel);
      counts[0] = 0;
      return;
    }
    boolean magnitude = values != null;
    if (weights != null && wsum == null) {
      wsum = new double[cells];
    }
    if (magnitude && sum == null) { // unweighted: the count is the weight sum (no wsum)
      sum = new double[cells];
      min = new double[cells];
      max = new double[cells];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
      top = new double[cells * TOP];
      Arrays.fill(top, -1);
      negative = new boolean[cells];
    }
    int[] idx = new int[CHUNK];
    int chunkNo = 0;
    for (int start = 0; start < rows; start += CHUNK) {
      if ((++chunkNo & 63) == 0) {
        cancel.throwIfCancelled();
      }
      int len = Math.min(CHUNK, rows - start);
      cellsOf(idx, start, len);
      if (!magnitude) {
        if (weights == null) {
          countCells(idx, len, counts);
        } else {
          countWeighted(idx, start, len, counts, weights, wsum);
        }
      } else if (weights == null) {
        accumulate(idx, start, len, values, counts, sum, min, max, top, negative);
      } else {
        accumulateWeighted(
            idx, start, len, values, weights, counts, sum, wsum, min, max, top, negative);
      }
    }
    counts[0] = 0;
  }

  /**
   * A count by two byte-coded dimensions (the commonest table): one loop over the records builds
   * the 256 x 256 histogram of code pairs, which is then folded into cells through the slot maps
   * (the cell of a pair is the sum of the two maps' entries, as in {@link #cellsOf}). One loop
   * instead of three matters most in a new process, where the first passes run interpreted.
   */
  private void countBytePairs(CancellationToken cancel) {
    byte[] a = dims.get(0).bytes();
    byte[] b = dims.get(1).bytes();
    int[] mapA = dims.get(0).map();
    int[] mapB = dims.get(1).map();
    int[] pairs = new int[1 << 16];
    int step = CHUNK * 64; // cancellation is polled as often as in the general pass
    for (int start = 0; start < rows; start += step) {
      cancel.throwIfCancelled();
      pairHistogram(a, b, start, Math.min(rows, start + step), pairs);
    }
    for (int x = 0; x < 256; x++) {
      for (int y = 0; y < 256; y++) {
        int n = pairs[x << 8 | y];
        if (n != 0) {
          counts[mapA[x] + mapB[y]] += n;
        }
      }
    }
  }

  private static void pairHistogram(byte[] a, byte[] b, int start, int end, int[] pairs) {
    for (int i = start; i < end; i++) {
      pairs[(a[i] & 0xFF) << 8 | (b[i] & 0xFF)]++;
    }
  }

  /**
   * Gathers the measure values by leaf cell (a counting sort): returns the values and fills {@code
   * offsets} (length cells + 1) so that cell {@code c}'s values are {@code [offsets[c],
   * offsets[c+1])}. Needs {@link #run} first.
   */
  double[] valuesByCell(int[] offsets, CancellationToken cancel) {
    int total = 0;
    for (int c = 1; c < cells; c++) {
      offsets[c] = total;
      total += counts[c];
    }
    offsets[cells] = total;
    offsets[0] = 0;
    int[] pos = Arrays.copyOf(offsets, cells);
    double[] out = new double[total];
    int[] idx = new int[CHUNK];
    int chunkNo = 0;
    for (int start = 0; start < rows; start += CHUNK) {
      if ((++chunkNo & 63) == 0) {
        cancel.throwIfCancelled();
      }
      int len = Math.min(CHUNK, rows - start);
      cellsOf(idx, start, len);
      scatter(idx, start, len, values, pos, out);
    }
    return out;
  }

  /**
   * Each record's leaf cell (0 = dropped by a filter or a missing measure value), for measures
   * computed from the records in their own order (weighted percentiles).
   */
  int[] leafCells(CancellationToken cancel) {
    int[] out = new int[rows];
    int[] idx = new int[CHUNK];
    int chunkNo = 0;
    for (int start = 0; start < rows; start += CHUNK) {
      if ((++chunkNo & 63) == 0) {
        cancel.throwIfCancelled();
      }
      int len = Math.min(CHUNK, rows - start);
      cellsOf(idx, start, len);
      System.arraycopy(idx, 0, out, start, len);
    }
    return out;
  }

  /**
   * Per leaf cell a histogram of value ranks: {@code hist[(c - 1) * r + rank]} counts the records
   * of leaf cell {@code c} whose value has that rank. Needs {@link #run} first (for nothing but the
   * filters it shares).
   */
  int[] rankHistograms(int[] ranks, int r, CancellationToken cancel) {
    int[] hist = new int[Math.multiplyExact(cells - 1, r)];
    int[] idx = new int[CHUNK];
    int chunkNo = 0;
    for (int start = 0; start < rows; start += CHUNK) {
      if ((++chunkNo & 63) == 0) {
        cancel.throwIfCancelled();
      }
      int len = Math.min(CHUNK, rows - start);
      cellsOf(idx, start, len);
      histogram(idx, start, len, ranks, r, hist);
    }
    return hist;
  }

  private static void histogram(int[] idx, int start, int len, int[] ranks, int r, int[] hist) {
    for (int j = 0; j < len; j++) {
      int c = idx[j];
      if (c != 0) {
        hist[(c - 1) * r + ranks[start + j]]++;
      }
    }
  }

  /** The leaf cell (0 = dropped) of each record of the chunk. */
  private void cellsOf(int[] idx, int start, int len) {
    if (dims.isEmpty()) {
      Arrays.fill(idx, 0, len, 1);
    } else {
      for (int d = 0; d < dims.size(); d++) {
        CodePass p = dims.get(d);
        if (p.bytes() != null) {
          if (d == 0) {
            setByte(p.bytes(), p.map(), idx, start, len);
          } else {
            addByte(p.bytes(), p.map(), idx, start, len);
          }
        } else if (d == 0) {
          setInt(p.ints(), p.map(), idx, start, len);
        } else {
          addInt(p.ints(), p.map(), idx, start, len);
        }
      }
    }
    for (CodePass f : codeFilters) {
      if (f.bytes() != null) {
        maskByte(f.bytes(), f.map(), idx, start, len);
      } else {
        maskInt(f.ints(), f.map(), idx, start, len);
      }
    }
    for (RangePass r : rangeFilters) {
      maskRange(r.values(), r.lo(), r.hi(), idx, start, len);
    }
    for (DayPass r : dayFilters) {
      maskDays(r.days(), r.lo(), r.hi(), idx, start, len);
    }
    if (values != null) {
      maskPresent(values, idx, start, len);
    }
  }

  private static void setByte(byte[] codes, int[] map, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      idx[j] = map[codes[start + j] & 0xFF];
    }
  }

  private static void addByte(byte[] codes, int[] map, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      idx[j] += map[codes[start + j] & 0xFF];
    }
  }

  private static void setInt(int[] codes, int[] map, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      idx[j] = map[codes[start + j] + 1];
    }
  }

  private static void addInt(int[] codes, int[] map, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      idx[j] += map[codes[start + j] + 1];
    }
  }

  private static void maskByte(byte[] codes, int[] mask, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      idx[j] &= mask[codes[start + j] & 0xFF];
    }
  }

  private static void maskInt(int[] codes, int[] mask, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      idx[j] &= mask[codes[start + j] + 1];
    }
  }

  private static void maskRange(double[] v, double lo, double hi, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      double x = v[start + j];
      idx[j] &= (x >= lo && x <= hi) ? -1 : 0;
    }
  }

  private static void maskDays(int[] v, int lo, int hi, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      int x = v[start + j];
      idx[j] &= (x >= lo && x <= hi) ? -1 : 0;
    }
  }

  private static void maskPresent(double[] v, int[] idx, int start, int len) {
    for (int j = 0; j < len; j++) {
      double x = v[start + j];
      idx[j] &= (x == x) ? -1 : 0;
    }
  }

  private static void countCells(int[] idx, int len, int[] counts) {
    for (int j = 0; j < len; j++) {
      counts[idx[j]]++;
    }
  }

  private static void countWeighted(
      int[] idx, int start, int len, int[] counts, double[] w, double[] wsum) {
    for (int j = 0; j < len; j++) {
      int c = idx[j];
      counts[c]++;
      wsum[c] += w[start + j];
    }
  }

  private static void accumulate(
      int[] idx,
      int start,
      int len,
      double[] v,
      int[] counts,
      double[] sum,
      double[] min,
      double[] max,
      double[] top,
      boolean[] negative) {
    for (int j = 0; j < len; j++) {
      int c = idx[j];
      if (c == 0) {
        continue;
      }
      double x = v[start + j];
      counts[c]++;
      sum[c] += x;
      if (x < min[c]) {
        min[c] = x;
      }
      if (x > max[c]) {
        max[c] = x;
      }
      if (x < 0) {
        negative[c] = true;
      }
      double a = Math.abs(x);
      if (a > top[c * TOP + TOP - 1]) {
        insertTop(top, c * TOP, a);
      }
    }
  }

  private static void accumulateWeighted(
      int[] idx,
      int start,
      int len,
      double[] v,
      double[] w,
      int[] counts,
      double[] sum,
      double[] wsum,
      double[] min,
      double[] max,
      double[] top,
      boolean[] negative) {
    for (int j = 0; j < len; j++) {
      int c = idx[j];
      if (c == 0) {
        continue;
      }
      double x = v[start + j];
      double wt = w[start + j];
      double contribution = x * wt;
      counts[c]++;
      sum[c] += contribution;
      wsum[c] += wt;
      if (x < min[c]) {
        min[c] = x;
      }
      if (x > max[c]) {
        max[c] = x;
      }
      if (contribution < 0) {
        negative[c] = true;
      }
      double a = Math.abs(contribution);
      if (a > top[c * TOP + TOP - 1]) {
        insertTop(top, c * TOP, a);
      }
    }
  }

  /** Inserts {@code a} into the descending list {@code top[base..base+TOP)}, dropping the last. */
  static void insertTop(double[] top, int base, double a) {
    int i = base + TOP - 1;
    while (i > base && top[i - 1] < a) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = a;
  }

  private static void scatter(int[] idx, int start, int len, double[] v, int[] pos, double[] out) {
    for (int j = 0; j < len; j++) {
      int c = idx[j];
      if (c != 0) {
        out[pos[c]++] = v[start + j];
      }
    }
  }
}
