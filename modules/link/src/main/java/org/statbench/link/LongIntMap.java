package org.statbench.link;

import java.util.Arrays;

/**
 * Open-addressing hash map from {@code long} to {@code int} without boxing: blocking indexes and
 * similarity caches hold millions of entries, where a {@code HashMap<Long, Integer>} would cost ten
 * times the memory and most of the time. Not thread-safe. The key {@link #EMPTY} is reserved.
 */
final class LongIntMap {
  /** Reserved key marking an empty slot; never store it. */
  static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(keys, EMPTY);
    mask = cap - 1;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The value of {@code key}, or {@code missing}. */
  int get(long key, int missing) {
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return missing;
      }
      i = (i + 1) & mask;
    }
  }

  /** Sets {@code key} to {@code value}. */
  void put(long key, int value) {
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds {@code delta} to the value of {@code key} (0 when absent) and returns the new value. */
  int add(long key, int delta) {
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i] += delta;
      }
      if (k == EMPTY) {
        put(key, delta);
        return delta;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  /** Calls {@code f} for every entry. */
  void forEach(Entry f) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        f.accept(keys[i], values[i]);
      }
    }
  }

  interface Entry {
    void accept(long key, int value);
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    keys = new long[ok.length * 2];
    values = new int[ok.length * 2];
    Arrays.fill(keys, EMPTY);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != EMPTY) {
        put(ok[i], ov[i]);
      }
    }
  }
}
