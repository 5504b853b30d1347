package org.statbench.disclosure;

import org.statbench.core.InputException;

/**
 * Rounding of counts, used when the protection method is {@link ProtectionMethod#ROUND}.
 *
 * @param base rounding base (5 or 10 usually; any integer of at least 2)
 * @param totals whether margins are rounded independently or recomputed from the rounded cells
 * @param suppressBelowThreshold the "suppress below the threshold, round the rest" variant: cells
 *     failing a primary rule are suppressed (with secondary suppression and an audit) and every
 *     other cell is rounded
 */
public record RoundingPolicy(int base, TotalsRounding totals, boolean suppressBelowThreshold) {
  /** Base 5, totals rounded independently, no suppression. */
  public static final RoundingPolicy DEFAULT =
      new RoundingPolicy(5, TotalsRounding.INDEPENDENT, false);

  public RoundingPolicy {
    if (base < 2) {
      throw new InputException("rounding.base must be an integer of at least 2, got " + base);
    }
    if (totals == null) {
      throw new InputException("rounding.totals must be independent or recomputed");
    }
  }

  /** How margins are rounded. */
  public enum TotalsRounding {
    /** Every cell, margins included, is rounded on its own: margins may not add up. */
    INDEPENDENT,
    /** Data cells are rounded; margins are the sums of the rounded cells: the table adds up. */
    RECOMPUTED
  }
}
