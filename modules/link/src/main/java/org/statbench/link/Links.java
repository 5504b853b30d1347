package org.statbench.link;

import java.util.List;

/**
 * Accepted links, held as parallel primitive arrays (a million links would be a million objects
 * otherwise), best first within each stage. Record numbers are 0-based rows of each dataset.
 * Immutable.
 */
public final class Links {
  private final int[] left;
  private final int[] right;
  private final double[] weight;
  private final double[] probability;
  private final byte[] stage;
  private final List<String> stages;

  Links(
      int[] left,
      int[] right,
      double[] weight,
      double[] probability,
      byte[] stage,
      List<String> stages) {
    this.left = left;
    this.right = right;
    this.weight = weight;
    this.probability = probability;
    this.stage = stage;
    this.stages = List.copyOf(stages);
  }

  /**
   * One link.
   *
   * @param left left record number
   * @param right right record number
   * @param probability match probability (1 for a deterministic key)
   * @param weight match weight in bits (log2 of the posterior odds), from the model
   * @param stage {@code model} or the match key that made it, e.g. {@code key:nino+dob}
   */
  public record Link(int left, int right, double probability, double weight, String stage) {}

  /** Number of links. */
  public int size() {
    return left.length;
  }

  /** The i-th link. */
  public Link get(int i) {
    return new Link(left[i], right[i], probability[i], weight[i], stages.get(stage[i]));
  }

  /** Left record number of link i. */
  public int left(int i) {
    return left[i];
  }

  /** Right record number of link i. */
  public int right(int i) {
    return right[i];
  }

  /** Match probability of link i. */
  public double probability(int i) {
    return probability[i];
  }

  /** Match weight (bits) of link i. */
  public double weight(int i) {
    return weight[i];
  }

  /** Stage of link i. */
  public String stage(int i) {
    return stages.get(stage[i]);
  }
}
