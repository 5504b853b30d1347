package org.statbench.core.table;

/** What a table's cells hold. */
public enum MeasureKind {
  COUNT,
  SUM,
  MEAN,
  MEDIAN,
  PERCENTILE,
  MIN,
  MAX,
  DISTINCT_COUNT;

  /** True for measures computed from a numeric variable's values (dominance and p% apply). */
  public boolean isMagnitude() {
    return this != COUNT && this != DISTINCT_COUNT;
  }

  /** True when the measure is additive over cells, so margins equal the sum of their parts. */
  public boolean isAdditive() {
    return this == COUNT || this == SUM;
  }
}
