package org.statbench.link;

/**
 * Scored candidate pairs at or above the review threshold, the best candidate per left record and
 * the weight histogram (count, summed probability, true pairs per bin).
 */
final class Scored {
  static final int BINS = 1024;
  static final double BIN_LO = -128;
  static final double BIN_WIDTH = 0.25;

  int[] l;
  int[] r;
  double[] w;
  double[] bestW;
  int[] bestR;

  /**
   * The highest weight per left (right) record among its pairs below the kept floor, or -infinity
   * (used by the mutual-best rule; null when the rule is off). The right side is a sortable int.
   */
  float[] belowL;

  java.util.concurrent.atomic.AtomicIntegerArray belowR;

  /**
   * Per left (right) record, the sum of 2^weight over its pairs that are absent (below the kept
   * floor): how much the record's weaker candidates compete (used by the mutual-best rule).
   */
  float[] massL;

  float[] massR;
  long[] binCount;
  double[] binP;
  long[] binTrue;
}
