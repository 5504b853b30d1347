package org.statbench.disclosure;

/**
 * What an intruder can learn about a suppressed cell from the published cells and margins: the
 * range of values consistent with additivity and non-negativity.
 *
 * @param min smallest feasible value (may be -Infinity when values may be negative)
 * @param max largest feasible value (+Infinity when unbounded)
 * @param exact true when both ends are the optima of the audit linear programmes; false when the
 *     interval is a certified inner bound (the true feasible range contains it)
 */
public record AuditInterval(double min, double max, boolean exact) {
  /** {@code max - min}. */
  public double width() {
    return max - min;
  }

  /** True when the interval reaches the required protection around {@code value}. */
  public boolean protects(double value, Protection required) {
    double tol = 1e-7 * Math.max(1, Math.abs(value));
    return max - value >= required.upper() - tol
        && value - min >= required.lower() - tol
        && width() >= required.width() - tol;
  }
}
