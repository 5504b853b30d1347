package org.statbench.disclosure.perturb;

import java.util.Arrays;

/**
 * A perturbation table for cell-key perturbation of counts, generated from the maximum noise D, the
 * noise variance V and the small-value threshold js.
 *
 * <p>For each original count n the noise e ranges over -D..D such that {@code n + e >= 0} and
 * {@code n + e} is not in 1..js (a zero stays zero). Its distribution is the maximum-entropy one
 * with mean 0 and variance V on that support ({@code p(e) ∝ exp(a e + b e²)}, a and b found by
 * nested bisection); where the support cannot reach variance V exactly the nearest achievable
 * variance is used, and mean 0 always holds when the support has noises of both signs. Counts above
 * {@code js + D} share one row. Noise is looked up by the cell key: the first e whose cumulative
 * probability exceeds the key. Immutable and thread-safe.
 */
public final class PerturbationTable {
  private final int maxNoise;
  private final int js;
  private final double variance;

  /** Per row (count 0..js+D+1): cumulative probabilities over noises -D..D. */
  private final double[][] cumulative;

  /** Generates the table. */
  public PerturbationTable(int maxNoise, double variance, int smallValueThreshold) {
    this.maxNoise = maxNoise;
    this.variance = variance;
    this.js = smallValueThreshold;
    int rows = js + maxNoise + 2;
    cumulative = new double[rows][];
    for (int n = 0; n < rows; n++) {
      cumulative[n] = cumulativeFor(n);
    }
  }

  /** The noise for a cell with this count and cell key in [0, 1). */
  public int noise(long count, double cellKey) {
    if (count <= 0) {
      return 0;
    }
    double[] cum = cumulative[(int) Math.min(count, cumulative.length - 1)];
    for (int k = 0; k < cum.length; k++) {
      if (cellKey < cum[k]) {
        return k - maxNoise;
      }
    }
    // Key at the top of the range: the largest noise with positive probability.
    for (int k = cum.length - 1; k > 0; k--) {
      if (cum[k] > cum[k - 1]) {
        return k - maxNoise;
      }
    }
    return -maxNoise;
  }

  /** The perturbed count: {@code count + noise(count, cellKey)}, never in 1..js. */
  public long perturb(long count, double cellKey) {
    return count + noise(count, cellKey);
  }

  /** Probability of noise e for a count (for tests and documentation). */
  public double probability(long count, int e) {
    double[] cum = cumulative[(int) Math.min(Math.max(count, 0), cumulative.length - 1)];
    int k = e + maxNoise;
    if (k < 0 || k >= cum.length) {
      return 0;
    }
    return cum[k] - (k == 0 ? 0 : cum[k - 1]);
  }

  private double[] cumulativeFor(int n) {
    int width = 2 * maxNoise + 1;
    boolean[] allowed = new boolean[width];
    int count = 0;
    for (int k = 0; k < width; k++) {
      int e = k - maxNoise;
      long target = (long) n + e;
      allowed[k] = n == 0 ? e == 0 : target >= 0 && !(target >= 1 && target <= js);
      if (allowed[k]) {
        count++;
      }
    }
    double[] p = new double[width];
    if (count == 1) {
      for (int k = 0; k < width; k++) {
        p[k] = allowed[k] ? 1 : 0;
      }
    } else {
      double scaleB = 50.0 / ((double) maxNoise * maxNoise);
      double lo = -scaleB;
      double hi = scaleB;
      double b = 0;
      double[] best = null;
      // Variance grows with b (mass moves to the extremes): bisection on b, a fitted for mean 0.
      for (int it = 0; it < 80; it++) {
        b = (lo + hi) / 2;
        double[] q = fitMean(allowed, b);
        best = q;
        double var = moment(q, 2);
        if (var < variance) {
          lo = b;
        } else {
          hi = b;
        }
      }
      p = best;
    }
    double[] cum = new double[width];
    double acc = 0;
    for (int k = 0; k < width; k++) {
      acc += p[k];
      cum[k] = acc;
    }
    for (int k = 0; k < width; k++) {
      cum[k] /= acc;
    }
    cum[width - 1] = 1.0;
    return cum;
  }

  private double[] fitMean(boolean[] allowed, double b) {
    double scaleA = 60.0 / maxNoise;
    double lo = -scaleA;
    double hi = scaleA;
    double[] q = null;
    for (int it = 0; it < 80; it++) {
      double a = (lo + hi) / 2;
      q = weights(allowed, a, b);
      if (moment(q, 1) < 0) {
        lo = a;
      } else {
        hi = a;
      }
    }
    return q;
  }

  private double[] weights(boolean[] allowed, double a, double b) {
    int width = allowed.length;
    double[] w = new double[width];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < width; k++) {
      int e = k - maxNoise;
      w[k] = allowed[k] ? a * e + b * e * e : Double.NEGATIVE_INFINITY;
      max = Math.max(max, w[k]);
    }
    double sum = 0;
    for (int k = 0; k < width; k++) {
      w[k] = allowed[k] ? Math.exp(w[k] - max) : 0;
      sum += w[k];
    }
    for (int k = 0; k < width; k++) {
      w[k] /= sum;
    }
    return w;
  }

  private double moment(double[] q, int power) {
    double m = 0;
    for (int k = 0; k < q.length; k++) {
      int e = k - maxNoise;
      m += q[k] * (power == 1 ? e : (double) e * e);
    }
    return m;
  }

  @Override
  public String toString() {
    return "PerturbationTable[D="
        + maxNoise
        + ", V="
        + variance
        + ", js="
        + js
        + ", rows="
        + cumulative.length
        + ", last="
        + Arrays.toString(cumulative[cumulative.length - 1])
        + "]";
  }
}
