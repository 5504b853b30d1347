package org.statbench.link;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.CancellationToken;

/**
 * Deterministic match-key stages, run before the model: a key (e.g. NINo + date of birth) links a
 * left and a right record when its value is unique on both sides among the records still unlinked;
 * later stages and the model see only the residue. Each link records its stage. When deduplicating
 * one dataset, the records sharing a key's value (two or more, none missing) are one cluster: each
 * is linked to the first of them, and they leave the residue.
 */
final class KeyStage {
  private static final long NOKEY = LongIntMap.EMPTY;

  private final Encoding enc;
  private final LinkJob job;
  private final CancellationToken cancel;
  private final EncodedField[] f;
  private final boolean dedup;
  private final int nl;
  private final int nr;

  boolean[] leftDone;
  boolean[] rightDone;
  final List<int[]> keyLinks = new ArrayList<>(); // {l, r, stageIndex}
  final List<String> stages = new ArrayList<>(List.of("model"));

  KeyStage(Encoding enc, CancellationToken cancel) {
    this.enc = enc;
    this.job = enc.job;
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

  void run() {
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
        // records sharing a key are one cluster: each joins the key's first record
        LongIntMap first = new LongIntMap(1024);
        for (int i = 0; i < nl; i++) {
          long key = lk[i];
          if (leftDone[i] || key == NOKEY || lc.get(key, 0) < 2) {
            continue;
          }
          int head = first.get(key, -1);
          if (head < 0) {
            first.put(key, i);
          } else {
            keyLinks.add(new int[] {head, i, stage});
          }
        }
        first.forEach((key, head) -> leftDone[head] = true);
        for (int[] k : keyLinks) {
          leftDone[k[1]] = true;
        }
        continue;
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
}
