package org.statbench.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.RefusedException;
import org.statbench.core.data.Column;

/**
 * One linkage run (see {@link Linker}). The design is for ten million records on a small machine:
 * values are integer codes per field, blocking indexes are primitive hash maps, similarities are
 * cached per distinct value pair, and a record pair is never an object: the first pass turns each
 * candidate pair into an agreement-pattern number (counted for EM and kept as one int), the second
 * pass regenerates the pairs in the same order and scores them by pattern lookup plus the
 * term-frequency adjustments. Left records are processed in chunks on the common pool.
 */
final class LinkRun {
  private static final int CHUNK = 1 << 14;
  private static final long NOKEY = LongIntMap.EMPTY;
  private static final int BINS = 1024;
  private static final double BIN_LO = -128;
  private static final double BIN_WIDTH = 0.25;

  private final LinkJob job;
  private final ProgressListener progress;
  private final CancellationToken cancel;
  private final boolean dedup;
  private final int nl;
  private final int nr;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private long t0 = System.nanoTime();

  private EncodedField[] f;
  private int[] radix;
  private int patterns;
  private int forename = -1;
  private boolean swaps;
  private int surname = -1;
  private int postcode = -1;
  private int address = -1;
  private int dob = -1;
  private int[] truthL;
  private int[] truthR;

  // blocking
  private List<BlockingRule> rules;
  private long[][] lkeys;
  private long[][] rkeys;
  private LongIntMap[] groupOf;
  private int[][] groupStart;
  private int[][] members;

  // key stage
  private boolean[] leftDone;
  private boolean[] rightDone;
  private final List<int[]> keyLinks = new ArrayList<>(); // {l, r, stageIndex}
  private final List<String> stages = new ArrayList<>(List.of("model"));

  // pass A
  private int[][] chunkPids;
  private long[] patternCounts;
  private long[] ruleAdded;
  private long candidates;
  private long truePairsInCandidates;

  // model
  private LinkModel model;
  private double[] patternWeight;
  private int[] exactMask;
  private boolean[] home;
  private double[][] tfAdj;
  private boolean[] tfField;

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
    matchKeys();
    lap("match keys");
    passA();
    lap("block and compare");
    model = job.model() != null ? checkModel(job.model()) : train();
    lap("train");
    weights();
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
    model = checkModel(job.model());
    weights();
    List<Waterfall> out = new ArrayList<>();
    for (int i = 0; i < ls.length; i++) {
      out.add(explainEncoded(ls[i], rs[i]));
    }
    return out;
  }

  private Waterfall explainEncoded(int l, int r) {
    int pid = pattern(l, r, caches.get());
    List<Waterfall.Step> steps = new ArrayList<>();
    steps.add(
        new Waterfall.Step(
            Waterfall.Kind.PRIOR, "", "", LinkModel.log2(model.prior() / (1 - model.prior()))));
    double fields = 0;
    for (int j = 0; j < f.length; j++) {
      LinkModel.FieldModel fm = model.fields().get(j);
      int lv = level(pid, j);
      double w = j == address && addressMoot(pid) ? 0 : fm.weight(lv);
      fields += w;
      steps.add(new Waterfall.Step(Waterfall.Kind.FIELD, fm.name(), fm.levels().get(lv), w));
    }
    double tf = 0;
    int mask = exactMask[pid];
    for (int j = 0; j < f.length; j++) {
      if (tfField[j] && (mask & (1 << j)) != 0) {
        if (home[pid] && (j == homeSurname || j == homeForename)) {
          continue;
        }
        double a = tfAdj[j][f[j].left[l]];
        tf += a;
        steps.add(
            new Waterfall.Step(
                Waterfall.Kind.TERM_FREQUENCY, model.fields().get(j).name(), "exact", a));
      }
    }
    double hh = patternWeight[pid] - steps.get(0).weight() - fields;
    if (Math.abs(hh) > 1e-12) {
      steps.add(new Waterfall.Step(Waterfall.Kind.HOUSEHOLD, "", "household", hh));
    }
    return new Waterfall(steps);
  }

  /** Forename-surname swaps need both names, sharing one dictionary. */
  private boolean swapsPossible() {
    return surname >= 0
        && forename >= 0
        && f[surname].type == FieldType.NAME
        && f[forename].type == FieldType.NAME;
  }

  // ---------------------------------------------------------------- encoding

  private void encode() {
    if (nl == 0) {
      throw new InputException("Dataset '" + job.left().dataset() + "' is empty");
    }
    if (!dedup && nr == 0) {
      throw new InputException("Dataset '" + job.right().dataset() + "' is empty");
    }
    if (job.fields().isEmpty()) {
      throw new InputException("No fields to compare: give --fields");
    }
    progress.progress(0, 1, "standardising");
    List<LinkField> fields = job.fields();
    f = new EncodedField[fields.size()];
    EncodedField.Dict names = new EncodedField.Dict();
    radix = new int[fields.size()];
    int p = 1;
    for (int i = 0; i < f.length; i++) {
      cancel.throwIfCancelled();
      LinkField lf = fields.get(i);
      EncodedField.Dict d =
          lf.type() == FieldType.DATE
              ? null
              : lf.type() == FieldType.NAME ? names : new EncodedField.Dict();
      Column lc = job.left().column(lf.leftVariable());
      int[] lcodes = EncodedField.encode(lc, lf.type(), d, job.left().dataset());
      int[] rcodes =
          dedup
              ? lcodes
              : EncodedField.encode(
                  job.right().column(lf.rightVariable()), lf.type(), d, job.right().dataset());
      f[i] = new EncodedField(lf, d, lcodes, rcodes);
      radix[i] = p;
      p *= lf.type().levels().size();
      if (p > 50_000_000 || p < 0) {
        throw new InputException("Too many fields to compare at once (at most about eight)");
      }
      String n = lf.name().toLowerCase(java.util.Locale.ROOT);
      switch (lf.type()) {
        case NAME -> {
          if (surname < 0 && (n.contains("sur") || n.contains("last") || n.contains("family"))) {
            surname = i;
          } else if (forename < 0) {
            forename = i;
          }
        }
        case POSTCODE -> postcode = postcode < 0 ? i : postcode;
        case TEXT -> address = address < 0 ? i : address;
        case DATE -> dob = dob < 0 ? i : dob;
        case EXACT -> {
          // keyed hashes keep their role in the name (surname_hash): the household correction
          // matters most on hashed data, where no partial agreement is left
          if (n.contains("surname") && surname < 0) {
            surname = i;
          } else if (n.contains("forename") && forename < 0) {
            forename = i;
          } else if (n.contains("postcode") && postcode < 0) {
            postcode = i;
          } else if (n.contains("address") && address < 0) {
            address = i;
          } else if ((n.contains("dob") || n.contains("birth")) && dob < 0) {
            dob = i;
          }
        }
        default -> {}
      }
    }
    for (EncodedField e : f) {
      e.prepare();
    }
    patterns = p;
    if (job.truth() != null) {
      EncodedField.Dict td = new EncodedField.Dict();
      truthL =
          EncodedField.encode(
              job.left().column(job.truth()), FieldType.EXACT, td, job.left().dataset());
      truthR =
          dedup
              ? truthL
              : EncodedField.encode(
                  job.right().column(job.truth()), FieldType.EXACT, td, job.right().dataset());
    }
  }

  private int fieldIndex(String name, String where) {
    for (int i = 0; i < f.length; i++) {
      if (f[i].field.name().equals(name)) {
        return i;
      }
    }
    throw new InputException(
        where + " uses '" + name + "', which is not among the compared fields");
  }

  // ---------------------------------------------------------------- blocking

  private void block() {
    rules = job.rules().isEmpty() ? Linker.defaultRules(job.fields()) : job.rules();
    if (rules.isEmpty()) {
      throw new InputException("No blocking rule: give --block");
    }
    int nrules = rules.size();
    lkeys = new long[nrules][];
    rkeys = new long[nrules][];
    groupOf = new LongIntMap[nrules];
    groupStart = new int[nrules][];
    members = new int[nrules][];
    for (int k = 0; k < nrules; k++) {
      cancel.throwIfCancelled();
      progress.progress(k, nrules, "indexing " + rules.get(k));
      BlockingRule rule = rules.get(k);
      int[] fi = new int[rule.parts().size()];
      for (int j = 0; j < fi.length; j++) {
        fi[j] = fieldIndex(rule.parts().get(j).field(), "Blocking rule '" + rule + "'");
      }
      lkeys[k] = keys(rule, fi, true);
      rkeys[k] = dedup ? lkeys[k] : keys(rule, fi, false);
      index(k);
    }
  }

  private long[] keys(BlockingRule rule, int[] fi, boolean leftSide) {
    int n = leftSide ? nl : nr;
    long[] out = new long[n];
    int parts = fi.length;
    for (int i = 0; i < n; i++) {
      long key = 0;
      for (int j = 0; j < parts; j++) {
        EncodedField e = f[fi[j]];
        int v = e.blockKey(rule.parts().get(j).fn(), (leftSide ? e.left : e.right)[i]);
        if (v == EncodedField.NONE) {
          key = NOKEY;
          break;
        }
        key = parts <= 2 ? (key << 32) | (v & 0xFFFFFFFFL) : mix(key, v);
      }
      out[i] = key == NOKEY && parts > 0 ? NOKEY : (key == NOKEY ? NOKEY + 1 : key);
    }
    return out;
  }

  static long mix(long h, long v) {
    long x = (h ^ v) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    x ^= x >>> 29;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 32);
  }

  /** Groups the right records of rule k by key: counting sort into one members array. */
  private void index(int k) {
    long[] rk = rkeys[k];
    LongIntMap map = new LongIntMap(Math.max(16, nr / 4));
    int groups = 0;
    int[] group = new int[nr];
    int[] sizes = new int[16];
    for (int i = 0; i < nr; i++) {
      if (rk[i] == NOKEY) {
        group[i] = -1;
        continue;
      }
      int g = map.get(rk[i], -1);
      if (g < 0) {
        g = groups++;
        map.put(rk[i], g);
        if (g >= sizes.length) {
          sizes = Arrays.copyOf(sizes, sizes.length * 2);
        }
      }
      group[i] = g;
      sizes[g]++;
    }
    int[] start = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      start[g + 1] = start[g] + sizes[g];
    }
    int[] fill = Arrays.copyOf(start, groups);
    int[] mem = new int[start[groups]];
    for (int i = 0; i < nr; i++) {
      if (group[i] >= 0) {
        mem[fill[group[i]]++] = i;
      }
    }
    groupOf[k] = map;
    groupStart[k] = start;
    members[k] = mem;
  }

  private long[] naiveCounts() {
    long[] naive = new long[rules.size()];
    for (int k = 0; k < rules.size(); k++) {
      long n = 0;
      for (int l = 0; l < nl; l++) {
        long key = lkeys[k][l];
        if (key != NOKEY) {
          int g = groupOf[k].get(key, -1);
          if (g >= 0) {
            n += groupStart[k][g + 1] - groupStart[k][g];
          }
        }
      }
      naive[k] = dedup ? (n - countKeyed(k)) / 2 : n;
    }
    return naive;
  }

  private long countKeyed(int k) {
    long n = 0;
    for (int l = 0; l < nl; l++) {
      if (lkeys[k][l] != NOKEY) {
        n++;
      }
    }
    return n;
  }

  interface PairSink {
    void pair(int l, int r, int rule);
  }

  /** Calls the sink for every candidate pair of left record l, once, in a fixed order. */
  private void pairs(int l, PairSink sink) {
    int nrules = rules.size();
    for (int k = 0; k < nrules; k++) {
      long key = lkeys[k][l];
      if (key == NOKEY) {
        continue;
      }
      int g = groupOf[k].get(key, -1);
      if (g < 0) {
        continue;
      }
      int[] mem = members[k];
      int end = groupStart[k][g + 1];
      next:
      for (int m = groupStart[k][g]; m < end; m++) {
        int r = mem[m];
        if (dedup && r <= l) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          long kj = lkeys[j][l];
          if (kj != NOKEY && kj == rkeys[j][r]) {
            continue next;
          }
        }
        sink.pair(l, r, k);
      }
    }
  }

  // ---------------------------------------------------------------- match keys

  private void matchKeys() {
    leftDone = new boolean[nl];
    rightDone = dedup ? leftDone : new boolean[nr];
    for (MatchKey mk : job.matchKeys()) {
      cancel.throwIfCancelled();
      int[] fi =
          mk.fields().stream().mapToInt(n -> fieldIndex(n, "Match key '" + mk + "'")).toArray();
      long[] lk = exactKeys(fi, true);
      long[] rk = dedup ? lk : exactKeys(fi, false);
      // count per key on each side (records already linked are out of the residue)
      LongIntMap lc = new LongIntMap(1024);
      LongIntMap rc = new LongIntMap(1024);
      LongIntMap rIndex = new LongIntMap(1024);
      for (int i = 0; i < nl; i++) {
        if (!leftDone[i] && lk[i] != NOKEY) {
          lc.add(lk[i], 1);
        }
      }
      for (int i = 0; i < nr; i++) {
        if (!rightDone[i] && rk[i] != NOKEY) {
          rc.add(rk[i], 1);
          rIndex.put(rk[i], i);
        }
      }
      int stage = stages.size();
      stages.add(mk.stage());
      if (dedup) {
        continue; // a key within one dataset says nothing about duplicates: counts are 1 or more
      }
      for (int i = 0; i < nl; i++) {
        long key = lk[i];
        if (leftDone[i] || key == NOKEY) {
          continue;
        }
        if (lc.get(key, 0) == 1 && rc.get(key, 0) == 1) {
          int r = rIndex.get(key, -1);
          leftDone[i] = true;
          rightDone[r] = true;
          keyLinks.add(new int[] {i, r, stage});
        }
      }
    }
  }

  private long[] exactKeys(int[] fi, boolean leftSide) {
    int n = leftSide ? nl : nr;
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long key = 17;
      for (int j : fi) {
        int v = (leftSide ? f[j].left : f[j].right)[i];
        if (v == EncodedField.NONE) {
          key = NOKEY;
          break;
        }
        key = mix(key, v);
      }
      out[i] = key;
    }
    return out;
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
              PairSink sink =
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

  /** A growable int array. */
  static final class IntBuffer {
    private int[] a;
    private int n;

    IntBuffer(int capacity) {
      a = new int[Math.max(16, capacity)];
    }

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  // ---------------------------------------------------------------- training

  private int level(int pid, int field) {
    return pid / radix[field] % f[field].type.levels().size();
  }

  /**
   * True when a pattern's address disagreement says nothing beyond its postcode: the postcode
   * already places the two records in different sectors (a mover, or another person elsewhere), and
   * a different address there is implied. Counting both would penalise one move twice (address and
   * postcode are far from independent given a match), which made EM learn that matches never move;
   * such patterns treat the address as missing, in training and in scoring.
   */
  private boolean addressMoot(int p) {
    if (address < 0 || postcode < 0 || f[postcode].type != FieldType.POSTCODE) {
      return false;
    }
    int pl = level(p, postcode);
    return pl >= FieldType.ELSE && pl <= 3 && level(p, address) == FieldType.ELSE;
  }

  private LinkModel checkModel(LinkModel m) {
    if (m.fields().size() != f.length) {
      throw new InputException(
          "The model has " + m.fields().size() + " fields but " + f.length + " are compared");
    }
    for (int i = 0; i < f.length; i++) {
      LinkModel.FieldModel fm = m.fields().get(i);
      if (!fm.name().equals(f[i].field.name()) || fm.type() != f[i].type) {
        throw new InputException(
            "The model's field "
                + (i + 1)
                + " is '"
                + fm.name()
                + "' ("
                + fm.type().key()
                + "), but '"
                + f[i].field.name()
                + "' ("
                + f[i].type.key()
                + ") is compared");
      }
    }
    return m;
  }

  private LinkModel train() {
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
    HouseholdTerms terms = new HouseholdTerms(hh);
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
        g[i] = probability(w);
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

  /**
   * The household dependence correction of a pattern, in bits (see {@link LinkModel.Household}).
   */
  private final class HouseholdTerms {
    final LinkModel.Household hh;
    final int hs;
    final int hp;
    final int ha;
    final int hf;
    final int hd;

    HouseholdTerms(LinkModel.Household hh) {
      this.hh = hh;
      hs = hh == null ? -1 : indexOf(hh.surname());
      hp = hh == null ? -1 : indexOf(hh.postcode());
      ha = hh == null || hh.address() == null ? -1 : indexOf(hh.address());
      hf = hh == null || hh.forename() == null ? -1 : indexOf(hh.forename());
      hd = hh == null || hh.dob() == null ? -1 : indexOf(hh.dob());
    }

    private boolean exact(int p, int j) {
      return j >= 0 && level(p, j) == f[j].type.exact();
    }

    /**
     * Postcode unit, or sector (a typing error in the unit), agrees; or the postcode is missing on
     * a side and the address agrees (the same home found without a postcode).
     */
    private boolean samePlace(int p) {
      if (hp < 0) {
        return false;
      }
      int l = level(p, hp);
      return l == f[hp].type.exact()
          || (f[hp].type == FieldType.POSTCODE && l == 4)
          || (l == FieldType.MISSING && exact(p, ha));
    }

    /** Surname agrees exactly or nearly (a typing error). */
    private boolean sameSurname(int p) {
      if (hs < 0) {
        return false;
      }
      int l = level(p, hs);
      return l == f[hs].type.exact() || (f[hs].type == FieldType.NAME && l >= 4);
    }

    /** True when the pattern is a shared home: postcode, surname and address agree. */
    boolean home(int p) {
      return hs >= 0 && ha >= 0 && samePlace(p) && sameSurname(p) && exact(p, ha);
    }

    double correction(int p, double[][] u) {
      if (hs < 0 || !samePlace(p)) {
        return 0;
      }
      boolean s = sameSurname(p);
      boolean a = exact(p, ha);
      double us = u[hs][level(p, hs)];
      double ua = ha >= 0 ? u[ha][f[ha].type.exact()] : 1;
      double w = 0;
      if (s && a) {
        w += LinkModel.log2(us * ua / hh.bothGivenPostcode());
        if (level(p, hp) == FieldType.MISSING) {
          // no postcode on a side: the shared home is also the shared postcode's evidence
          w -= LinkModel.log2(u[hp][f[hp].type.exact()]);
        }
        // within one home a shared forename or birthday is rarer (or, for twins, commoner)
        if (exact(p, hf)) {
          w += LinkModel.log2(u[hf][f[hf].type.exact()] / hh.forenameGivenHome());
        }
        if (exact(p, hd)) {
          w += LinkModel.log2(u[hd][f[hd].type.exact()] / hh.dobGivenHome());
        }
      } else if (s && exact(p, hp)) {
        w += LinkModel.log2(us / hh.surnameGivenPostcode());
      } else if (a && exact(p, hp)) {
        w += LinkModel.log2(ua / hh.addressGivenPostcode());
      }
      return w;
    }
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

  /** u: exact levels from value frequencies (exact), other levels from random pairs. */
  /** P(exact agreement) over all record pairs per field, matches included (see sampleU). */
  private double[] agreeAll;

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

  private static long count(int[] codes, LongIntMap into) {
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

  private static double pairs(LongIntMap groups) {
    double[] s = {0};
    groups.forEach((k, c) -> s[0] += (double) c * (c - 1) / 2);
    return s[0];
  }

  // ---------------------------------------------------------------- weights

  private void weights() {
    patternWeight = new double[patterns];
    exactMask = new int[patterns];
    home = new boolean[patterns];
    double priorW = LinkModel.log2(model.prior() / (1 - model.prior()));
    LinkModel.Household hh = model.household();
    HouseholdTerms terms = new HouseholdTerms(hh);
    double[][] u = new double[f.length][];
    for (int j = 0; j < f.length; j++) {
      u[j] = model.fields().get(j).u();
    }
    for (int p = 0; p < patterns; p++) {
      double w = priorW + terms.correction(p, u);
      int mask = 0;
      boolean moot = addressMoot(p);
      for (int j = 0; j < f.length; j++) {
        int l = level(p, j);
        w += j == address && moot ? 0 : model.fields().get(j).weight(l);
        if (l == f[j].type.exact()) {
          mask |= 1 << j;
        }
      }
      patternWeight[p] = w;
      exactMask[p] = mask;
      home[p] = terms.home(p);
    }
    // term frequencies: a shared rare value counts for more than a common one
    tfAdj = new double[f.length][];
    tfField = new boolean[f.length];
    for (int j = 0; j < f.length; j++) {
      if (!model.fields().get(j).termFrequencies() || f[j].dict == null) {
        continue;
      }
      int size = f[j].dict.values.size();
      long[] c = new long[size];
      long n = 0;
      for (int v : f[j].left) {
        if (v != EncodedField.NONE) {
          c[v]++;
          n++;
        }
      }
      if (!dedup) {
        for (int v : f[j].right) {
          if (v != EncodedField.NONE) {
            c[v]++;
            n++;
          }
        }
      }
      double ue = model.fields().get(j).u()[f[j].type.exact()];
      double[] adj = new double[size];
      for (int v = 0; v < size; v++) {
        double tf = Math.max(c[v], 1) / (double) Math.max(n, 1);
        adj[v] = LinkModel.log2(ue / tf);
      }
      tfAdj[j] = adj;
      tfField[j] = true;
    }
    homeSurname = terms.hs;
    homeForename = terms.hf;
  }

  private int homeSurname = -1;
  private int homeForename = -1;

  private int indexOf(String field) {
    for (int j = 0; j < f.length; j++) {
      if (f[j].field.name().equals(field)) {
        return j;
      }
    }
    return -1;
  }

  /** Match weight of a pair with pattern pid. */
  private double weight(int l, int r, int pid) {
    double w = patternWeight[pid];
    int mask = exactMask[pid];
    if (mask != 0) {
      boolean atHome = home[pid];
      for (int j = 0; j < f.length; j++) {
        if (tfField[j] && (mask & (1 << j)) != 0) {
          if (atHome && (j == homeSurname || j == homeForename)) {
            continue; // the household terms already replace these u's
          }
          w += tfAdj[j][f[j].left[l]];
        }
      }
    }
    return w;
  }

  static double probability(double w) {
    return 1 / (1 + Math.pow(2, -w));
  }

  // ---------------------------------------------------------------- pass B

  private static final class Scored {
    int[] l;
    int[] r;
    double[] w;
    double[] bestW;
    int[] bestR;
    long[] binCount;
    double[] binP;
    long[] binTrue;
  }

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
    int b = (int) Math.floor((w - BIN_LO) / BIN_WIDTH);
    return Math.max(0, Math.min(BINS - 1, b));
  }

  private Scored passB() {
    double review = job.options().review();
    double wReview = LinkModel.log2(review / (1 - review));
    int chunks = chunkPids.length;
    ChunkOut[] outs = new ChunkOut[chunks];
    Scored s = new Scored();
    s.bestW = dedup ? null : new double[nl];
    s.bestR = dedup ? null : new int[nl];
    if (s.bestR != null) {
      Arrays.fill(s.bestR, -1);
      Arrays.fill(s.bestW, Double.NEGATIVE_INFINITY);
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
              int end = Math.min(nl, (c + 1) * CHUNK);
              PairSink sink =
                  (l, r, k) -> {
                    int pid = pids[at[0]++];
                    if (leftDone[l] || rightDone[r]) {
                      return;
                    }
                    double w = weight(l, r, pid);
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
                    if (w >= wReview) {
                      out.l.add(l);
                      out.r.add(r);
                      out.w.add(w);
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

  /** A growable double array. */
  static final class DoubleBuffer {
    private double[] a;
    private int n;

    DoubleBuffer(int capacity) {
      a = new double[Math.max(16, capacity)];
    }

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  // ---------------------------------------------------------------- decisions

  /** The model weight of one pair computed directly (for key links). */
  private double directWeight(int l, int r) {
    return weight(l, r, pattern(l, r, caches.get()));
  }

  private LinkResult decide(Scored s) {
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
      ow.add(directWeight(k[0], k[1]));
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
      op.add(probability(s.w[i]));
      stageBuf.add(0);
    }
    int[] stg = stageBuf.toArray();
    byte[] stageBytes = new byte[stg.length];
    for (int i = 0; i < stg.length; i++) {
      stageBytes[i] = (byte) stg[i];
    }
    Links links =
        new Links(ol.toArray(), or.toArray(), ow.toArray(), op.toArray(), stageBytes, stages);

    Verification verification = dedup ? null : verification(s, links);
    int[] clusters = dedup ? clusters(s, idx, wT) : null;
    List<LinkResult.CurvePoint> curve = curve(s);
    LinkResult.Evaluation evaluation = truthL == null ? null : evaluate(links);
    List<LinkResult.RuleCount> counts = new ArrayList<>();
    long[] naive = naiveCounts();
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
      prob[l] = s.bestR[l] < 0 ? 0 : probability(s.bestW[l]);
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
    count(truthL, lc);
    if (dedup) {
      return (long) pairs(lc);
    }
    LongIntMap rc = new LongIntMap(1024);
    count(truthR, rc);
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
