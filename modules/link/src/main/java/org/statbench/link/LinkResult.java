package org.statbench.link;

import java.util.List;
import java.util.Map;

/**
 * Everything a linkage run produced. Immutable (arrays are not copied: do not change them).
 *
 * @param leftRecords records on the left
 * @param rightRecords records on the right (the left again when deduplicating)
 * @param blocking per rule: the pairs it brings on its own and the new pairs it adds
 * @param candidatePairs distinct candidate pairs scored
 * @param model the model used (trained here or reused)
 * @param links accepted links after the decision rules
 * @param verification per left record the result and best candidate; null when deduplicating
 * @param clusters deduplication: the cluster number of each record (records alone have their own);
 *     null when linking two datasets
 * @param curve precision and recall by threshold (estimated by the model; actual with truth)
 * @param evaluation measures against the truth variable, or null without one
 * @param timingsMs milliseconds per stage, in order
 */
public record LinkResult(
    long leftRecords,
    long rightRecords,
    List<RuleCount> blocking,
    long candidatePairs,
    LinkModel model,
    Links links,
    Verification verification,
    int[] clusters,
    List<CurvePoint> curve,
    Evaluation evaluation,
    Map<String, Long> timingsMs) {

  /**
   * Pairs of one blocking rule.
   *
   * @param rule the rule
   * @param pairs record pairs whose keys agree under this rule alone
   * @param added pairs not already brought by an earlier rule (-1 before scoring)
   */
  public record RuleCount(BlockingRule rule, long pairs, long added) {}

  /**
   * One threshold of the precision-recall curve.
   *
   * @param probability threshold on match probability
   * @param pairs candidate pairs (and key links) at or above it
   * @param estimatedPrecision the model's own estimate: mean probability of those pairs
   * @param estimatedRecall the model's estimate: their expected matches over all expected matches
   * @param precision true share of matches among them (NaN without truth)
   * @param recall true matches among them over all true matching pairs (NaN without truth)
   */
  public record CurvePoint(
      double probability,
      long pairs,
      double estimatedPrecision,
      double estimatedRecall,
      double precision,
      double recall) {}

  /**
   * Measures against a truth variable.
   *
   * @param truePairs record pairs of the same entity (over all pairs, not only candidates)
   * @param truePairsInCandidates of those, how many blocking kept
   * @param pairsCompleteness truePairsInCandidates / truePairs
   * @param reductionRatio 1 - candidate pairs / all pairs
   * @param links accepted links
   * @param truePositives links of the same entity
   * @param precision truePositives / links
   * @param recall truePositives / truePairs
   * @param f1 harmonic mean of precision and recall
   */
  public record Evaluation(
      long truePairs,
      long truePairsInCandidates,
      double pairsCompleteness,
      double reductionRatio,
      long links,
      long truePositives,
      double precision,
      double recall,
      double f1) {}

  /** Number of distinct left records with a link. */
  public long leftLinked() {
    return distinct(true);
  }

  /** Number of distinct right records with a link. */
  public long rightLinked() {
    return distinct(false);
  }

  private long distinct(boolean leftSide) {
    java.util.BitSet seen = new java.util.BitSet();
    for (int i = 0; i < links.size(); i++) {
      seen.set(leftSide ? links.left(i) : links.right(i));
    }
    return seen.cardinality();
  }
}
