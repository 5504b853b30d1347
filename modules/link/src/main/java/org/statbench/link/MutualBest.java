package org.statbench.link;

import java.util.Arrays;

/**
 * The mutual-best rule of one-to-one linkage ({@link #select}): after the pairs at or above the
 * threshold are linked, a pair below it links when it is both records' clear best remaining
 * candidate and its one-to-one probability reaches {@link #FLOOR}.
 */
final class MutualBest {
  private MutualBest() {}

  /**
   * The lowest one-to-one probability (see {@link #select}) at which the mutual-best rule links a
   * pair.
   */
  static final double FLOOR = 0.6;

  /** The largest share of right records taken to have a partner (see {@link #matchedShare}). */
  static final double MAX_MATCHED_SHARE = 0.9;

  /**
   * The share of right records that have a partner among the left records, as the model implies it:
   * the prior (per record pair) times the left records, at most {@link #MAX_MATCHED_SHARE} (a model
   * reused on other data may imply more than all).
   */
  static double matchedShare(LinkModel model, int leftRecords) {
    return Math.max(0, Math.min(MAX_MATCHED_SHARE, model.prior() * leftRecords));
  }

  /**
   * The weight below which no pair can reach {@code minProbability} under the mutual-best rule,
   * whatever its competitors: log2((1 - share) * odds(minProbability)).
   */
  static double floorWeight(double share, double minProbability) {
    return LinkModel.log2((1 - share) * minProbability / (1 - minProbability));
  }

  /**
   * What the mutual-best rule knows of the pairs below the kept floor: per left (right) record the
   * highest weight among them, or -infinity, and the sum of 2^weight over them.
   */
  record Absent(float[] bestL, float[] bestR, float[] massL, float[] massR) {}

  /**
   * The mutual-best rule of a one-to-one assignment. After the pairs at or above the threshold are
   * linked, a left record still unlinked has a set of candidates: the right records still unlinked
   * that blocking paired it with (a right record already linked is taken, so it is no competitor).
   * A pair links when it is each record's best remaining candidate, both records' next best
   * candidates are at least {@code margin} bits of weight lower, and its one-to-one probability is
   * at least {@code minProbability}.
   *
   * <p>The one-to-one probability. The pairwise probability 2^w / (1 + 2^w) of a pair of weight w
   * (the prior included) weighs the pair against all record pairs alike, as if its right record
   * were as likely as any other pair to have no partner. Under one-to-one a right record r has one
   * partner among the left records with probability {@code share} (the model's prior times the left
   * records: the expected links over the right records), each left record alike a priori. So, given
   * all of r's candidates, the odds that left record l is r's partner are 2^w / ((1 - share) + A),
   * where A sums 2^weight over r's other remaining candidates: when they are all clearly someone
   * else, a pair below the threshold can still be r's likely partner, and more so the more right
   * records have one (at 10 million left records the prior per pair is ten times smaller than at
   * one million, while the evidence a mover's name and birthday give is not). l's own other
   * candidates r' could claim it too, each at most with odds 2^weight / (1 - share), so the odds
   * are further divided by 1 + B / (1 - share), B summing 2^weight over them (an upper bound: it
   * treats each r' as having no other candidate).
   *
   * @param order pair indices by weight, highest first (see {@link Decisions#sortByWeight})
   * @param l left record of each pair (pairs below the floor {@link #floorWeight} may be absent)
   * @param r right record of each pair
   * @param w weight of each pair
   * @param absent the best weight and the sum of 2^weight per record over its absent pairs
   * @param usedL left records already linked; the rule's links are added
   * @param usedR right records already linked; the rule's links are added
   * @param margin bits by which a pair must beat both records' next best candidates
   * @param share the share of right records that have a partner (see {@link #matchedShare})
   * @param minProbability the lowest one-to-one probability linked
   * @return the indices of the pairs the rule links, best first
   */
  static int[] select(
      int[] order,
      int[] l,
      int[] r,
      double[] w,
      Absent absent,
      java.util.BitSet usedL,
      java.util.BitSet usedR,
      double margin,
      double share,
      double minProbability) {
    int nl = absent.bestL().length;
    int nr = absent.bestR().length;
    double floor = floorWeight(share, minProbability);
    int[] bestL = new int[nl];
    int[] bestR = new int[nr];
    Arrays.fill(bestL, -1);
    Arrays.fill(bestR, -1);
    double[] nextL = new double[nl];
    double[] nextR = new double[nr];
    double[] massL = new double[nl];
    double[] massR = new double[nr];
    for (int a = 0; a < nl; a++) {
      nextL[a] = absent.bestL()[a];
      massL[a] = absent.massL()[a];
    }
    for (int b = 0; b < nr; b++) {
      nextR[b] = absent.bestR()[b];
      massR[b] = absent.massR()[b];
    }
    for (int i : order) {
      if (w[i] < floor) {
        break;
      }
      int a = l[i];
      int b = r[i];
      if (usedL.get(a) || usedR.get(b)) {
        continue;
      }
      if (bestL[a] < 0) {
        bestL[a] = i;
      } else {
        nextL[a] = Math.max(nextL[a], w[i]);
        massL[a] += Math.pow(2, w[i]);
      }
      if (bestR[b] < 0) {
        bestR[b] = i;
      } else {
        nextR[b] = Math.max(nextR[b], w[i]);
        massR[b] += Math.pow(2, w[i]);
      }
    }
    double minOdds = minProbability / (1 - minProbability);
    IntBuffer out = new IntBuffer(256);
    for (int i : order) {
      if (w[i] < floor) {
        break;
      }
      int a = l[i];
      int b = r[i];
      if (bestL[a] == i
          && bestR[b] == i
          && w[i] - nextL[a] >= margin
          && w[i] - nextR[b] >= margin
          && Math.pow(2, w[i]) / ((1 - share + massR[b]) * (1 + massL[a] / (1 - share)))
              >= minOdds) {
        out.add(i);
      }
    }
    int[] accepted = out.toArray();
    for (int i : accepted) {
      usedL.set(l[i]);
      usedR.set(r[i]);
    }
    return accepted;
  }

  /** A float as an int whose signed order is the float's order (for an atomic maximum). */
  static int sortable(float v) {
    int bits = Float.floatToIntBits(v);
    return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
  }

  /** The inverse of {@link #sortable}. */
  static float unsortable(int s) {
    return Float.intBitsToFloat(s >= 0 ? s : s ^ 0x7FFFFFFF);
  }
}
