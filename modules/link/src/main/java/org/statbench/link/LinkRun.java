package org.statbench.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.RefusedException;

/**
 * One linkage run (see {@link Linker}). The design is for ten million records on a small machine:
 * values are integer codes per field, blocking indexes are primitive hash maps, similarities are
 * cached per distinct value pair, and a record pair is never an object: the first pass turns each
 * candidate pair into an agreement-pattern number (counted for EM and kept as one int), the second
 * pass regenerates the pairs in the same order and scores them by pattern lookup plus the
 * term-frequency adjustments. Left records are processed in chunks on the common pool.
 *
 * <p>This class drives the stages and owns the two passes over the candidate pairs; the stages live
 * in {@link Encoding}, {@link Blocking}, {@link KeyStage}, {@link EmTrainer}, {@link Scorer} and
 * {@link Decisions}.
 */
final class LinkRun {
  private static final int CHUNK = 1 << 14;
  private static final int BINS = Scored.BINS;

  private final LinkJob job;
  private final ProgressListener progress;
  private final CancellationToken cancel;
  private final boolean dedup;
  private final int nl;
  private final int nr;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private long t0 = System.nanoTime();

  private Encoding enc;
  private EncodedField[] f;
  private int[] radix;
  private int patterns;
  private int forename = -1;
  private boolean swaps;
  private int surname = -1;
  private int address = -1;
  private int[] truthL;
  private int[] truthR;

  private Blocking blocking;
  private List<BlockingRule> rules;

  // key stage
  private KeyStage keys;
  private boolean[] leftDone;
  private boolean[] rightDone;

  // pass A
  private int[][] chunkPids;
  private long[] patternCounts;
  private long[] ruleAdded;
  private long candidates;
  private long truePairsInCandidates;

  // model
  private LinkModel model;
  private Scorer scorer;

  private final ThreadLocal<LongIntMap[]> caches;

  LinkRun(LinkJob job, ProgressListener progress, CancellationToken cancel) {
    this.job = job;
    this.progress = progress == null ? ProgressListener.NONE : progress;
    this.cancel = cancel == null ? CancellationToken.NONE : cancel;
    this.dedup = job.isDeduplication();
    this.nl = job.left().rows();
    this.nr = dedup ? nl : job.right().rows();
    this.caches =
        ThreadLocal.withInitial(
            () -> {
              LongIntMap[] c = new LongIntMap[job.fields().size()];
              for (int i = 0; i < c.length; i++) {
                c[i] = new LongIntMap(1 << 12);
              }
              return c;
            });
  }

  private void lap(String stage) {
    long now = System.nanoTime();
    timings.put(stage, (now - t0) / 1_000_000);
    t0 = now;
  }

  LinkResult run() {
    encode();
    lap("standardise");
    block();
    lap("index");
    keys = new KeyStage(enc, cancel);
    keys.run();
    leftDone = keys.leftDone;
    rightDone = keys.rightDone;
    lap("match keys");
    passA();
    lap("block and compare");
    model = job.model() != null ? Scorer.checkModel(f, job.model()) : train();
    lap("train");
    scorer = new Scorer(enc, model);
    Scored scored = passB();
    lap("score");
    LinkResult r = decide(scored);
    lap("decide");
    return r;
  }

  /** Counts candidate pairs per rule without comparing anything (for a live preview). */
  List<LinkResult.RuleCount> countOnly() {
    encode();
    block();
    List<LinkResult.RuleCount> out = new ArrayList<>();
    long[] naive = naiveCounts();
    for (int k = 0; k < rules.size(); k++) {
      out.add(new LinkResult.RuleCount(rules.get(k), naive[k], -1));
    }
    return out;
  }

  /**
   * One pair's weight taken apart (the job must carry a model). Standardises both datasets (the
   * dictionaries and term frequencies come from the data) but compares only this pair.
   */
  Waterfall explain(int l, int r) {
    if (job.model() == null) {
      throw new InputException("Explaining a pair needs a trained model");
    }
    if (l < 0 || l >= nl || r < 0 || r >= nr) {
      throw new InputException("No record pair " + (l + 1) + ", " + (r + 1) + " to explain");
    }
    return explain(new int[] {l}, new int[] {r}).get(0);
  }

  /** Several pairs' waterfalls, standardising once (see {@link #explain(int, int)}). */
  List<Waterfall> explain(int[] ls, int[] rs) {
    encode();
    swaps = swapsPossible();
    model = Scorer.checkModel(f, job.model());
    scorer = new Scorer(enc, model);
    List<Waterfall> out = new ArrayList<>();
    for (int i = 0; i < ls.length; i++) {
      out.add(scorer.explain(ls[i], pattern(ls[i], rs[i], caches.get())));
    }
    return out;
  }

  // ---------------------------------------------------------------- encoding and blocking

  private void encode() {
    enc = new Encoding(job, progress, cancel);
    f = enc.f;
    radix = enc.radix;
    patterns = enc.patterns;
    forename = enc.forename;
    surname = enc.surname;
    address = enc.address;
    truthL = enc.truthL;
    truthR = enc.truthR;
  }

  private void block() {
    blocking = new Blocking(enc, progress, cancel);
    blocking.block();
    rules = blocking.rules;
  }

  private long[] naiveCounts() {
    return blocking.naiveCounts();
  }

  private void pairs(int l, Blocking.PairSink sink) {
    blocking.pairs(l, sink);
  }

  private boolean swapsPossible() {
    return enc.swapsPossible();
  }

  private LinkModel train() {
    return new EmTrainer(enc, progress, cancel, patternCounts, candidates).train();
  }

  private LinkResult decide(Scored s) {
    return new Decisions(
            enc,
            progress,
            blocking,
            keys.keyLinks,
            keys.stages,
            this::directWeight,
            model,
            ruleAdded,
            candidates,
            truePairsInCandidates,
            timings)
        .decide(s);
  }

  // ---------------------------------------------------------------- pass A

  private int pattern(int l, int r, LongIntMap[] cache) {
    int pid = 0;
    int lvF = -1;
    int lvS = -1;
    for (int i = 0; i < f.length; i++) {
      EncodedField e = f[i];
      int lv = e.level(e.left[l], e.right[r], cache[i]);
      if (i == forename) {
        lvF = lv;
      } else if (i == surname) {
        lvS = lv;
      }
      pid += lv * radix[i];
    }
    if (swaps && lvF == FieldType.ELSE && lvS == FieldType.ELSE) {
      int fl = f[forename].left[l];
      int sl = f[surname].left[l];
      int fr = f[forename].right[r];
      int sr = f[surname].right[r];
      // swapped: one name crosses over exactly, the other exactly or with a typing error
      boolean crossF = fl == sr && fl != EncodedField.NONE;
      boolean crossS = sl == fr && sl != EncodedField.NONE;
      if (fl != sl
          && (crossF || crossS)
          && (crossF && crossS
              || (crossF
                      ? f[forename].level(sl, fr, cache[forename])
                      : f[forename].level(fl, sr, cache[forename]))
                  >= 4)) {
        pid += (2 - FieldType.ELSE) * (radix[forename] + radix[surname]);
      }
    }
    return pid;
  }

  private static final class Acc {
    long[] counts;
    long[] added;
    long truePairs;
  }

  private void passA() {
    long[] naive = naiveCounts();
    long bound = 0;
    for (long n : naive) {
      bound += n;
    }
    if (bound > job.options().maxPairs()) {
      StringBuilder sb =
          new StringBuilder(
              "Blocking would compare up to "
                  + bound
                  + " record pairs, over the cap of "
                  + job.options().maxPairs()
                  + " (");
      for (int k = 0; k < rules.size(); k++) {
        sb.append(k > 0 ? "; " : "").append(rules.get(k)).append(": ").append(naive[k]);
      }
      throw new RefusedException(sb.append("). Use stricter --block rules.").toString());
    }
    swaps = swapsPossible();
    int chunks = (nl + CHUNK - 1) / CHUNK;
    chunkPids = new int[chunks][];
    ConcurrentLinkedQueue<Acc> accs = new ConcurrentLinkedQueue<>();
    ThreadLocal<Acc> local =
        ThreadLocal.withInitial(
            () -> {
              Acc a = new Acc();
              a.counts = new long[patterns];
              a.added = new long[rules.size()];
              accs.add(a);
              return a;
            });
    int[] done = {0};
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              cancel.throwIfCancelled();
              Acc a = local.get();
              LongIntMap[] cache = caches.get();
              IntBuffer buf = new IntBuffer(CHUNK * 4);
              int end = Math.min(nl, (c + 1) * CHUNK);
              Blocking.PairSink sink =
                  (l, r, k) -> {
                    int pid = pattern(l, r, cache);
                    buf.add(pid);
                    a.counts[pid]++;
                    a.added[k]++;
                    if (truthL != null
                        && truthL[l] != EncodedField.NONE
                        && truthL[l] == truthR[r]) {
                      a.truePairs++;
                    }
                  };
              for (int l = c * CHUNK; l < end; l++) {
                pairs(l, sink);
              }
              chunkPids[c] = buf.toArray();
              synchronized (done) {
                progress.progress(++done[0], chunks, "blocking and comparing");
              }
            });
    patternCounts = new long[patterns];
    ruleAdded = new long[rules.size()];
    for (Acc a : accs) {
      for (int i = 0; i < patterns; i++) {
        patternCounts[i] += a.counts[i];
      }
      for (int k = 0; k < ruleAdded.length; k++) {
        ruleAdded[k] += a.added[k];
      }
      truePairsInCandidates += a.truePairs;
    }
    for (long n : ruleAdded) {
      candidates += n;
    }
  }

  static double probability(double w) {
    return 1 / (1 + Math.pow(2, -w));
  }

  // ---------------------------------------------------------------- pass B

  private static final class ChunkOut {
    IntBuffer l = new IntBuffer(256);
    IntBuffer r = new IntBuffer(256);
    DoubleBuffer w = new DoubleBuffer(256);
  }

  private static final class Bins {
    long[] count = new long[BINS];
    double[] p = new double[BINS];
    long[] tp = new long[BINS];
  }

  static int bin(double w) {
    int b = (int) Math.floor((w - Scored.BIN_LO) / Scored.BIN_WIDTH);
    return Math.max(0, Math.min(BINS - 1, b));
  }

  private Scored passB() {
    double review = job.options().review();
    double wReview = LinkModel.log2(review / (1 - review));
    // the mutual-best rule looks at pairs down to the weight below which none can reach its
    // one-to-one probability
    double wKeep =
        job.options().mutualBest() && !dedup
            ? Math.min(
                wReview,
                MutualBest.floorWeight(MutualBest.matchedShare(model, nl), MutualBest.FLOOR))
            : wReview;
    int chunks = chunkPids.length;
    ChunkOut[] outs = new ChunkOut[chunks];
    Scored s = new Scored();
    s.bestW = dedup ? null : new double[nl];
    s.bestR = dedup ? null : new int[nl];
    if (s.bestR != null) {
      Arrays.fill(s.bestR, -1);
      Arrays.fill(s.bestW, Double.NEGATIVE_INFINITY);
    }
    boolean mutual = job.options().mutualBest() && !dedup;
    // per thread (every chunk scores pairs of any right record), added up after the pass
    ConcurrentLinkedQueue<float[]> massRs = new ConcurrentLinkedQueue<>();
    ThreadLocal<float[]> massR =
        ThreadLocal.withInitial(
            () -> {
              float[] m = new float[nr];
              massRs.add(m);
              return m;
            });
    if (mutual) {
      s.belowL = new float[nl];
      Arrays.fill(s.belowL, Float.NEGATIVE_INFINITY);
      s.belowR = new AtomicIntegerArray(nr);
      int lowest = MutualBest.sortable(Float.NEGATIVE_INFINITY);
      for (int r = 0; r < nr; r++) {
        s.belowR.set(r, lowest);
      }
      s.massL = new float[nl];
    }
    ConcurrentLinkedQueue<Bins> allBins = new ConcurrentLinkedQueue<>();
    ThreadLocal<Bins> localBins =
        ThreadLocal.withInitial(
            () -> {
              Bins b = new Bins();
              allBins.add(b);
              return b;
            });
    int[] done = {0};
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              cancel.throwIfCancelled();
              int[] pids = chunkPids[c];
              int[] at = {0};
              ChunkOut out = new ChunkOut();
              Bins bins = localBins.get();
              float[] mR = mutual ? massR.get() : null;
              int end = Math.min(nl, (c + 1) * CHUNK);
              Blocking.PairSink sink =
                  (l, r, k) -> {
                    int pid = pids[at[0]++];
                    if (leftDone[l] || rightDone[r]) {
                      return;
                    }
                    double w = scorer.weight(l, r, pid);
                    int b = bin(w);
                    bins.count[b]++;
                    bins.p[b] += probability(w);
                    if (truthL != null
                        && truthL[l] != EncodedField.NONE
                        && truthL[l] == truthR[r]) {
                      bins.tp[b]++;
                    }
                    if (s.bestW != null && w > s.bestW[l]) {
                      s.bestW[l] = w;
                      s.bestR[l] = r;
                    }
                    if (w >= wKeep) {
                      out.l.add(l);
                      out.r.add(r);
                      out.w.add(w);
                    } else if (mutual) {
                      s.belowL[l] = Math.max(s.belowL[l], (float) w);
                      int v = MutualBest.sortable((float) w);
                      s.belowR.accumulateAndGet(r, v, Math::max);
                      float e = (float) Math.pow(2, w);
                      s.massL[l] += e;
                      mR[r] += e;
                    }
                  };
              for (int l = c * CHUNK; l < end; l++) {
                pairs(l, sink);
              }
              outs[c] = out;
              chunkPids[c] = null; // free as we go
              synchronized (done) {
                progress.progress(++done[0], chunks, "scoring");
              }
            });
    IntBuffer ls = new IntBuffer(1024);
    IntBuffer rs = new IntBuffer(1024);
    DoubleBuffer ws = new DoubleBuffer(1024);
    for (ChunkOut o : outs) {
      int[] a = o.l.toArray();
      int[] b = o.r.toArray();
      double[] w = o.w.toArray();
      for (int i = 0; i < a.length; i++) {
        ls.add(a[i]);
        rs.add(b[i]);
        ws.add(w[i]);
      }
    }
    s.l = ls.toArray();
    s.r = rs.toArray();
    s.w = ws.toArray();
    if (mutual) {
      s.massR = new float[nr];
      for (float[] m : massRs) {
        for (int r = 0; r < nr; r++) {
          s.massR[r] += m[r];
        }
      }
    }
    s.binCount = new long[BINS];
    s.binP = new double[BINS];
    s.binTrue = new long[BINS];
    for (Bins b : allBins) {
      for (int i = 0; i < BINS; i++) {
        s.binCount[i] += b.count[i];
        s.binP[i] += b.p[i];
        s.binTrue[i] += b.tp[i];
      }
    }
    return s;
  }

  // ---------------------------------------------------------------- decisions

  /** The model weight of one pair computed directly (for key links). */
  private double directWeight(int l, int r) {
    return scorer.weight(l, r, pattern(l, r, caches.get()));
  }
}
