package org.statbench.disclosure;

import org.statbench.core.InputException;

/**
 * The (n, k) dominance rule: a magnitude cell fails when its n largest contributions make up more
 * than k percent of the cell total.
 *
 * @param n number of largest contributors, 1..{@link
 *     org.statbench.core.table.Table#TOP_CONTRIBUTIONS}
 * @param k percentage in (0, 100)
 */
public record DominanceRule(int n, double k) {
  public DominanceRule {
    if (n < 1 || n > org.statbench.core.table.Table.TOP_CONTRIBUTIONS) {
      throw new InputException(
          "dominance.n must be 1.."
              + org.statbench.core.table.Table.TOP_CONTRIBUTIONS
              + ", got "
              + n);
    }
    if (!(k > 0 && k < 100)) {
      throw new InputException("dominance.k must be a percentage in (0, 100), got " + k);
    }
  }

  /** The rule as cited in reports, e.g. {@code n=2, k=85}. */
  public String parameters() {
    return "n=" + n + ", k=" + DisclosurePolicy.num(k);
  }
}
