package org.statbench.link;

import java.util.List;
import java.util.Objects;
import org.statbench.core.data.DatasetColumns;

/**
 * What to link. Immutable.
 *
 * @param left left records (for deduplication the only dataset)
 * @param right right records, or null to deduplicate {@code left}
 * @param leftId identifier variable of the left dataset (written in the outputs)
 * @param rightId identifier variable of the right dataset (ignored when deduplicating)
 * @param fields compared fields (at least one)
 * @param rules blocking rules, OR-ed; empty to use {@link Linker#defaultRules}
 * @param matchKeys deterministic match keys run before the model, in order (may be empty)
 * @param model a trained model to reuse, or null to train one on this data
 * @param truth truth variable (same entity id on both sides) for evaluation, or null
 * @param options thresholds and limits
 */
public record LinkJob(
    DatasetColumns left,
    DatasetColumns right,
    String leftId,
    String rightId,
    List<LinkField> fields,
    List<BlockingRule> rules,
    List<MatchKey> matchKeys,
    LinkModel model,
    String truth,
    Options options) {
  public LinkJob {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(leftId, "leftId");
    fields = List.copyOf(fields);
    rules = List.copyOf(rules);
    matchKeys = List.copyOf(matchKeys);
    options = options == null ? Options.DEFAULT : options;
  }

  /** True when deduplicating one dataset. */
  public boolean isDeduplication() {
    return right == null;
  }

  /**
   * Decision thresholds and limits.
   *
   * @param threshold match probability at or above which a pair links (default 0.9)
   * @param review lower end of the clerical-review band ({@code review <= threshold}); pairs in
   *     [review, threshold) are {@code possible}
   * @param oneToOne link each record at most once, best pairs first
   * @param chainThreshold deduplication: pairs at or above it chain records into clusters; pairs
   *     between {@code threshold} and it only join two records that are still alone
   * @param maxPairs refuse a run whose blocking rules bring more candidate pairs than this
   * @param uSamples random record pairs drawn to estimate {@code u}
   * @param seed random seed for the sampling
   * @param mutualMargin one-to-one only (0 turns it off): a pair below the threshold also links
   *     when, among the records not yet linked, each side is the other's best candidate, the next
   *     best candidate of either record is at least this many bits of weight lower, and its
   *     one-to-one probability (the share of right records that have a partner and both records'
   *     other candidates taken into account) is at least {@link MutualBest#FLOOR} (the
   *     assignment-aware rule, see {@link MutualBest#select})
   */
  public record Options(
      double threshold,
      double review,
      boolean oneToOne,
      double chainThreshold,
      long maxPairs,
      int uSamples,
      long seed,
      double mutualMargin) {
    /**
     * The default margin of the mutual-best rule in bits (a clear best is 2^MARGIN times likelier).
     */
    public static final double MUTUAL_MARGIN = 4;

    /**
     * Threshold 0.9, no review band, no one-to-one, chaining at 0.99, 300 million pairs,
     * mutual-best margin {@link #MUTUAL_MARGIN} bits (used only with one-to-one).
     */
    public static final Options DEFAULT =
        new Options(0.9, 0.9, false, 0.99, 300_000_000L, 400_000, 42, MUTUAL_MARGIN);

    /** Options with the default mutual-best margin. */
    public Options(
        double threshold,
        double review,
        boolean oneToOne,
        double chainThreshold,
        long maxPairs,
        int uSamples,
        long seed) {
      this(threshold, review, oneToOne, chainThreshold, maxPairs, uSamples, seed, MUTUAL_MARGIN);
    }

    public Options {
      if (!(threshold > 0 && threshold <= 1) || !(review > 0 && review <= threshold)) {
        throw new org.statbench.core.InputException(
            "Thresholds must satisfy 0 < review <= threshold <= 1 (got threshold "
                + threshold
                + ", review "
                + review
                + ")");
      }
      if (!(mutualMargin >= 0)) {
        throw new org.statbench.core.InputException(
            "The mutual-best margin must be 0 (off) or more bits (got " + mutualMargin + ")");
      }
    }

    /** The same options with another threshold and review band. */
    public Options withThresholds(double t, double r) {
      return new Options(t, r, oneToOne, chainThreshold, maxPairs, uSamples, seed, mutualMargin);
    }

    /** The same options with one-to-one on or off. */
    public Options withOneToOne(boolean on) {
      return new Options(
          threshold, review, on, chainThreshold, maxPairs, uSamples, seed, mutualMargin);
    }

    /** The same options with another mutual-best margin in bits (0 turns the rule off). */
    public Options withMutualMargin(double bits) {
      return new Options(
          threshold, review, oneToOne, chainThreshold, maxPairs, uSamples, seed, bits);
    }

    /** True when the mutual-best rule applies (one-to-one and a positive margin). */
    boolean mutualBest() {
      return oneToOne && mutualMargin > 0;
    }

    /** The same options with another pair cap. */
    public Options withMaxPairs(long cap) {
      return new Options(
          threshold, review, oneToOne, chainThreshold, cap, uSamples, seed, mutualMargin);
    }
  }
}
