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
 * @param histogram the match weights of all scored candidate pairs (and key links), binned
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
    Map<String, Long> timingsMs,
    WeightHistogram histogram) {

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

  /**
   * The distribution of match weights over the scored candidate pairs, in bins of equal width, for
   * a histogram and for the links and the model's estimated precision and recall at any threshold
   * (as {@link #curve()} does at fixed ones). Deterministic key links count as pairs of probability
   * 1 in {@code keyLinks}, outside the bins. Immutable (arrays are not copied: do not change them).
   *
   * @param lowest lower edge of bin 0 in bits (lower weights are counted in bin 0)
   * @param width bin width in bits
   * @param counts candidate pairs per bin (higher weights are counted in the last bin)
   * @param expectedMatches per bin the sum of the pairs' match probabilities
   * @param keyLinks links made by deterministic match keys
   */
  public record WeightHistogram(
      double lowest, double width, long[] counts, double[] expectedMatches, long keyLinks) {
    /** Lower edge of bin {@code b} in bits. */
    public double edge(int b) {
      return lowest + b * width;
    }

    /** Pairs in the bins whose lower edge is at or above {@code weight}, plus the key links. */
    public long pairsAtOrAbove(double weight) {
      long n = keyLinks;
      for (int b = first(weight); b < counts.length; b++) {
        n += counts[b];
      }
      return n;
    }

    /**
     * The model's estimated precision at a threshold weight: the mean match probability of the
     * pairs at or above it (1 when there are none).
     */
    public double estimatedPrecision(double weight) {
      long n = keyLinks;
      double e = keyLinks;
      for (int b = first(weight); b < counts.length; b++) {
        n += counts[b];
        e += expectedMatches[b];
      }
      return n == 0 ? 1 : e / n;
    }

    /**
     * The model's estimated recall at a threshold weight: the expected matches at or above it over
     * all expected matches among the candidates (0 when none are expected).
     */
    public double estimatedRecall(double weight) {
      double all = keyLinks;
      double above = keyLinks;
      int from = first(weight);
      for (int b = 0; b < counts.length; b++) {
        all += expectedMatches[b];
        if (b >= from) {
          above += expectedMatches[b];
        }
      }
      return all == 0 ? 0 : above / all;
    }

    /** The first bin whose lower edge is at or above the weight (exactly as the curve counts). */
    private int first(double weight) {
      int b = Math.max(0, Math.min(counts.length, (int) Math.ceil((weight - lowest) / width)));
      while (b > 0 && edge(b - 1) >= weight) {
        b--;
      }
      while (b < counts.length && edge(b) < weight) {
        b++;
      }
      return b;
    }
  }

  /**
   * A clerical decision on one candidate pair.
   *
   * @param left left record number
   * @param right right record number
   * @param probability the pair's match probability
   * @param accept true to link the pair, false to keep it apart
   */
  public record Review(int left, int right, double probability, boolean accept) {}

  /**
   * This result with clerical decisions applied: an accepted pair becomes a link (stage {@code
   * review}) and its left record a {@code match}; a rejected pair is no link, and its left record a
   * {@code no-match} when that pair was its answer. Later decisions on the same pair win.
   * Evaluation, curve and histogram are those of the run.
   */
  public LinkResult withReview(List<Review> decisions) {
    Map<Long, Review> last = new java.util.LinkedHashMap<>();
    for (Review d : decisions) {
      last.put(((long) d.left() << 32) | d.right(), d);
    }
    List<String> stages = new java.util.ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      if (!stages.contains(links.stage(i))) {
        stages.add(links.stage(i));
      }
    }
    if (!stages.contains("model")) {
      stages.add(0, "model");
    }
    stages.add("review");
    byte review = (byte) (stages.size() - 1);
    int n = links.size() + last.size();
    int[] l = new int[n];
    int[] r = new int[n];
    double[] w = new double[n];
    double[] p = new double[n];
    byte[] s = new byte[n];
    int k = 0;
    for (int i = 0; i < links.size(); i++) {
      Review d = last.get(((long) links.left(i) << 32) | links.right(i));
      if (d != null) {
        continue; // decided by the reviewer: added below when accepted
      }
      l[k] = links.left(i);
      r[k] = links.right(i);
      w[k] = links.weight(i);
      p[k] = links.probability(i);
      s[k++] = (byte) stages.indexOf(links.stage(i));
    }
    for (Review d : last.values()) {
      if (d.accept()) {
        l[k] = d.left();
        r[k] = d.right();
        p[k] = d.probability();
        w[k] = LinkModel.log2(d.probability() / (1 - d.probability()));
        s[k++] = review;
      }
    }
    Links reviewed =
        new Links(
            java.util.Arrays.copyOf(l, k),
            java.util.Arrays.copyOf(r, k),
            java.util.Arrays.copyOf(w, k),
            java.util.Arrays.copyOf(p, k),
            java.util.Arrays.copyOf(s, k),
            stages);
    Verification v = verification == null ? null : verification.withReview(last.values());
    return new LinkResult(
        leftRecords,
        rightRecords,
        blocking,
        candidatePairs,
        model,
        reviewed,
        v,
        clusters,
        curve,
        evaluation,
        timingsMs,
        histogram);
  }
}
