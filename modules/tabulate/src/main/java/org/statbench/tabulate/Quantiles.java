package org.statbench.tabulate;

/**
 * Percentiles without boxing, by selection in place.
 *
 * <p>Definition (used for medians and every percentile, in both execution paths): for {@code n}
 * sorted values {@code x1 <= ... <= xn} and {@code 0 < p <= 100}, let {@code h = n * p / 100}. When
 * {@code h} is a whole number the percentile is the midpoint {@code (x_h + x_{h+1}) / 2} (with
 * {@code x_{n+1} = x_n}); otherwise it is {@code x_ceil(h)}. So the median of an even count is the
 * midpoint of the two middle values, and of an odd count the middle value. This is the "averaged
 * empirical distribution" definition, Hyndman and Fan type 2 (Commons Math {@code
 * Percentile.EstimationType.R_2}).
 */
final class Quantiles {
  private Quantiles() {}

  /**
   * The percentile {@code p} of {@code a[from..from+len)}, which may be reordered; NaN when {@code
   * len == 0}.
   */
  static double percentile(double[] a, int from, int len, double p) {
    if (len == 0) {
      return Double.NaN;
    }
    double h = len * p / 100.0;
    double fl = Math.floor(h);
    if (h == fl) {
      int k = (int) fl; // 1-based
      if (k < 1) {
        return select(a, from, len, 0);
      }
      if (k >= len) {
        return select(a, from, len, len - 1);
      }
      double lo = select(a, from, len, k - 1);
      // after selection everything right of position k-1 is >= it: the next value is their minimum
      double hi = a[from + k];
      for (int i = from + k + 1; i < from + len; i++) {
        if (a[i] < hi) {
          hi = a[i];
        }
      }
      return (lo + hi) / 2;
    }
    int k = (int) Math.ceil(h);
    return select(a, from, len, Math.min(Math.max(k, 1), len) - 1);
  }

  /**
   * The {@code k}-th smallest (0-based) of {@code a[from..from+len)}; reorders the range so that it
   * sits at {@code from+k} with smaller-or-equal values before and greater-or-equal after.
   */
  static double select(double[] a, int from, int len, int k) {
    int lo = from;
    int hi = from + len - 1;
    int target = from + k;
    while (hi - lo > 16) {
      int mid = (lo + hi) >>> 1;
      // median of three as pivot
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return a[target];
      }
    }
    // insertion sort of the small remaining range
    for (int i = lo + 1; i <= hi; i++) {
      double v = a[i];
      int j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
    return a[target];
  }

  /** Number of distinct values of {@code a[from..from+len)}, which is sorted in place. */
  static int distinct(double[] a, int from, int len) {
    if (len == 0) {
      return 0;
    }
    java.util.Arrays.sort(a, from, from + len);
    int d = 1;
    for (int i = from + 1; i < from + len; i++) {
      if (a[i] != a[i - 1]) {
        d++;
      }
    }
    return d;
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
