package org.statbench.app.clearance;

/** How a grid cell is highlighted in the clearance queue and the table builder. */
public enum CellMark {
  /** Safe and published. */
  NONE,
  /** Fails a primary rule (or needs review) and is published as it stands. */
  FAILING,
  /** Withheld (primary or secondary suppression). */
  WITHHELD,
  /** Published rounded or perturbed. */
  ADJUSTED;

  /** The mark for a long-CSV status word and whether the cell is withheld. */
  public static CellMark of(String status, boolean withheld) {
    if (withheld) {
      return WITHHELD;
    }
    if (status.startsWith("primary") || status.equals("review")) {
      return FAILING;
    }
    if (status.equals("rounded") || status.equals("perturbed")) {
      return ADJUSTED;
    }
    return NONE;
  }

  /** CSS style class, e.g. {@code cell-failing}; empty for NONE. */
  public String styleClass() {
    return this == NONE ? "" : "cell-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
