package org.statbench.tabulate;

import org.statbench.core.CancellationToken;

/**
 * A walk over the records of a table in the order of (value, weight), the order in which weighted
 * percentiles add their weights ({@link WeightedQuantiles}): first every record whose weight is
 * above 0 to {@link #addToTotal}, then again to {@link #step} until {@link #settled}. In memory
 * ({@link WeightedQuantiles#walk}) and streamed ({@link Tabulator#walkInValueOrder}) the same
 * additions come in the same order, so a walk's sums agree to the last bit. Public for the survey
 * estimator's interval ends; not an API for callers.
 */
public interface ValueOrderWalk {
  /** A record's weight (above 0) and its leaf cell (1-based, as the leaf assignment numbers it). */
  void addToTotal(double weight, int leafCell);

  /** A record in the order of (value, weight), after every record went to {@link #addToTotal}. */
  void step(double value, double weight, int leafCell);

  /** Whether later records can change nothing (the streamed walk then stops). */
  boolean settled();

  /**
   * The value up to which (inclusive) the walk needs no records, or NaN (the default) when it needs
   * them all. A walk that gives a value here also needs no {@link #addToTotal} calls: walkers may
   * leave out those calls and the steps of records up to the value (the walk ignores them anyway),
   * which saves a streamed walk the passes over the start of the order.
   */
  default double startsAfter() {
    return Double.NaN;
  }

  /**
   * Feeds records already in (value, weight) order held in arrays to {@code walk}: every total,
   * then the steps until it is settled; for a walk that {@link #startsAfter} a value, no totals and
   * only the steps of the records after it.
   *
   * @param n the records: the first {@code n} of each array
   */
  static void feed(
      ValueOrderWalk walk,
      double[] values,
      double[] weights,
      int[] leafCells,
      int n,
      CancellationToken cancel) {
    double after = walk.startsAfter();
    int from = 0;
    if (after == after) {
      while (from < n && Double.compare(values[from], after) <= 0) {
        from++;
      }
    } else {
      for (int k = 0; k < n; k++) {
        walk.addToTotal(weights[k], leafCells[k]);
      }
    }
    for (int k = from; k < n && !walk.settled(); k++) {
      if ((k & 0xFFFF) == 0) {
        cancel.throwIfCancelled();
      }
      walk.step(values[k], weights[k], leafCells[k]);
    }
  }
}
