package org.statbench.tabulate.survey;

import org.statbench.tabulate.LeafAssignment;
import org.statbench.tabulate.ValueOrderWalk;

/**
 * The ends of quantiles' Woodruff intervals: per cell of a leaf assignment the weighted quantiles
 * at two probabilities of its own ({@code pLow}, {@code pHigh}), by the engine's weighted
 * percentile rule (records in the order of (value, weight); the value where the cumulative weight
 * first reaches {@code p W}, the midpoint with the next record's value when it equals {@code p W};
 * {@code W} itself for {@code p >= 1}). Fed in memory or streamed ({@link ValueOrderWalk}), the
 * same additions in the same order, so the same ends to the last bit. A probability that is NaN,
 * below 0 or above 1 is not walked (its end stays NaN).
 */
final class InverseWalk implements ValueOrderWalk {
  private final LeafAssignment la;
  private final double[][] p;
  private final double[] total;
  private final double[] cum;
  private final byte[][] state; // 0 searching, 1 waiting for the next value, 2 done
  private final double[][] at;
  private final double[][] out;
  private int open = -1; // ends not yet settled; -1 before the first step

  InverseWalk(LeafAssignment la, double[] pLow, double[] pHigh) {
    this.la = la;
    int cells = la.outputCellCount();
    p = new double[][] {pLow, pHigh};
    total = new double[cells];
    cum = new double[cells];
    state = new byte[2][cells];
    at = new double[2][cells];
    out = new double[2][cells];
    java.util.Arrays.fill(out[0], Double.NaN);
    java.util.Arrays.fill(out[1], Double.NaN);
  }

  @Override
  public void addToTotal(double weight, int leafCell) {
    for (int o : la.outputCells(leafCell)) {
      total[o] += weight;
    }
  }

  @Override
  public void step(double value, double weight, int leafCell) {
    if (open < 0) {
      open = 0;
      for (int e = 0; e < 2; e++) {
        for (int o = 0; o < total.length; o++) {
          double pe = p[e][o];
          if (pe >= 0 && pe <= 1 && total[o] > 0) {
            open++;
          } else {
            state[e][o] = 2;
          }
        }
      }
    }
    for (int o : la.outputCells(leafCell)) {
      if (state[0][o] == 0 || state[1][o] == 0) {
        cum[o] += weight;
      }
      for (int e = 0; e < 2; e++) {
        if (state[e][o] == 1) {
          out[e][o] = (at[e][o] + value) / 2;
          state[e][o] = 2;
          open--;
        } else if (state[e][o] == 0) {
          double t = p[e][o] >= 1 ? total[o] : total[o] * p[e][o];
          if (cum[o] >= t) {
            if (cum[o] == t) {
              at[e][o] = value;
              state[e][o] = 1;
            } else {
              out[e][o] = value;
              state[e][o] = 2;
              open--;
            }
          }
        }
      }
    }
  }

  @Override
  public boolean settled() {
    return open == 0;
  }

  /**
   * Per cell the quantile at {@code pLow} ([0]) and at {@code pHigh} ([1]), NaN when not walked.
   */
  double[][] ends() {
    for (int e = 0; e < 2; e++) {
      for (int o = 0; o < total.length; o++) {
        if (state[e][o] == 1) {
          out[e][o] = at[e][o];
        }
      }
    }
    return out;
  }
}
