package org.statbench.store;

import java.util.Arrays;

/**
 * An insertion-ordered set of byte strings with their occurrence counts, looked up without creating
 * a String per value. Codes are 0, 1, 2... in order of first appearance. Not thread-safe.
 */
final class ByteDictionary {
  private byte[] arena = new byte[1 << 12];
  private int arenaLength;
  private int[] offsets = new int[65]; // entry i occupies [offsets[i], offsets[i + 1])
  private int[] hashes = new int[64];
  private int[] counts = new int[64];
  private int[] table = new int[128]; // code + 1, 0 = empty slot
  private int mask = 127;
  private int size;

  /** Number of distinct entries. */
  int size() {
    return size;
  }

  /**
   * The code of the byte string {@code b[off, off + len)}, adding it when new. Increments its
   * count. Returns {@code -(code + 1)} when the entry was added by this call.
   */
  int intern(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    int slot = h & mask;
    while (true) {
      int t = table[slot];
      if (t == 0) {
        break;
      }
      int code = t - 1;
      if (hashes[code] == h && equalsEntry(code, b, off, len)) {
        counts[code]++;
        return code;
      }
      slot = (slot + 1) & mask;
    }
    int code = add(b, off, len, h);
    table[slot] = code + 1;
    if (size * 2 > mask) {
      rehash();
    }
    return -(code + 1);
  }

  /** Adds an entry known to be absent with count 0 (used for schema codes not in the data). */
  int addAbsent(byte[] b) {
    int code = intern(b, 0, b.length);
    int c = code < 0 ? -code - 1 : code;
    counts[c]--;
    return c;
  }

  private int add(byte[] b, int off, int len, int h) {
    int code = size++;
    if (code + 1 >= offsets.length) {
      int n = offsets.length * 2;
      offsets = Arrays.copyOf(offsets, n);
      hashes = Arrays.copyOf(hashes, n);
      counts = Arrays.copyOf(counts, n);
    }
    if (arenaLength + len > arena.length) {
      long n = Math.max((long) arena.length * 2, (long) arenaLength + len);
      if (n > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many distinct values");
      }
      arena = Arrays.copyOf(arena, (int) n);
    }
    System.arraycopy(b, off, arena, arenaLength, len);
    arenaLength += len;
    offsets[code + 1] = arenaLength;
    hashes[code] = h;
    counts[code] = 1;
    return code;
  }

  private void rehash() {
    int n = table.length * 2;
    int[] t = new int[n];
    int m = n - 1;
    for (int code = 0; code < size; code++) {
      int slot = hashes[code] & m;
      while (t[slot] != 0) {
        slot = (slot + 1) & m;
      }
      t[slot] = code + 1;
    }
    table = t;
    mask = m;
  }

  private boolean equalsEntry(int code, byte[] b, int off, int len) {
    int s = offsets[code];
    int e = offsets[code + 1];
    return e - s == len && Arrays.equals(arena, s, e, b, off, off + len);
  }

  private static int hash(byte[] b, int off, int len) {
    int h = len;
    int end = off + len;
    for (int i = off; i < end; i++) {
      h = 31 * h + b[i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }

  /** The raw bytes backing all entries; entry i is {@code [start(i), end(i))}. */
  byte[] arena() {
    return arena;
  }

  int start(int code) {
    return offsets[code];
  }

  int end(int code) {
    return offsets[code + 1];
  }

  int count(int code) {
    return counts[code];
  }
}
