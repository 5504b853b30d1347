package org.statbench.link;

/**
 * The answer for every left record: {@code match}, {@code possible} (best candidate in the review
 * band, or linked elsewhere by one-to-one) or {@code no-match}, with the best candidate. Immutable.
 */
public final class Verification {
  /** A record's answer. */
  public enum Result {
    MATCH("match"),
    POSSIBLE("possible"),
    NO_MATCH("no-match");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    /** As written in the verification file. */
    public String label() {
      return label;
    }
  }

  private final byte[] result;
  private final int[] right;
  private final double[] probability;

  Verification(byte[] result, int[] right, double[] probability) {
    this.result = result;
    this.right = right;
    this.probability = probability;
  }

  /** Number of left records. */
  public int size() {
    return result.length;
  }

  /** The answer for left record {@code i}. */
  public Result result(int i) {
    return Result.values()[result[i]];
  }

  /** The best (or linked) right record of left record {@code i}, or -1 when it had none. */
  public int right(int i) {
    return right[i];
  }

  /** Match probability of that candidate (0 when none). */
  public double probability(int i) {
    return probability[i];
  }

  /** How many left records got each answer, in {@link Result} order. */
  public long[] counts() {
    long[] c = new long[3];
    for (byte b : result) {
      c[b]++;
    }
    return c;
  }

  /** The answers with clerical decisions applied (see {@link LinkResult#withReview}). */
  Verification withReview(java.util.Collection<LinkResult.Review> decisions) {
    byte[] res = result.clone();
    int[] r = right.clone();
    double[] p = probability.clone();
    for (LinkResult.Review d : decisions) {
      if (d.accept()) {
        res[d.left()] = (byte) Result.MATCH.ordinal();
        r[d.left()] = d.right();
        p[d.left()] = d.probability();
      } else if (r[d.left()] == d.right()) {
        res[d.left()] = (byte) Result.NO_MATCH.ordinal();
      }
    }
    return new Verification(res, r, p);
  }
}
