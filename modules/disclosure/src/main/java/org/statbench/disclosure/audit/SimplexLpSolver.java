package org.statbench.disclosure.audit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Commons Math's dense simplex: pure Java, no native library, fine for tiny patterns (it needs
 * seconds at ~1k cells, see DESIGN.md), and the fallback when OR-Tools cannot load. Variables are
 * shifted by their lower bound so that all are non-negative.
 */
public final class SimplexLpSolver implements LpSolver {
  private final AuditModel m;
  private final LinearConstraintSet constraints;

  public SimplexLpSolver(AuditModel m) {
    this.m = m;
    int n = m.variables();
    List<LinearConstraint> cs = new ArrayList<>();
    for (int e = 0; e < m.equations(); e++) {
      double[] row = new double[n];
      double shift = 0;
      int[] vs = m.eqVars(e);
      double[] co = m.eqCoefs(e);
      for (int k = 0; k < vs.length; k++) {
        row[vs[k]] = co[k];
        shift += co[k] * m.lower(vs[k]);
      }
      cs.add(new LinearConstraint(row, Relationship.EQ, m.rhs(e) - shift));
    }
    for (int v = 0; v < n; v++) {
      double[] row = new double[n];
      row[v] = 1;
      cs.add(new LinearConstraint(row, Relationship.LEQ, m.big() - m.lower(v)));
    }
    constraints = new LinearConstraintSet(cs);
  }

  @Override
  public double[] optimise(int var, boolean maximise) {
    int n = m.variables();
    double[] obj = new double[n];
    obj[var] = 1;
    PointValuePair p;
    try {
      p =
          new SimplexSolver(1e-9, 10, 1e-11)
              .optimize(
                  new MaxIter(100_000),
                  new LinearObjectiveFunction(obj, 0),
                  constraints,
                  maximise ? GoalType.MAXIMIZE : GoalType.MINIMIZE,
                  new NonNegativeConstraint(true));
    } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
      throw new IllegalStateException("audit LP failed: " + e.getMessage(), e);
    }
    double[] sol = p.getPoint().clone();
    for (int v = 0; v < n; v++) {
      sol[v] += m.lower(v);
    }
    return sol;
  }

  @Override
  public String name() {
    return "commons-math";
  }

  @Override
  public void close() {}
}
