package org.statbench.app.tablebuilder.survey;

import java.util.Locale;

/** The quantile groups a distribution table can have, in the order they are offered. */
public enum QuantileGroupChoice {
  DECILES(10),
  QUINTILES(5),
  QUARTILES(4),
  PERCENTILES(100);

  private final int groups;

  QuantileGroupChoice(int groups) {
    this.groups = groups;
  }

  /** The number of equal-weight groups. */
  public int groups() {
    return groups;
  }

  /** What the choice lists show, e.g. {@code deciles (10)}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT) + " (" + groups + ")";
  }
}
