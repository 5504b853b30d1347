package org.statbench.app.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.link.LinkResult;
import org.statbench.link.Verification;

/**
 * The clerical review queue of the grey zone: every left record whose best candidate lies between
 * the review threshold and the match threshold, best first. The reviewer accepts, rejects or skips
 * the current pair; decisions are kept by pair (a later decision on the same pair replaces the
 * earlier one) and survive a new queue built after the thresholds change. Plain Java.
 */
final class ReviewQueue {
  /**
   * One pair to review.
   *
   * @param left left record number
   * @param right right record number
   * @param probability its match probability
   */
  record Pair(int left, int right, double probability) {}

  /** A reviewer's answer. */
  enum Decision {
    ACCEPT,
    REJECT,
    SKIP
  }

  private final List<Pair> pairs = new ArrayList<>();
  private final Map<Long, LinkResult.Review> decisions = new LinkedHashMap<>();
  private int position;

  /** Rebuilds the queue from a run's verification (null: nothing to review). */
  void load(Verification v) {
    List<Pair> grey = new ArrayList<>();
    for (int i = 0; v != null && i < v.size(); i++) {
      if (v.result(i) == Verification.Result.POSSIBLE && v.right(i) >= 0) {
        grey.add(new Pair(i, v.right(i), v.probability(i)));
      }
    }
    load(grey);
  }

  /** Rebuilds the queue from grey-zone pairs (a deduplication's, see {@link DedupReview}). */
  void load(List<Pair> grey) {
    pairs.clear();
    position = 0;
    pairs.addAll(grey);
    pairs.sort((a, b) -> Double.compare(b.probability(), a.probability()));
    skipDecided();
  }

  /** Forgets every decision (another pair of datasets). */
  void clear() {
    pairs.clear();
    decisions.clear();
    position = 0;
  }

  /** The pair under review, or null when the queue is done. */
  Pair current() {
    return position < pairs.size() ? pairs.get(position) : null;
  }

  /** Pairs in the queue. */
  int size() {
    return pairs.size();
  }

  /** Pairs decided (accepted or rejected) among those in the queue. */
  int decided() {
    int n = 0;
    for (Pair p : pairs) {
      if (decisions.containsKey(key(p))) {
        n++;
      }
    }
    return n;
  }

  /** Records the decision on the current pair and moves on; returns the pair, or null. */
  Pair decide(Decision d) {
    Pair p = current();
    if (p == null) {
      return null;
    }
    if (d != Decision.SKIP) {
      decisions.put(
          key(p),
          new LinkResult.Review(p.left(), p.right(), p.probability(), d == Decision.ACCEPT));
    }
    position++;
    skipDecided();
    return p;
  }

  /** Every accepted or rejected pair so far, in the order decided. */
  List<LinkResult.Review> decisions() {
    return List.copyOf(decisions.values());
  }

  private void skipDecided() {
    while (position < pairs.size() && decisions.containsKey(key(pairs.get(position)))) {
      position++;
    }
  }

  private static long key(Pair p) {
    return ((long) p.left() << 32) | p.right();
  }
}
