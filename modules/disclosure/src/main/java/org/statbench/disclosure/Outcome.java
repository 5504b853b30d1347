package org.statbench.disclosure;

/**
 * The verdict of a report, which is what the export gate acts on: only {@link #PASSED} and {@link
 * #PROTECTED} tables may leave without a statistician's clearance, and then only the report's
 * {@link DisclosureReport#protectedTable()}.
 */
public enum Outcome {
  /** No cell fails a rule: the table may be published as computed. */
  PASSED,
  /** Cells failed, the policy's protection was applied and the audit confirms it. */
  PROTECTED,
  /** Nothing fails, but some cells need a statistician's review (rule undefined). */
  REVIEW,
  /** Cells fail and are not (or not sufficiently) protected. */
  FAILED;

  /** True for PASSED and PROTECTED. */
  public boolean releasable() {
    return this == PASSED || this == PROTECTED;
  }
}
