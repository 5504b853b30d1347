package org.statbench.cohort;

import java.util.Locale;

/** Whether a cohort's cumulative proportion at a duration can be shown. */
public enum CellStatus {
  /** Every member has been followed up to this duration by the as-of date: the value is shown. */
  OBSERVED,
  /** Not yet observable: the value is left empty, never shown as 0 or as a final rate. */
  CENSORED;

  /**
   * The word written in the long CSV's {@code status} column: {@code observed}/{@code censored}.
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
