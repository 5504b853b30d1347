package org.statbench.tabulate;

import java.util.Arrays;
import org.statbench.core.data.NumericColumn;

/**
 * A numeric column as ranks into its sorted distinct values, for order statistics by histogram:
 * when a column has few distinct values (amounts in pence, ages), a per-cell histogram of ranks
 * gives every percentile and distinct count of every cell, margins included, without sorting or
 * moving values. Built once per column and cached by the {@link Tabulator}.
 */
final class RankedColumn {
  /** Sorted distinct values; rank r stands for {@code values[r]}. */
  final double[] values;

  /** Per record its rank, or -1 when missing. */
  final int[] ranks;

  private RankedColumn(double[] values, int[] ranks) {
    this.values = values;
    this.ranks = ranks;
  }

  /** Ranks a column, or returns null as soon as it has more than {@code maxDistinct} values. */
  static RankedColumn of(NumericColumn col, int maxDistinct) {
    double[] v = col.values();
    EncodedColumn.LongIntMap map = new EncodedColumn.LongIntMap();
    int[] codes = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      double d = v[i];
      if (d != d) {
        codes[i] = -1;
      } else {
        codes[i] = map.codeOf(Double.doubleToLongBits(d + 0.0));
        if (map.size() > maxDistinct) {
          return null;
        }
      }
    }
    long[] keys = map.keysInCodeOrder();
    double[] distinct = new double[keys.length];
    for (int c = 0; c < keys.length; c++) {
      distinct[c] = Double.longBitsToDouble(keys[c]);
    }
    double[] sorted = distinct.clone();
    Arrays.sort(sorted);
    int[] rankOfCode = new int[keys.length];
    for (int c = 0; c < keys.length; c++) {
      rankOfCode[c] = Arrays.binarySearch(sorted, distinct[c]);
    }
    for (int i = 0; i < codes.length; i++) {
      int c = codes[i];
      codes[i] = c < 0 ? -1 : rankOfCode[c];
    }
    return new RankedColumn(sorted, codes);
  }
}
