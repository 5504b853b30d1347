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
  long[] binCount;
  double[] binP;
  long[] binTrue;
}
