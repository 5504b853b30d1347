package org.statbench.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.statbench.disclosure.audit.TableStructure;

/** Conventional rounding of counts to a base, margins independent or recomputed. */
final class Rounder {
  private Rounder() {}

  /** Nearest multiple of base, halves rounded up (12.5 to base 5 is 15; 2.5 is 5). */
  static double round(double v, int base) {
    if (Double.isNaN(v)) {
      return v;
    }
    return Math.floor(v / base + 0.5) * base;
  }

  /** Every cell rounded on its own. */
  static double[] independent(double[] values, int base) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = round(values[i], base);
    }
    return out;
  }

  /** Data cells rounded, every margin the sum of the rounded cells below it. */
  static double[] recomputed(TableStructure s, double[] values, int base) {
    int n = values.length;
    double[] out = new double[n];
    for (int c = 0; c < n; c++) {
      out[c] = s.marginDimensions(c) == 0 ? round(values[c], base) : 0;
    }
    for (int d = 0; d < s.dimensions(); d++) {
      // Deepest margins first so that a subtotal is complete before its parent uses it.
      List<Integer> margins = new ArrayList<>();
      for (int p = 0; p < s.size(d); p++) {
        if (s.children(d, p).length > 0) {
          margins.add(p);
        }
      }
      final int dd = d;
      margins.sort(
          Comparator.comparingInt((Integer p) -> -depth(s, dd, p)).thenComparingInt(p -> p));
      int stride = s.stride(d);
      for (int m : margins) {
        int[] ch = s.children(d, m);
        for (int c = 0; c < n; c++) {
          if (s.coord(c, d) != m) {
            continue;
          }
          double sum = 0;
          for (int k : ch) {
            sum += out[c + (k - m) * stride];
          }
          out[c] = sum;
        }
      }
    }
    return out;
  }

  private static int depth(TableStructure s, int d, int p) {
    int k = 0;
    for (int q = s.parent(d, p); q >= 0; q = s.parent(d, q)) {
      k++;
    }
    return k;
  }
}
