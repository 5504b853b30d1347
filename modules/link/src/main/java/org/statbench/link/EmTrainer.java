package org.statbench.link;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;

/**
 * Trains the Fellegi-Sunter model without labels: u from random record pairs (exact levels from
 * value frequencies), the household dependence terms from the right side, then m and the prior by
 * EM over the distinct agreement patterns with their counts (fastLink).
 */
final class EmTrainer {
  private final Encoding enc;
  private final LinkJob job;
  private final ProgressListener progress;
  private final CancellationToken cancel;
  private final EncodedField[] f;
  private final boolean dedup;
  private final int nl;
  private final int nr;
  private final int patterns;
  private final int forename;
  private final int surname;
  private final int postcode;
  private final int address;
  private final int dob;
  private final long[] patternCounts;
  private final long candidates;

  EmTrainer(
      Encoding enc,
      ProgressListener progress,
      CancellationToken cancel,
      long[] patternCounts,
      long candidates) {
    this.enc = enc;
    this.job = enc.job;
    this.progress = progress;
    this.cancel = cancel;
    this.f = enc.f;
    this.dedup = enc.dedup;
    this.nl = enc.nl;
    this.nr = enc.nr;
    this.patterns = enc.patterns;
    this.forename = enc.forename;
    this.surname = enc.surname;
    this.postcode = enc.postcode;
    this.address = enc.address;
    this.dob = enc.dob;
    this.patternCounts = patternCounts;
    this.candidates = candidates;
  }

  private int level(int p, int j) {
    return enc.level(p, j);
  }

  private boolean addressMoot(int p) {
    return enc.addressMoot(p);
  }

  private static long mix(long h, long v) {
    return Encoding.mix(h, v);
  }

  LinkModel train() {
    progress.progress(0, 1, "estimating u by random sampling");
    double[][] u = sampleU();
    LinkModel.Household hh = household(u);
    progress.progress(0, 1, "estimating m by EM");
    // EM over the distinct agreement patterns with their counts (fastLink), tens of thousands at
    // most whatever the number of pairs. u stays as sampled (Splink): the non-match likelihood of a
    // pattern is the product of the u's with the household correction, so households sharing a
    // surname, postcode and address are not mistaken for the match class; m and the prior (over
    // all pairs; pairs outside the blocks are non-matches) are estimated.
    IntBuffer ids = new IntBuffer(1024);
    for (int p = 0; p < patterns; p++) {
      if (patternCounts[p] > 0) {
        ids.add(p);
      }
    }
    int[] pids = ids.toArray();
    int np = pids.length;
    int[][] lv = new int[np][f.length];
    double[] cnt = new double[np];
    for (int i = 0; i < np; i++) {
      cnt[i] = patternCounts[pids[i]];
      for (int j = 0; j < f.length; j++) {
        lv[i][j] = level(pids[i], j);
      }
      if (addressMoot(pids[i])) {
        lv[i][address] = FieldType.MISSING;
      }
    }
    double[][] m = new double[f.length][];
    for (int j = 0; j < f.length; j++) {
      int levels = f[j].type.levels().size();
      m[j] = new double[levels];
      for (int l = 1; l < levels; l++) {
        // start from "matches mostly agree": disagreement 2%, partial levels share 8%
        m[j][l] = l == levels - 1 ? 0.9 : l == 1 ? 0.02 : 0.08 / (levels - 3);
      }
      normalise(m[j]);
    }
    double allPairs = dedup ? (double) nl * (nl - 1) / 2 : (double) nl * nr;
    double prior = Math.max(1e-15, Math.min(0.5, 0.5 * Math.min(nl, nr) / allPairs));
    double[] g = new double[np];
    HouseholdTerms terms = new HouseholdTerms(enc, hh);
    for (int iter = 0; iter < 200; iter++) {
      cancel.throwIfCancelled();
      double sumG = 0;
      double priorW = LinkModel.log2(prior / (1 - prior));
      for (int i = 0; i < np; i++) {
        double w = priorW + terms.correction(pids[i], u);
        for (int j = 0; j < f.length; j++) {
          int l = lv[i][j];
          if (l != FieldType.MISSING) {
            w += LinkModel.log2(m[j][l] / u[j][l]);
          }
        }
        g[i] = LinkRun.probability(w);
        sumG += cnt[i] * g[i];
      }
      double newPrior = Math.max(1e-15, Math.min(0.5, sumG / allPairs));
      double change = Math.abs(newPrior - prior) / prior;
      prior = newPrior;
      for (int j = 0; j < f.length; j++) {
        int levels = m[j].length;
        double[] nm = new double[levels];
        for (int i = 0; i < np; i++) {
          int l = lv[i][j];
          if (l != FieldType.MISSING) {
            nm[l] += cnt[i] * g[i];
          }
        }
        // m at least 1e-4: a level never seen among matches on this data is rare, not impossible
        normalise(nm, 1e-4);
        for (int l = 1; l < levels; l++) {
          change = Math.max(change, Math.abs(nm[l] - m[j][l]));
        }
        m[j] = nm;
        // value frequencies count the matches too: P(agree) = prior m + (1 - prior) u
        int ex = levels - 1;
        u[j][ex] = Math.max(1e-12, (agreeAll[j] - prior * m[j][ex]) / (1 - prior));
      }
      if (change < 1e-7) {
        break;
      }
    }
    List<LinkModel.FieldModel> fms = new ArrayList<>();
    for (int j = 0; j < f.length; j++) {
      boolean tf = f[j].type == FieldType.NAME || f[j].type == FieldType.POSTCODE;
      fms.add(
          new LinkModel.FieldModel(
              f[j].field.name(), f[j].type, f[j].type.levels(), m[j], u[j], tf));
    }
    return new LinkModel(
        LinkModel.VERSION,
        fms,
        prior,
        hh,
        nl + " x " + (dedup ? "itself" : nr) + " records, " + candidates + " candidate pairs");
  }

  private static void normalise(double[] p) {
    normalise(p, 1e-6);
  }

  /** Scales levels 1.. to sum to one, each at least {@code floor}. */
  private static void normalise(double[] p, double floor) {
    double s = 0;
    for (int l = 1; l < p.length; l++) {
      p[l] = Math.max(p[l], 0);
      s += p[l];
    }
    for (int l = 1; l < p.length; l++) {
      p[l] = Math.max(floor, s > 0 ? p[l] / s : 1.0 / (p.length - 1));
    }
  }

  private double[][] sampleU() {
    int samples = job.options().uSamples();
    SplittableRandom rnd = new SplittableRandom(job.options().seed());
    double[][] u = new double[f.length][];
    long[][] counts = new long[f.length][];
    for (int j = 0; j < f.length; j++) {
      counts[j] = new long[f[j].type.levels().size()];
    }
    for (int s = 0; s < samples; s++) {
      int l = rnd.nextInt(nl);
      int r = rnd.nextInt(nr);
      if (dedup && l == r) {
        continue;
      }
      for (int j = 0; j < f.length; j++) {
        // no cache: random pairs rarely repeat, and a huge cache only costs memory misses
        counts[j][f[j].level(f[j].left[l], f[j].right[r], null)]++;
      }
    }
    agreeAll = new double[f.length];
    for (int j = 0; j < f.length; j++) {
      int levels = counts[j].length;
      double exact = exactAgreement(f[j]);
      agreeAll[j] = exact;
      long n = 0;
      for (int l = 1; l < levels - 1; l++) {
        n += counts[j][l];
      }
      u[j] = new double[levels];
      double floor = 0.5 / Math.max(1, samples);
      for (int l = 1; l < levels - 1; l++) {
        u[j][l] = Math.max(floor, n == 0 ? floor : (1 - exact) * counts[j][l] / n);
      }
      u[j][levels - 1] = Math.max(1e-12, exact);
    }
    return u;
  }

  /** P(two random records, both with a value, agree exactly) = sum over v of pL(v) pR(v). */
  private double exactAgreement(EncodedField e) {
    LongIntMap lc = new LongIntMap(1024);
    LongIntMap rc = new LongIntMap(1024);
    long ln = count(e.left, lc);
    long rn = dedup ? ln : count(e.right, rc);
    LongIntMap rcount = dedup ? lc : rc;
    double[] sum = {0};
    lc.forEach((k, v) -> sum[0] += (double) v * rcount.get(k, 0));
    if (dedup) {
      sum[0] -= ln;
      return ln < 2 ? 0 : sum[0] / ((double) ln * (ln - 1));
    }
    return ln == 0 || rn == 0 ? 0 : sum[0] / ((double) ln * rn);
  }

  static long count(int[] codes, LongIntMap into) {
    long n = 0;
    for (int c : codes) {
      if (c != EncodedField.NONE) {
        into.add(c, 1);
        n++;
      }
    }
    return n;
  }

  /** Conditional agreement among different records of the right side that share a postcode. */
  private LinkModel.Household household(double[][] u) {
    if (surname < 0 || postcode < 0) {
      return null;
    }
    int[] pc = f[postcode].right;
    int[] sn = f[surname].right;
    int[] ad = address >= 0 ? f[address].right : null;
    int[] fn = forename >= 0 ? f[forename].right : null;
    int[] db = dob >= 0 ? f[dob].right : null;
    LongIntMap byPc = new LongIntMap(1 << 16);
    LongIntMap bySn = new LongIntMap(1 << 16);
    LongIntMap byAd = new LongIntMap(1 << 16);
    LongIntMap byHome = new LongIntMap(1 << 16);
    LongIntMap byFn = new LongIntMap(1 << 16);
    LongIntMap byDob = new LongIntMap(1 << 16);
    for (int i = 0; i < nr; i++) {
      if (pc[i] == EncodedField.NONE) {
        continue;
      }
      long p = mix(1, pc[i]);
      byPc.add(p, 1);
      if (sn[i] != EncodedField.NONE) {
        bySn.add(mix(p, sn[i]), 1);
      }
      if (ad != null && ad[i] != EncodedField.NONE) {
        byAd.add(mix(p + 1, ad[i]), 1);
        if (sn[i] != EncodedField.NONE) {
          long h = mix(mix(p + 2, sn[i]), ad[i]);
          byHome.add(h, 1);
          if (fn != null && fn[i] != EncodedField.NONE) {
            byFn.add(mix(h, fn[i]), 1);
          }
          if (db != null && db[i] != EncodedField.NONE) {
            byDob.add(mix(h + 1, db[i]), 1);
          }
        }
      }
    }
    double pairs = pairs(byPc);
    if (pairs < 1) {
      return null;
    }
    double homes = pairs(byHome);
    double floor = 1 / (pairs + 1);
    double homeFloor = 1 / (homes + 2);
    return new LinkModel.Household(
        f[surname].field.name(),
        f[postcode].field.name(),
        address >= 0 ? f[address].field.name() : null,
        forename >= 0 ? f[forename].field.name() : null,
        dob >= 0 ? f[dob].field.name() : null,
        Math.max(floor, pairs(bySn) / pairs),
        Math.max(floor, pairs(byAd) / pairs),
        Math.max(floor, homes / pairs),
        homes < 1 ? 1 : Math.max(homeFloor, pairs(byFn) / homes),
        homes < 1 ? 1 : Math.max(homeFloor, pairs(byDob) / homes));
  }

  static double pairs(LongIntMap groups) {
    double[] s = {0};
    groups.forEach((k, c) -> s[0] += (double) c * (c - 1) / 2);
    return s[0];
  }

  /** u: exact levels from value frequencies (exact), other levels from random pairs. */
  /** P(exact agreement) over all record pairs per field, matches included (see sampleU). */
  private double[] agreeAll;
}
