package org.statbench.link;

import java.util.Arrays;
import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;

/**
 * Blocking: the rules OR-ed together, each an equi-join on derived keys. The right records of each
 * rule are grouped by key (a counting sort into one members array), so the candidate pairs of a
 * left record are generated on demand, each once (a pair is left to the first rule that brings it),
 * in a fixed order, without ever being stored.
 */
final class Blocking {
  private static final long NOKEY = LongIntMap.EMPTY;

  private final LinkJob job;
  private final ProgressListener progress;
  private final CancellationToken cancel;
  private final Encoding enc;
  private final EncodedField[] f;
  private final boolean dedup;
  private final int nl;
  private final int nr;

  List<BlockingRule> rules;
  private long[][] lkeys;
  private long[][] rkeys;
  private LongIntMap[] groupOf;
  private int[][] groupStart;
  private int[][] members;

  Blocking(Encoding enc, ProgressListener progress, CancellationToken cancel) {
    this.enc = enc;
    this.job = enc.job;
    this.progress = progress;
    this.cancel = cancel;
    this.f = enc.f;
    this.dedup = enc.dedup;
    this.nl = enc.nl;
    this.nr = enc.nr;
  }

  private int fieldIndex(String name, String where) {
    return enc.fieldIndex(name, where);
  }

  private static long mix(long h, long v) {
    return Encoding.mix(h, v);
  }

  void block() {
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
      int[][] fi = new int[rule.parts().size()][];
      for (int j = 0; j < fi.length; j++) {
        List<String> names = rule.parts().get(j).fields();
        fi[j] = new int[names.size()];
        for (int q = 0; q < names.size(); q++) {
          fi[j][q] = fieldIndex(names.get(q), "Blocking rule '" + rule + "'");
        }
      }
      lkeys[k] = keys(rule, fi, true);
      rkeys[k] = dedup ? lkeys[k] : keys(rule, fi, false);
      index(k);
    }
  }

  private long[] keys(BlockingRule rule, int[][] fi, boolean leftSide) {
    int n = leftSide ? nl : nr;
    long[] out = new long[n];
    int parts = fi.length;
    for (int i = 0; i < n; i++) {
      long key = 0;
      for (int j = 0; j < parts; j++) {
        int v = partKey(rule.parts().get(j).fn(), fi[j], leftSide, i);
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

  /** One part's key of record i (NONE when missing); {@code initials} in either order. */
  private int partKey(BlockingRule.Fn fn, int[] fields, boolean leftSide, int i) {
    EncodedField e = f[fields[0]];
    int v = e.blockKey(fn, (leftSide ? e.left : e.right)[i]);
    if (fields.length == 1 || v == EncodedField.NONE) {
      return v;
    }
    EncodedField e2 = f[fields[1]];
    int w = e2.blockKey(fn, (leftSide ? e2.left : e2.right)[i]);
    // initials are letters (below 2^16): the smaller first makes the pair's key order-free
    return w == EncodedField.NONE ? w : Math.min(v, w) << 16 | Math.max(v, w);
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

  long[] naiveCounts() {
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
  void pairs(int l, PairSink sink) {
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
}
