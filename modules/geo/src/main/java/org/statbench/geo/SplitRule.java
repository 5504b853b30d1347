package org.statbench.geo;

/**
 * How an old-edition code that was split between several new codes (change type {@code S} or {@code
 * X}) is resolved, since a derived variable gives each old code one value.
 */
public enum SplitRule {
  /**
   * The whole old area goes to one successor: the one with the largest value in the code-change
   * lookup's weight column, or the first listed when there is no weight column.
   */
  BEST_FIT,
  /**
   * Decided level by level: each added level takes the value carrying the largest total weight
   * among the successors (e.g. a split area whose successors with 60% of the weight lie in
   * supergroup 2 gets supergroup 2, even if its single largest successor is in supergroup 1). Needs
   * a weight column.
   */
  BY_WEIGHT
}
