package org.statbench.disclosure;

/** How thoroughly the audit computes intervals. */
public enum AuditMode {
  /**
   * EXACT on small patterns (up to {@link DisclosureChecker#EXACT_AUDIT_LIMIT} cells), else
   * CERTIFIED.
   */
  AUTO,
  /** Two LPs for every suppressed cell (skipping LPs an earlier solution already answers). */
  EXACT,
  /**
   * Certificates (feasible perturbations of the suppressed cells that keep every margin) prove the
   * protection of most primary cells; LPs run only for the rest. Intervals are inner bounds.
   */
  CERTIFIED
}
