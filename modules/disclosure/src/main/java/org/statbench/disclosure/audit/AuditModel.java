package org.statbench.disclosure.audit;

import java.util.Arrays;
import org.statbench.core.table.Table;

/**
 * The audit's linear system for one suppression pattern: one variable per suppressed cell (bounded
 * below by 0, or unbounded below when the cell's value may be negative), one equation per relation
 * that involves a suppressed cell, with the published cells moved to the right-hand side. Variables
 * are bounded above by a large constant {@link #big()} so that solvers never see an unbounded
 * programme; an optimum at that bound means "unbounded". Immutable after construction.
 */
public final class AuditModel {
  private final int[] cellOfVar;
  private final int[] varOfCell;
  private final double[] lower;
  private final double big;

  /** Per equation: variables, coefficients, right-hand side. */
  private final int[][] eqVars;

  private final double[][] eqCoefs;
  private final double[] rhs;

  /**
   * @param s the table's structure
   * @param suppressed per cell whether it is suppressed
   */
  public AuditModel(TableStructure s, boolean[] suppressed) {
    Table t = s.table();
    int n = t.cellCount();
    varOfCell = new int[n];
    Arrays.fill(varOfCell, -1);
    int nv = 0;
    for (int i = 0; i < n; i++) {
      if (suppressed[i]) {
        varOfCell[i] = nv++;
      }
    }
    cellOfVar = new int[nv];
    lower = new double[nv];
    double absSum = 0;
    for (int i = 0; i < n; i++) {
      double v = t.value(i);
      if (!Double.isNaN(v)) {
        absSum += Math.abs(v);
      }
    }
    big = 4 * absSum + 1e6;
    for (int i = 0; i < n; i++) {
      int v = varOfCell[i];
      if (v >= 0) {
        cellOfVar[v] = i;
        lower[v] = mayBeNegative(t, i) ? -big : 0;
      }
    }
    // Collect the relations touching suppressed cells, without duplicates, in a stable order.
    long[] keys = new long[Math.max(16, nv * 2 * s.dimensions())];
    int[] nk = {0};
    for (int v = 0; v < nv; v++) {
      s.relationsOf(
          cellOfVar[v],
          k -> {
            if (nk[0] == keys.length) {
              throw new IllegalStateException();
            }
            keys[nk[0]++] = k;
          });
    }
    long[] uniq = Arrays.stream(keys, 0, nk[0]).sorted().distinct().toArray();
    eqVars = new int[uniq.length][];
    eqCoefs = new double[uniq.length][];
    rhs = new double[uniq.length];
    for (int e = 0; e < uniq.length; e++) {
      int[] cells = s.relationCells(uniq[e]);
      int cnt = 0;
      for (int c : cells) {
        if (varOfCell[c] >= 0) {
          cnt++;
        }
      }
      int[] vs = new int[cnt];
      double[] cs = new double[cnt];
      double r = 0;
      int k = 0;
      for (int j = 0; j < cells.length; j++) {
        double coef = j == 0 ? 1 : -1;
        int c = cells[j];
        if (varOfCell[c] >= 0) {
          vs[k] = varOfCell[c];
          cs[k++] = coef;
        } else {
          r -= coef * t.value(c);
        }
      }
      eqVars[e] = vs;
      eqCoefs[e] = cs;
      rhs[e] = r;
    }
  }

  private static boolean mayBeNegative(Table t, int i) {
    return t.hasNegative(i) || t.value(i) < 0;
  }

  /** Number of variables (suppressed cells). */
  public int variables() {
    return cellOfVar.length;
  }

  /** Number of equations. */
  public int equations() {
    return rhs.length;
  }

  /** The cell of a variable. */
  public int cell(int var) {
    return cellOfVar[var];
  }

  /** The variable of a cell, or -1 when the cell is published. */
  public int var(int cell) {
    return varOfCell[cell];
  }

  /** Lower bound of a variable: 0, or {@code -big()} when the cell may be negative. */
  public double lower(int var) {
    return lower[var];
  }

  /** The common upper bound (and magnitude of the lower bound of cells that may be negative). */
  public double big() {
    return big;
  }

  /** Variables of equation {@code e}; shared array. */
  public int[] eqVars(int e) {
    return eqVars[e];
  }

  /** Coefficients of equation {@code e}; shared array. */
  public double[] eqCoefs(int e) {
    return eqCoefs[e];
  }

  /** Right-hand side of equation {@code e}. */
  public double rhs(int e) {
    return rhs[e];
  }
}
