package org.statbench.cohort;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** The estimators' arithmetic on aggregated counts; pure functions, tested on hand-worked cases. */
final class Estimates {
  /** The 97.5% quantile of the standard normal distribution. */
  static final double Z95 = 1.959963984540054;

  private Estimates() {}

  /**
   * Wilson score 95% interval for {@code x} successes out of {@code n}; {@code {NaN, NaN}} when
   * {@code n == 0}. The bounds are exactly 0 when {@code x == 0} and exactly 1 when {@code x == n}.
   */
  static double[] wilson(long x, long n) {
    if (n <= 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double p = (double) x / n;
    double z2 = Z95 * Z95;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
    double lo = x == 0 ? 0 : Math.max(0, centre - half);
    double hi = x == n ? 1 : Math.min(1, centre + half);
    return new double[] {lo, hi};
  }

  /**
   * Kaplan-Meier cumulative proportion {@code 1 - S(d)} at each duration, with Greenwood 95%
   * intervals on the log(-log) scale of S (Kalbfleisch-Prentice, as lifelines does).
   *
   * @param atRisk n_d, at risk at the start of duration d
   * @param events e_d, events at duration d (all causes)
   * @return per duration {cumulative, lower, upper}; NaN where nobody is at risk and the curve has
   *     not reached 0
   */
  static double[][] kaplanMeier(long[] atRisk, long[] events) {
    int w = atRisk.length;
    double[][] out = new double[w][];
    double s = 1;
    double greenwood = 0;
    for (int d = 0; d < w; d++) {
      long n = atRisk[d];
      long e = events[d];
      if (n <= 0) {
        out[d] =
            s == 0 ? new double[] {1, 1, 1} : new double[] {Double.NaN, Double.NaN, Double.NaN};
        continue;
      }
      s *= 1 - (double) e / n;
      if (e >= n) {
        s = 0;
      } else {
        greenwood += (double) e / ((double) n * (n - e));
      }
      out[d] = survivalInterval(s, greenwood);
    }
    return out;
  }

  /** {1-S, lower, upper} of the cumulative proportion from S and its Greenwood sum. */
  private static double[] survivalInterval(double s, double greenwoodSum) {
    if (s <= 0) {
      return new double[] {1, 1, 1};
    }
    if (s >= 1 || greenwoodSum == 0) {
      return new double[] {1 - s, 1 - s, 1 - s};
    }
    double logS = Math.log(s);
    double se = Math.sqrt(greenwoodSum) / Math.abs(logS);
    double sLow = Math.pow(s, Math.exp(Z95 * se));
    double sHigh = Math.pow(s, Math.exp(-Z95 * se));
    return new double[] {1 - s, 1 - sHigh, 1 - sLow};
  }

  /**
   * Aalen-Johansen cumulative incidence of cause 1 with competing cause 2: {@code F1(d) = sum over
   * j <= d of S(j-1) e1_j / n_j}, where S is the all-cause Kaplan-Meier survival. Variance by the
   * delta method (the formula lifelines' AalenJohansenFitter uses), interval on the log(-log)
   * scale.
   *
   * @return per duration {F1, lower, upper}; NaN where nobody is at risk and S has not reached 0
   */
  static double[][] aalenJohansen(long[] atRisk, long[] events1, long[] events2) {
    int w = atRisk.length;
    double[][] out = new double[w][];
    double[] lagS = new double[w];
    double[] f = new double[w];
    double s = 1;
    double cif = 0;
    for (int d = 0; d < w; d++) {
      long n = atRisk[d];
      lagS[d] = s;
      if (n <= 0) {
        f[d] = cif;
        out[d] =
            s == 0
                ? new double[] {cif, cif, cif}
                : new double[] {Double.NaN, Double.NaN, Double.NaN};
        continue;
      }
      long all = events1[d] + events2[d];
      cif += s * events1[d] / n;
      s = all >= n ? 0 : s * (1 - (double) all / n);
      f[d] = cif;
      double variance = 0;
      double first = 0;
      double second = 0;
      double third = 0;
      for (int j = 0; j <= d; j++) {
        long nj = atRisk[j];
        if (nj <= 0) {
          continue;
        }
        long dj = events1[j] + events2[j];
        double diff = cif - f[j];
        if (dj > 0 && diff != 0) {
          first += diff * diff * dj / ((double) nj * (nj - dj));
        }
        double e1 = events1[j];
        second += lagS[j] * lagS[j] / nj * e1 * (nj - e1) / ((double) nj * nj);
        third += diff / nj * lagS[j] * e1 / nj;
      }
      variance = first + second - 2 * third;
      out[d] = incidenceInterval(cif, variance);
    }
    return out;
  }

  private static double[] incidenceInterval(double f, double variance) {
    if (f <= 0) {
      return new double[] {0, 0, 0};
    }
    if (f >= 1 || variance <= 0) {
      return new double[] {f, f, f};
    }
    double se = Math.sqrt(variance) / (f * Math.abs(Math.log(f)));
    return new double[] {f, Math.pow(f, Math.exp(Z95 * se)), Math.pow(f, Math.exp(-Z95 * se))};
  }

  /**
   * K-group log-rank statistic over durations.
   *
   * @param atRisk [group][duration] at risk
   * @param events [group][duration] events
   * @return {chiSquare, degreesOfFreedom, pValue, O_1..O_K, E_1..E_K}; null when fewer than two
   *     groups
   */
  static double[] logRank(long[][] atRisk, long[][] events) {
    int k = atRisk.length;
    if (k < 2) {
      return null;
    }
    int w = atRisk[0].length;
    double[] o = new double[k];
    double[] e = new double[k];
    double[][] v = new double[k][k];
    for (int d = 0; d < w; d++) {
      double bigN = 0;
      double bigE = 0;
      for (int g = 0; g < k; g++) {
        bigN += atRisk[g][d];
        bigE += events[g][d];
      }
      if (bigN <= 0) {
        continue;
      }
      for (int g = 0; g < k; g++) {
        o[g] += events[g][d];
        e[g] += atRisk[g][d] * bigE / bigN;
      }
      if (bigN <= 1) {
        continue;
      }
      double factor = bigE * (bigN - bigE) / (bigN - 1);
      for (int g = 0; g < k; g++) {
        double pg = atRisk[g][d] / bigN;
        for (int h = 0; h < k; h++) {
          double ph = atRisk[h][d] / bigN;
          v[g][h] += factor * pg * ((g == h ? 1 : 0) - ph);
        }
      }
    }
    // Drop the last group: the statistic is U' V^- U over K-1 groups.
    double[][] vr = new double[k - 1][k - 1];
    double[] u = new double[k - 1];
    for (int g = 0; g < k - 1; g++) {
      u[g] = o[g] - e[g];
      System.arraycopy(v[g], 0, vr[g], 0, k - 1);
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(vr));
    int df = svd.getRank();
    double stat;
    double p;
    if (df == 0) {
      stat = 0;
      p = Double.NaN;
    } else {
      RealVector uv = new ArrayRealVector(u);
      stat = uv.dotProduct(svd.getSolver().getInverse().operate(uv));
      p = 1 - new ChiSquaredDistribution(df).cumulativeProbability(stat);
    }
    double[] out = new double[3 + 2 * k];
    out[0] = stat;
    out[1] = df;
    out[2] = p;
    System.arraycopy(o, 0, out, 3, k);
    System.arraycopy(e, 0, out, 3 + k, k);
    return out;
  }
}
