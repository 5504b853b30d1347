package org.statbench.cohort;

import java.util.Locale;

/** Whether a cohort's cumulative proportion at a duration can be shown. */
public enum CellStatus {
  /** Every member has been followed up to this duration by the as-of date: the value is shown. */
  OBSERVED,
  /** Not yet observable: the value is left empty, never shown as 0 or as a final rate. */
  CENSORED,
  /**
   * Observed, but not derivable from the values a disclosure check lets out (a curve drawn from a
   * protected count table, see {@link ReleasedCurves}): left empty, never drawn from raw numbers.
   */
  WITHHELD;

  /**
   * The word written in the long CSV's {@code status} column: {@code observed}/{@code censored}
   * ({@code withheld} only in released curves).
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
