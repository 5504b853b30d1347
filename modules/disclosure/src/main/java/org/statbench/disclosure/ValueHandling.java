package org.statbench.disclosure;

/**
 * What to do with a magnitude cell for which the dominance and p% rules are undefined (negative
 * contributions, missing values).
 */
public enum ValueHandling {
  /** Flag the cell {@code review}: a statistician must clear the table. */
  REVIEW,
  /** Treat the cell as a primary risk and suppress it. */
  SUPPRESS,
  /** Apply the rules as if nothing was wrong (dominance and p% on absolute contributions). */
  IGNORE
}
