package org.statbench.tabulate.survey;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative ints (-1 when absent). */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap(long expected) {
    int cap = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 29, expected * 2)) - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(values, -1);
  }

  int get(long key) {
    int mask = keys.length - 1;
    int h = hash(key) & mask;
    while (values[h] >= 0) {
      if (keys[h] == key) {
        return values[h];
      }
      h = (h + 1) & mask;
    }
    return -1;
  }

  void put(long key, int value) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int h = hash(key) & mask;
    while (values[h] >= 0 && keys[h] != key) {
      h = (h + 1) & mask;
    }
    if (values[h] < 0) {
      size++;
    }
    keys[h] = key;
    values[h] = value;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    keys = new long[ok.length * 2];
    values = new int[ok.length * 2];
    Arrays.fill(values, -1);
    size = 0;
    for (int k = 0; k < ok.length; k++) {
      if (ov[k] >= 0) {
        put(ok[k], ov[k]);
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
