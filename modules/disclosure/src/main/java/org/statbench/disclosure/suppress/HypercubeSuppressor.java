package org.statbench.disclosure.suppress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.table.Table;
import org.statbench.disclosure.audit.TableStructure;

// Size (over 500 lines): one algorithm (candidate cubes, CP-SAT choice on small tables, greedy on
// large ones, certificates) whose steps share the cube representation; see docs/decisions/0002 and
// 0006.

/**
 * Secondary suppression by hypercubes with certificates.
 *
 * <p>A perturbation of the suppressed cells that keeps every margin is exactly the additive
 * extension of a perturbation of the leaf cells. The product, over the dimensions, of one vector
 * per dimension of the form {@code path(a) - path(b)} (leaf a and its ancestors up to the total,
 * minus the same for leaf b; or {@code path(a)} alone) is such a perturbation with entries ±1: a
 * hypercube whose corners are the cells to suppress. If every corner is suppressed, moving the +1
 * corners up by t and the -1 corners down by t keeps the table consistent for every t between minus
 * the smallest +1 corner and the smallest -1 corner, so that range is a <i>certificate</i>: a
 * proven inner bound of the audit interval of every corner.
 *
 * <p>For each primary cell (hardest first, then by index, so the result is deterministic) the
 * suppressor picks the cheapest hypercube whose certificate reaches the cell's required protection,
 * cost being the information lost by the cells it newly suppresses: 1 + |value| per cell, plus a
 * penalty per margin dimension larger than all data cells together, so that a total is never
 * suppressed when data cells would do. Cells already suppressed cost nothing, so cubes share cells.
 * Candidate partners per dimension are ranked by the cells on the primary's own lines and the best
 * few combined; the search widens when no candidate is feasible.
 */
public final class HypercubeSuppressor {
  private static final double TOL = 1e-9;

  private final TableStructure s;
  private final Table t;
  private final int n;
  private final double[] reach;
  private final double[] cost;
  private final boolean[] suppressed;
  private final double[] up;
  private final double[] down;
  private int cubes;

  /**
   * The pattern and its certificates.
   *
   * @param suppressed per cell whether suppressed (primary or secondary)
   * @param certLow per cell a proven feasible minimum (NaN when the cell is published)
   * @param certHigh per cell a proven feasible maximum (NaN when published; +Infinity possible)
   * @param cubes number of hypercubes applied
   * @param unresolved primary cells for which no cube reaches the required protection (the audit
   *     decides about them)
   */
  public record Result(
      boolean[] suppressed,
      double[] certLow,
      double[] certHigh,
      int cubes,
      int[] unresolved,
      boolean optimal) {}

  /** Tables with at most this many cells get the optimal choice of hypercubes (MILP). */
  public static final int MILP_CELL_LIMIT = 400;

  /** ... and at most this many primary cells. */
  public static final int MILP_PRIMARY_LIMIT = 40;

  /** Candidate cubes per primary cell offered to the MILP. */
  private static final int MILP_CUBES_PER_PRIMARY = 40;

  /**
   * CP-SAT's deterministic time limit (roughly seconds); on time-out the best solution found is
   * used, else the heuristic.
   */
  private static final double MILP_DETERMINISTIC_TIME = 0.5;

  private HypercubeSuppressor(TableStructure s) {
    this.s = s;
    this.t = s.table();
    this.n = t.cellCount();
    reach = new double[n];
    cost = new double[n];
    suppressed = new boolean[n];
    up = new double[n];
    down = new double[n];
    double big = 1;
    for (int c = 0; c < n; c++) {
      double v = t.value(c);
      reach[c] = t.hasNegative(c) || v < 0 ? Double.POSITIVE_INFINITY : v;
      if (s.marginDimensions(c) == 0) {
        big += 1 + Math.abs(v);
      }
    }
    for (int c = 0; c < n; c++) {
      cost[c] = 1 + Math.abs(t.value(c)) + big * s.marginDimensions(c);
    }
  }

  /**
   * Protects the primary cells.
   *
   * @param s the table's structure (the table must be additive)
   * @param primary per cell whether it fails a primary rule (it is suppressed)
   * @param reqLower per cell the protection required below the value
   * @param reqUpper per cell the protection required above the value
   * @param reqWidth per cell the minimum interval width
   */
  public static Result suppress(
      TableStructure s,
      boolean[] primary,
      double[] reqLower,
      double[] reqUpper,
      double[] reqWidth,
      ProgressListener progress,
      CancellationToken cancel) {
    HypercubeSuppressor h = new HypercubeSuppressor(s);
    return h.run(primary, reqLower, reqUpper, reqWidth, progress, cancel);
  }

  private Result run(
      boolean[] primary,
      double[] reqLower,
      double[] reqUpper,
      double[] reqWidth,
      ProgressListener progress,
      CancellationToken cancel) {
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (primary[c]) {
        suppressed[c] = true;
        order.add(c);
      }
    }
    order.sort(
        Comparator.comparingDouble((Integer c) -> -(reqWidth[c] + reqUpper[c] + reqLower[c]))
            .thenComparingInt(c -> c));
    boolean optimal =
        n <= MILP_CELL_LIMIT
            && order.size() <= MILP_PRIMARY_LIMIT
            && optimalCubes(order, reqLower, reqUpper, reqWidth, cancel);
    // The greedy pass protects what the MILP did not (nothing when it succeeded).
    List<Integer> unresolved = new ArrayList<>();
    int done = 0;
    for (int c : order) {
      cancel.throwIfCancelled();
      if ((done++ & 63) == 0) {
        progress.progress(done, order.size(), "secondary suppression");
      }
      if (!protectCell(c, reqLower[c], reqUpper[c], reqWidth[c])) {
        unresolved.add(c);
      }
    }
    progress.progress(order.size(), order.size(), "secondary suppression");
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int c = 0; c < n; c++) {
      if (suppressed[c]) {
        lo[c] = t.value(c) - down[c];
        hi[c] = t.value(c) + up[c];
      } else {
        lo[c] = Double.NaN;
        hi[c] = Double.NaN;
      }
    }
    return new Result(
        suppressed.clone(),
        lo,
        hi,
        cubes,
        unresolved.stream().mapToInt(Integer::intValue).toArray(),
        optimal);
  }

  /**
   * Chooses, for every primary cell, one of its cheapest feasible hypercubes so that the total cost
   * of the cells suppressed is minimal (a set-covering MILP solved by CP-SAT), and applies them.
   * Optimal among the candidate cubes, not among all patterns. False when some primary has no
   * single feasible cube, the solver is unavailable or finds no solution in time.
   */
  private boolean optimalCubes(
      List<Integer> order,
      double[] reqLower,
      double[] reqUpper,
      double[] reqWidth,
      CancellationToken cancel) {
    if (!org.statbench.disclosure.audit.GlopLpSolver.available()) {
      return false;
    }
    List<List<Option[]>> candidates = new ArrayList<>();
    for (int c : order) {
      cancel.throwIfCancelled();
      double rl = reqLower[c];
      double ru = reqUpper[c];
      double rw = reqWidth[c];
      int dims = s.dimensions();
      List<List<Option>> opts = new ArrayList<>();
      int rel = 0;
      for (int d = 0; d < dims; d++) {
        List<Option> o = rankOptions(c, d, rl, ru, rw);
        opts.add(o);
        if (o.size() > 1) {
          rel++;
        }
      }
      int k = rel == 0 ? 1 : Math.max(2, (int) Math.floor(Math.pow(4000, 1.0 / rel)));
      record Cand(Option[] cube, double cost) {}
      List<Cand> feasible = new ArrayList<>();
      int[] idx = new int[dims];
      Option[] cur = new Option[dims];
      while (true) {
        for (int d = 0; d < dims; d++) {
          cur[d] = opts.get(d).get(idx[d]);
        }
        double[] ev = evaluate(c, cur, Double.POSITIVE_INFINITY);
        if (meets(ev[1], ev[2], rl, ru, rw)) {
          feasible.add(new Cand(cur.clone(), ev[0]));
        }
        int d = dims - 1;
        while (d >= 0 && ++idx[d] == Math.min(k, opts.get(d).size())) {
          idx[d] = 0;
          d--;
        }
        if (d < 0) {
          break;
        }
      }
      if (feasible.isEmpty()) {
        return false;
      }
      feasible.sort(Comparator.comparingDouble(Cand::cost));
      List<Option[]> keep = new ArrayList<>();
      for (int j = 0; j < Math.min(MILP_CUBES_PER_PRIMARY, feasible.size()); j++) {
        keep.add(feasible.get(j).cube());
      }
      candidates.add(keep);
    }
    com.google.ortools.linearsolver.MPSolver solver =
        com.google.ortools.linearsolver.MPSolver.createSolver("CP_SAT");
    if (solver == null) {
      return false;
    }
    try {
      java.util.Map<Integer, com.google.ortools.linearsolver.MPVariable> y =
          new java.util.TreeMap<>();
      com.google.ortools.linearsolver.MPObjective obj = solver.objective();
      List<List<com.google.ortools.linearsolver.MPVariable>> z = new ArrayList<>();
      for (int p = 0; p < order.size(); p++) {
        int c = order.get(p);
        com.google.ortools.linearsolver.MPConstraint cover = solver.makeConstraint(1, 1e9);
        List<com.google.ortools.linearsolver.MPVariable> zs = new ArrayList<>();
        for (Option[] cube : candidates.get(p)) {
          com.google.ortools.linearsolver.MPVariable zv = solver.makeBoolVar("z");
          zs.add(zv);
          cover.setCoefficient(zv, 1);
          for (int[] corner : corners(c, cube)) {
            int cell = corner[0];
            if (suppressed[cell]) {
              continue;
            }
            com.google.ortools.linearsolver.MPVariable yv = y.get(cell);
            if (yv == null) {
              yv = solver.makeBoolVar("y" + cell);
              y.put(cell, yv);
              obj.setCoefficient(yv, cost[cell]);
            }
            // y >= z: a chosen cube suppresses its corners.
            com.google.ortools.linearsolver.MPConstraint link = solver.makeConstraint(0, 1);
            link.setCoefficient(yv, 1);
            link.setCoefficient(zv, -1);
          }
        }
        z.add(zs);
      }
      obj.setMinimization();
      // One worker and a deterministic time limit: the same table gives the same pattern.
      solver.setSolverSpecificParametersAsString(
          "num_workers:1 max_deterministic_time:" + MILP_DETERMINISTIC_TIME);
      com.google.ortools.linearsolver.MPSolver.ResultStatus st = solver.solve();
      if (st != com.google.ortools.linearsolver.MPSolver.ResultStatus.OPTIMAL
          && st != com.google.ortools.linearsolver.MPSolver.ResultStatus.FEASIBLE) {
        return false;
      }
      for (int p = 0; p < order.size(); p++) {
        List<com.google.ortools.linearsolver.MPVariable> zs = z.get(p);
        for (int j = 0; j < zs.size(); j++) {
          if (zs.get(j).solutionValue() > 0.5) {
            apply(order.get(p), candidates.get(p).get(j));
          }
        }
      }
      return true;
    } finally {
      solver.delete();
    }
  }

  /** The corners of a cube anchored at cell c: {cell, sign}. */
  private static List<int[]> corners(int c, Option[] cube) {
    int dims = cube.length;
    int[] idx = new int[dims];
    List<int[]> cells = new ArrayList<>();
    while (true) {
      int cell = c;
      int sign = 1;
      for (int d = 0; d < dims; d++) {
        cell += cube[d].offsets[idx[d]];
        sign *= cube[d].signs[idx[d]];
      }
      cells.add(new int[] {cell, sign});
      int d = dims - 1;
      while (d >= 0 && ++idx[d] == cube[d].offsets.length) {
        idx[d] = 0;
        d--;
      }
      if (d < 0) {
        break;
      }
    }
    return cells;
  }

  private static boolean meets(double u, double d, double rl, double ru, double rw) {
    return u >= ru - TOL && d >= rl - TOL && u + d >= rw - TOL;
  }

  private static double deficit(double u, double d, double rl, double ru, double rw) {
    return Math.max(0, ru - u) + Math.max(0, rl - d) + Math.max(0, rw - u - d);
  }

  /** One per-dimension factor of a cube: offsets in cell-index space and signs. */
  private record Option(int[] offsets, int[] signs) {}

  private boolean protectCell(int c, double rl, double ru, double rw) {
    if (meets(up[c], down[c], rl, ru, rw)) {
      return true;
    }
    int dims = s.dimensions();
    List<List<Option>> all = new ArrayList<>();
    for (int d = 0; d < dims; d++) {
      all.add(rankOptions(c, d, rl, ru, rw));
    }
    int budget = 512;
    for (int round = 0; round < 6; round++) {
      int relDims = 0;
      for (List<Option> o : all) {
        if (o.size() > 1) {
          relDims++;
        }
      }
      int k = relDims == 0 ? 1 : Math.max(2, (int) Math.floor(Math.pow(budget, 1.0 / relDims)));
      List<List<Option>> cand = new ArrayList<>();
      boolean complete = true;
      for (List<Option> o : all) {
        cand.add(o.subList(0, Math.min(k, o.size())));
        complete &= o.size() <= k;
      }
      Option[] best = search(c, cand, rl, ru, rw);
      if (best == null) {
        return false;
      }
      double before = deficit(up[c], down[c], rl, ru, rw);
      apply(c, best);
      if (meets(up[c], down[c], rl, ru, rw)) {
        return true;
      }
      if (deficit(up[c], down[c], rl, ru, rw) >= before - TOL && complete) {
        return false;
      }
      budget *= 8;
    }
    return meets(up[c], down[c], rl, ru, rw);
  }

  /** The cheapest feasible cube, or when none is feasible the one with the smallest deficit. */
  private Option[] search(int c, List<List<Option>> cand, double rl, double ru, double rw) {
    int dims = cand.size();
    int[] idx = new int[dims];
    Option[] cur = new Option[dims];
    Option[] bestFeasible = null;
    double bestCost = Double.POSITIVE_INFINITY;
    Option[] bestOther = null;
    double bestDeficit = Double.POSITIVE_INFINITY;
    double bestOtherCost = Double.POSITIVE_INFINITY;
    double uc = up[c];
    double dc = down[c];
    while (true) {
      for (int d = 0; d < dims; d++) {
        cur[d] = cand.get(d).get(idx[d]);
      }
      double[] ev = evaluate(c, cur, bestFeasible == null ? Double.POSITIVE_INFINITY : bestCost);
      if (ev != null) {
        double u = Math.max(uc, ev[1]);
        double dn = Math.max(dc, ev[2]);
        if (meets(u, dn, rl, ru, rw)) {
          if (ev[0] < bestCost) {
            bestCost = ev[0];
            bestFeasible = cur.clone();
          }
        } else if (bestFeasible == null) {
          double def = deficit(u, dn, rl, ru, rw);
          if (def < bestDeficit - TOL || (def <= bestDeficit + TOL && ev[0] < bestOtherCost)) {
            bestDeficit = def;
            bestOtherCost = ev[0];
            bestOther = cur.clone();
          }
        }
      }
      int d = dims - 1;
      while (d >= 0 && ++idx[d] == cand.get(d).size()) {
        idx[d] = 0;
        d--;
      }
      if (d < 0) {
        break;
      }
    }
    if (bestFeasible != null) {
      return bestFeasible;
    }
    return bestDeficit < deficit(uc, dc, rl, ru, rw) - TOL ? bestOther : null;
  }

  /**
   * Cost of the cells a cube newly suppresses and its certificate for cell c: {cost, up, down}, or
   * null when the cost reaches {@code limit}.
   */
  private double[] evaluate(int c, Option[] cube, double limit) {
    int dims = cube.length;
    int[] idx = new int[dims];
    double total = 0;
    double minPlus = Double.POSITIVE_INFINITY;
    double minMinus = Double.POSITIVE_INFINITY;
    while (true) {
      int cell = c;
      int sign = 1;
      for (int d = 0; d < dims; d++) {
        cell += cube[d].offsets[idx[d]];
        sign *= cube[d].signs[idx[d]];
      }
      if (!suppressed[cell]) {
        total += cost[cell];
        if (total >= limit) {
          return null;
        }
      }
      if (sign > 0) {
        minPlus = Math.min(minPlus, reach[cell]);
      } else {
        minMinus = Math.min(minMinus, reach[cell]);
      }
      int d = dims - 1;
      while (d >= 0 && ++idx[d] == cube[d].offsets.length) {
        idx[d] = 0;
        d--;
      }
      if (d < 0) {
        break;
      }
    }
    return new double[] {total, minMinus, minPlus};
  }

  /** Suppresses the corners of a cube anchored at cell c and records their certificates. */
  private void apply(int c, Option[] cube) {
    cubes++;
    List<int[]> cells = corners(c, cube);
    double minPlus = Double.POSITIVE_INFINITY;
    double minMinus = Double.POSITIVE_INFINITY;
    for (int[] cs : cells) {
      if (cs[1] > 0) {
        minPlus = Math.min(minPlus, reach[cs[0]]);
      } else {
        minMinus = Math.min(minMinus, reach[cs[0]]);
      }
    }
    for (int[] cs : cells) {
      int cell = cs[0];
      suppressed[cell] = true;
      // Moving +1 corners by t in [-minPlus, minMinus] keeps the table feasible.
      double u = cs[1] > 0 ? minMinus : minPlus;
      double dn = cs[1] > 0 ? minPlus : minMinus;
      up[cell] = Math.max(up[cell], u);
      down[cell] = Math.max(down[cell], dn);
    }
  }

  /** Candidate factors for dimension d, best first. */
  private List<Option> rankOptions(int c, int d, double rl, double ru, double rw) {
    int i = s.coord(c, d);
    int stride = s.stride(d);
    List<int[][]> raw = new ArrayList<>();
    if (!s.related(d)) {
      raw.add(new int[][] {{i}, {1}});
    } else if (s.children(d, i).length == 0) {
      raw.add(path(d, i, -1));
      for (int b : s.leaves(d)) {
        if (b != i) {
          raw.add(path(d, i, b));
        }
      }
    } else {
      int[] under = s.leavesUnder(d, i);
      for (int a : under) {
        raw.add(path(d, a, -1));
      }
      int par = s.parent(d, i);
      if (par >= 0) {
        for (int sib : s.children(d, par)) {
          if (sib == i) {
            continue;
          }
          for (int b : s.leavesUnder(d, sib)) {
            for (int a : under) {
              raw.add(path(d, a, b));
            }
          }
        }
      }
    }
    double needUp = Math.max(ru, rw - reach[c]);
    double needDown = rl;
    record Scored(Option o, boolean infeasible, double score, int order) {}
    List<Scored> scored = new ArrayList<>(raw.size());
    for (int r = 0; r < raw.size(); r++) {
      int[] pos = raw.get(r)[0];
      int[] sg = raw.get(r)[1];
      // Put the primary's own position first; signs relative to it (+1).
      int self = -1;
      for (int k = 0; k < pos.length; k++) {
        if (pos[k] == i) {
          self = k;
        }
      }
      int flip = sg[self];
      int[] offs = new int[pos.length];
      int[] signs = new int[pos.length];
      offs[0] = 0;
      signs[0] = 1;
      int k2 = 1;
      double score = 0;
      boolean infeasible = false;
      for (int k = 0; k < pos.length; k++) {
        if (k == self) {
          continue;
        }
        int off = (pos[k] - i) * stride;
        int sign = sg[k] * flip;
        offs[k2] = off;
        signs[k2++] = sign;
        int cell = c + off;
        if (!suppressed[cell]) {
          score += cost[cell];
        }
        if (sign < 0 ? reach[cell] < needUp - TOL : reach[cell] < needDown - TOL) {
          infeasible = true;
        }
      }
      scored.add(new Scored(new Option(offs, signs), infeasible, score, r));
    }
    scored.sort(
        Comparator.comparing(Scored::infeasible)
            .thenComparingDouble(Scored::score)
            .thenComparingInt(Scored::order));
    List<Option> out = new ArrayList<>(scored.size());
    for (Scored sc : scored) {
      out.add(sc.o());
    }
    return out;
  }

  /**
   * {@code path(a) - path(b)} (or {@code path(a)} when b is -1) as {positions, signs}, where
   * path(x) is x and its ancestors up to the total.
   */
  private int[][] path(int d, int a, int b) {
    List<Integer> pa = new ArrayList<>();
    for (int p = a; p >= 0; p = s.parent(d, p)) {
      pa.add(p);
    }
    List<Integer> pb = new ArrayList<>();
    for (int p = b; b >= 0 && p >= 0; p = s.parent(d, p)) {
      pb.add(p);
    }
    List<Integer> pos = new ArrayList<>();
    List<Integer> sg = new ArrayList<>();
    for (int p : pa) {
      if (!pb.contains(p)) {
        pos.add(p);
        sg.add(1);
      }
    }
    for (int p : pb) {
      if (!pa.contains(p)) {
        pos.add(p);
        sg.add(-1);
      }
    }
    return new int[][] {
      pos.stream().mapToInt(Integer::intValue).toArray(),
      sg.stream().mapToInt(Integer::intValue).toArray()
    };
  }

  @Override
  public String toString() {
    return "HypercubeSuppressor[" + Arrays.toString(new int[] {n, cubes}) + "]";
  }
}
