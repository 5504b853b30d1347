package org.statbench.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.statbench.core.ProgressListener;

/**
 * Decisions on the scored pairs: key links first, then model pairs at or above the threshold best
 * first (optionally one-to-one), the verification answer per left record, deduplication clusters,
 * the precision-recall curve and, with a truth variable, the evaluation.
 */
final class Decisions {
  /** The model weight of one pair, computed directly (for key links). */
  interface PairWeight {
    double weight(int l, int r);
  }

  /** The stage name of the links the mutual-best rule makes. */
  static final String MUTUAL_STAGE = "mutual best";

  private static final int BINS = Scored.BINS;
  private static final double BIN_LO = Scored.BIN_LO;
  private static final double BIN_WIDTH = Scored.BIN_WIDTH;

  private final LinkJob job;
  private final ProgressListener progress;
  private final Blocking blocking;
  private final List<BlockingRule> rules;
  private final boolean dedup;
  private final int nl;
  private final int nr;
  private final int[] truthL;
  private final int[] truthR;
  private final List<int[]> keyLinks;
  private final List<String> stages;
  private final PairWeight directWeight;
  private final LinkModel model;
  private final long[] ruleAdded;
  private final long candidates;
  private final long truePairsInCandidates;
  private final Map<String, Long> timings;

  Decisions(
      Encoding enc,
      ProgressListener progress,
      Blocking blocking,
      List<int[]> keyLinks,
      List<String> stages,
      PairWeight directWeight,
      LinkModel model,
      long[] ruleAdded,
      long candidates,
      long truePairsInCandidates,
      Map<String, Long> timings) {
    this.job = enc.job;
    this.progress = progress;
    this.blocking = blocking;
    this.rules = blocking.rules;
    this.dedup = enc.dedup;
    this.nl = enc.nl;
    this.nr = enc.nr;
    this.truthL = enc.truthL;
    this.truthR = enc.truthR;
    this.keyLinks = keyLinks;
    this.stages = stages;
    this.directWeight = directWeight;
    this.model = model;
    this.ruleAdded = ruleAdded;
    this.candidates = candidates;
    this.truePairsInCandidates = truePairsInCandidates;
    this.timings = timings;
  }

  LinkResult decide(Scored s) {
    progress.progress(0, 1, "deciding");
    double t = job.options().threshold();
    double wT = LinkModel.log2(t / (1 - t));
    // accepted model pairs, best first (ties by record numbers, so runs are reproducible)
    int[] idx = sortByWeight(s.w);
    IntBuffer ol = new IntBuffer(1024);
    IntBuffer or = new IntBuffer(1024);
    DoubleBuffer ow = new DoubleBuffer(1024);
    DoubleBuffer op = new DoubleBuffer(1024);
    IntBuffer stageBuf = new IntBuffer(1024);
    for (int[] k : keyLinks) {
      ol.add(k[0]);
      or.add(k[1]);
      ow.add(directWeight.weight(k[0], k[1]));
      op.add(1.0);
      stageBuf.add(k[2]);
    }
    boolean oneToOne = job.options().oneToOne() && !dedup;
    java.util.BitSet usedL = new java.util.BitSet(nl);
    java.util.BitSet usedR = new java.util.BitSet(nr);
    for (int[] k : keyLinks) {
      usedL.set(k[0]);
      usedR.set(k[1]);
    }
    for (int i : idx) {
      if (s.w[i] < wT) {
        break;
      }
      int l = s.l[i];
      int r = s.r[i];
      if (oneToOne) {
        if (usedL.get(l) || usedR.get(r)) {
          continue;
        }
        usedL.set(l);
        usedR.set(r);
      }
      ol.add(l);
      or.add(r);
      ow.add(s.w[i]);
      op.add(LinkRun.probability(s.w[i]));
      stageBuf.add(0);
    }
    List<String> stageNames = stages;
    if (oneToOne && job.options().mutualBest()) {
      stageNames = new ArrayList<>(stages);
      stageNames.add(MUTUAL_STAGE);
      int mutualStage = stageNames.size() - 1;
      float[] belowR = new float[nr];
      for (int r = 0; r < nr; r++) {
        belowR[r] = MutualBest.unsortable(s.belowR.get(r));
      }
      for (int i :
          MutualBest.select(
              idx,
              s.l,
              s.r,
              s.w,
              new MutualBest.Absent(s.belowL, belowR, s.massL, s.massR),
              usedL,
              usedR,
              job.options().mutualMargin(),
              MutualBest.matchedShare(model, nl),
              MutualBest.FLOOR)) {
        ol.add(s.l[i]);
        or.add(s.r[i]);
        ow.add(s.w[i]);
        op.add(LinkRun.probability(s.w[i]));
        stageBuf.add(mutualStage);
      }
    }
    int[] stg = stageBuf.toArray();
    byte[] stageBytes = new byte[stg.length];
    for (int i = 0; i < stg.length; i++) {
      stageBytes[i] = (byte) stg[i];
    }
    Links links =
        new Links(ol.toArray(), or.toArray(), ow.toArray(), op.toArray(), stageBytes, stageNames);

    Verification verification = dedup ? null : verification(s, links);
    int[] clusters = dedup ? clusters(s, idx, wT) : null;
    List<LinkResult.CurvePoint> curve = curve(s);
    LinkResult.Evaluation evaluation = truthL == null ? null : evaluate(links);
    List<LinkResult.RuleCount> counts = new ArrayList<>();
    long[] naive = blocking.naiveCounts();
    for (int k = 0; k < rules.size(); k++) {
      counts.add(new LinkResult.RuleCount(rules.get(k), naive[k], ruleAdded[k]));
    }
    return new LinkResult(
        nl,
        nr,
        counts,
        candidates,
        model,
        links,
        verification,
        clusters,
        curve,
        evaluation,
        timings,
        new LinkResult.WeightHistogram(BIN_LO, BIN_WIDTH, s.binCount, s.binP, keyLinks.size()));
  }

  /** Indices of w sorted by weight, highest first; ties by index (reproducible runs). */
  static int[] sortByWeight(double[] w) {
    long[] keys = new long[w.length];
    for (int i = 0; i < w.length; i++) {
      // weights quantised to 2^-20 bits and clamped to +-1000 bits fit the upper 32 bits; the
      // offset 2^30 keeps the key positive for negative weights too (2^31 would set the sign bit)
      long q = Math.round(Math.max(-1000, Math.min(1000, w[i])) * (1 << 20));
      keys[i] = ((-q + (1L << 30)) << 32) | i;
    }
    Arrays.parallelSort(keys);
    int[] order = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      order[i] = (int) (keys[i] & 0xFFFFFFFFL);
    }
    return order;
  }

  private Verification verification(Scored s, Links links) {
    byte[] result = new byte[nl];
    int[] right = new int[nl];
    double[] prob = new double[nl];
    double review = job.options().review();
    Arrays.fill(result, (byte) Verification.Result.NO_MATCH.ordinal());
    for (int l = 0; l < nl; l++) {
      right[l] = s.bestR[l];
      prob[l] = s.bestR[l] < 0 ? 0 : LinkRun.probability(s.bestW[l]);
      if (prob[l] >= review) {
        result[l] = (byte) Verification.Result.POSSIBLE.ordinal();
      }
    }
    for (int i = 0; i < links.size(); i++) {
      int l = links.left(i);
      result[l] = (byte) Verification.Result.MATCH.ordinal();
      right[l] = links.right(i);
      prob[l] = links.probability(i);
    }
    return new Verification(result, right, prob);
  }

  /** Connected components: chaining only through pairs at or above the chaining threshold. */
  private int[] clusters(Scored s, int[] idx, double wT) {
    double ct = Math.max(job.options().chainThreshold(), job.options().threshold());
    double wC = LinkModel.log2(ct / (1 - ct));
    int[] parent = new int[nl];
    int[] size = new int[nl];
    for (int i = 0; i < nl; i++) {
      parent[i] = i;
      size[i] = 1;
    }
    for (int[] k : keyLinks) {
      // records sharing a match key are one cluster whatever the model says
      int a = find(parent, k[0]);
      int b = find(parent, k[1]);
      if (a != b) {
        parent[b] = a;
        size[a] += size[b];
      }
    }
    for (int i : idx) {
      if (s.w[i] < wT) {
        break;
      }
      int a = find(parent, s.l[i]);
      int b = find(parent, s.r[i]);
      if (a == b) {
        continue;
      }
      if (s.w[i] >= wC || (size[a] == 1 && size[b] == 1)) {
        if (size[a] < size[b]) {
          int t = a;
          a = b;
          b = t;
        }
        parent[b] = a;
        size[a] += size[b];
      }
    }
    int[] cluster = new int[nl];
    int[] number = new int[nl];
    Arrays.fill(number, -1);
    int next = 0;
    for (int i = 0; i < nl; i++) {
      int root = find(parent, i);
      if (number[root] < 0) {
        number[root] = next++;
      }
      cluster[i] = number[root] + 1;
    }
    return cluster;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private long truePairs() {
    LongIntMap lc = new LongIntMap(1024);
    EmTrainer.count(truthL, lc);
    if (dedup) {
      return (long) EmTrainer.pairs(lc);
    }
    LongIntMap rc = new LongIntMap(1024);
    EmTrainer.count(truthR, rc);
    long[] s = {0};
    lc.forEach((k, v) -> s[0] += (long) v * rc.get(k, 0));
    return s[0];
  }

  private List<LinkResult.CurvePoint> curve(Scored s) {
    long keyCount = keyLinks.size();
    long keyTrue = 0;
    for (int[] k : keyLinks) {
      if (truthL != null && truthL[k[0]] != EncodedField.NONE && truthL[k[0]] == truthR[k[1]]) {
        keyTrue++;
      }
    }
    double totalP = keyCount;
    for (double p : s.binP) {
      totalP += p;
    }
    long truePairs = truthL == null ? 0 : truePairs();
    List<LinkResult.CurvePoint> out = new ArrayList<>();
    long cum = keyCount;
    double cumP = keyCount;
    long cumT = keyTrue;
    double[] thresholds = {
      0.999, 0.99, 0.98, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.01
    };
    int b = BINS - 1;
    for (double t : thresholds) {
      double wt = LinkModel.log2(t / (1 - t));
      while (b >= 0 && BIN_LO + b * BIN_WIDTH >= wt) {
        cum += s.binCount[b];
        cumP += s.binP[b];
        cumT += s.binTrue[b];
        b--;
      }
      out.add(
          new LinkResult.CurvePoint(
              t,
              cum,
              cum == 0 ? 1 : cumP / cum,
              totalP == 0 ? 0 : cumP / totalP,
              truthL == null ? Double.NaN : cum == 0 ? 1 : cumT / (double) cum,
              truthL == null ? Double.NaN : truePairs == 0 ? 0 : cumT / (double) truePairs));
    }
    return out;
  }

  private LinkResult.Evaluation evaluate(Links links) {
    long truePairs = truePairs();
    long tp = 0;
    for (int i = 0; i < links.size(); i++) {
      int l = links.left(i);
      int r = links.right(i);
      if (truthL[l] != EncodedField.NONE && truthL[l] == truthR[r]) {
        tp++;
      }
    }
    long inCand = truePairsInCandidates;
    double allPairs = dedup ? (double) nl * (nl - 1) / 2 : (double) nl * nr;
    double precision = links.size() == 0 ? 1 : tp / (double) links.size();
    double recall = truePairs == 0 ? 1 : tp / (double) truePairs;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new LinkResult.Evaluation(
        truePairs,
        inCand,
        truePairs == 0 ? 1 : inCand / (double) truePairs,
        allPairs == 0 ? 0 : 1 - candidates / allPairs,
        links.size(),
        tp,
        precision,
        recall,
        f1);
  }
}
