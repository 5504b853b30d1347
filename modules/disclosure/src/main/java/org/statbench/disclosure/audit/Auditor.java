package org.statbench.disclosure.audit;

import org.statbench.core.CancellationToken;
import org.statbench.core.table.Table;

/**
 * Audits a suppression pattern: for each suppressed cell the range of values an intruder can infer
 * from the published cells by additivity and non-negativity.
 *
 * <p>Known feasible points narrow the work: the true table itself, the certificates from the
 * suppression heuristic (feasible perturbations that keep every margin), and every LP solution so
 * far. A feasible value at a variable's bound proves that end of its interval, so that LP is
 * skipped; in certified mode a primary cell whose known feasible range already reaches its required
 * protection needs no LP at all.
 */
public final class Auditor {
  /** Patterns with at most this many suppressed cells use the pure-Java simplex. */
  public static final int SIMPLEX_LIMIT = 40;

  private Auditor() {}

  /**
   * The audit result.
   *
   * @param min per cell the lower end of its interval (NaN for published cells)
   * @param max per cell the upper end (NaN for published cells)
   * @param exact per cell whether both ends are LP optima (false: an inner bound)
   * @param certified primary cells proven protected without an LP
   * @param lpsSolved LPs solved
   * @param lpsSkipped LPs proven by an earlier solution
   * @param solver solver name, {@code none} when no LP ran
   * @param passed whether every cell reaches its required protection
   */
  public record Result(
      double[] min,
      double[] max,
      boolean[] exact,
      int certified,
      int lpsSolved,
      int lpsSkipped,
      String solver,
      boolean passed) {}

  /**
   * Audits a pattern.
   *
   * @param s the table's structure
   * @param suppressed per cell whether suppressed
   * @param reqLower per cell the required distance of the interval's minimum below the true value
   * @param reqUpper per cell the required distance of the maximum above it
   * @param reqWidth per cell the required width (all three 0 for cells without a requirement)
   * @param certLow per cell a certified feasible minimum (or NaN/null when none)
   * @param certHigh per cell a certified feasible maximum (or NaN/null when none)
   * @param exactAll true: exact intervals for every suppressed cell; false: LPs only for cells
   *     whose known feasible range does not prove their protection
   */
  public static Result audit(
      TableStructure s,
      boolean[] suppressed,
      double[] reqLower,
      double[] reqUpper,
      double[] reqWidth,
      double[] certLow,
      double[] certHigh,
      boolean exactAll,
      CancellationToken cancel) {
    Table t = s.table();
    int n = t.cellCount();
    AuditModel m = new AuditModel(s, suppressed);
    int nv = m.variables();
    double[] lo = new double[nv];
    double[] hi = new double[nv];
    boolean[] minExact = new boolean[nv];
    boolean[] maxExact = new boolean[nv];
    for (int v = 0; v < nv; v++) {
      int c = m.cell(v);
      lo[v] = t.value(c);
      hi[v] = t.value(c);
      if (certLow != null && !Double.isNaN(certLow[c])) {
        lo[v] = Math.min(lo[v], certLow[c]);
      }
      if (certHigh != null && !Double.isNaN(certHigh[c])) {
        hi[v] = Math.max(hi[v], certHigh[c]);
      }
    }
    double tol = 1e-7;
    double bigEdge = m.big() * (1 - 1e-9);
    LpSolver solver = null;
    int solved = 0;
    int skipped = 0;
    int certified = 0;
    try {
      for (int v = 0; v < nv; v++) {
        cancel.throwIfCancelled();
        int c = m.cell(v);
        boolean needs = reqLower[c] > 0 || reqUpper[c] > 0 || reqWidth[c] > 0;
        if (!exactAll) {
          if (!needs) {
            continue;
          }
          if (protects(t.value(c), lo[v], hi[v], reqLower[c], reqUpper[c], reqWidth[c])) {
            certified++;
            continue;
          }
        }
        for (int dir = 0; dir < 2; dir++) {
          boolean max = dir == 1;
          if (max ? hi[v] >= bigEdge : lo[v] <= m.lower(v) + tol) {
            skipped++;
            if (max) {
              maxExact[v] = true;
            } else {
              minExact[v] = true;
            }
            continue;
          }
          if (solver == null) {
            solver =
                nv <= SIMPLEX_LIMIT || !GlopLpSolver.available()
                    ? new SimplexLpSolver(m)
                    : new GlopLpSolver(m);
          }
          double[] sol = solver.optimise(v, max);
          solved++;
          for (int w = 0; w < nv; w++) {
            lo[w] = Math.min(lo[w], sol[w]);
            hi[w] = Math.max(hi[w], sol[w]);
          }
          // The optimum is the bound itself (the loop above already widened lo/hi to it).
          if (max) {
            hi[v] = sol[v];
            maxExact[v] = true;
          } else {
            lo[v] = sol[v];
            minExact[v] = true;
          }
        }
      }
    } finally {
      if (solver != null) {
        solver.close();
      }
    }
    double[] min = new double[n];
    double[] max = new double[n];
    boolean[] exact = new boolean[n];
    java.util.Arrays.fill(min, Double.NaN);
    java.util.Arrays.fill(max, Double.NaN);
    boolean passed = true;
    for (int v = 0; v < nv; v++) {
      int c = m.cell(v);
      min[c] =
          m.lower(v) < 0 && lo[v] <= m.lower(v) + tol ? Double.NEGATIVE_INFINITY : clean(lo[v]);
      max[c] = hi[v] >= bigEdge ? Double.POSITIVE_INFINITY : clean(hi[v]);
      exact[c] = minExact[v] && maxExact[v];
      if (!protects(t.value(c), min[c], max[c], reqLower[c], reqUpper[c], reqWidth[c])) {
        passed = false;
      }
    }
    String name = solver == null ? "none" : solver.name();
    return new Result(min, max, exact, certified, solved, skipped, name, passed);
  }

  /** Rounds LP noise (1e-9) away so that integer intervals print as integers. */
  private static double clean(double x) {
    double r = Math.rint(x);
    return Math.abs(x - r) < 1e-6 * Math.max(1, Math.abs(x)) ? r : x;
  }

  /** True when [lo, hi] reaches the requirement around {@code value}. */
  public static boolean protects(
      double value, double lo, double hi, double reqLower, double reqUpper, double reqWidth) {
    double tol = 1e-7 * Math.max(1, Math.abs(value));
    return hi - value >= reqUpper - tol
        && value - lo >= reqLower - tol
        && hi - lo >= reqWidth - tol;
  }
}
