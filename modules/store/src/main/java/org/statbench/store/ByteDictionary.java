package org.statbench.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An insertion-ordered set of byte strings with their occurrence counts, looked up without creating
 * a String per value. Codes are 0, 1, 2... in order of first appearance. Not thread-safe.
 */
final class ByteDictionary {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] arena = new byte[1 << 12];
  private int arenaLength;
  private int[] offsets = new int[65]; // entry i occupies [offsets[i], offsets[i + 1])
  private int[] hashes = new int[64];
  private int[] counts = new int[64];
  // slot: hash in the high 32 bits, code + 1 in the low 32 bits (0 = empty), so that a probe
  // compares hashes without touching the entry arrays
  private long[] table = new long[128];
  private int mask = 127;
  private int size;

  /** Number of distinct entries. */
  int size() {
    return size;
  }

  /** Heap bytes held by the arrays (entries, offsets, hashes, counts, hash table). */
  long memoryBytes() {
    return arena.length + 12L * offsets.length + 8L * table.length;
  }

  /**
   * Heap bytes {@link #reserve} would hold for {@code expected} entries, judged from the entries so
   * far; used to decide against reserving room for an identifier that would not fit.
   */
  long memoryFor(long expected) {
    long slots = Long.highestOneBit(Math.max(2L * expected, 2)) * 2;
    long bytes = size == 0 ? 0 : (long) arenaLength * expected / size;
    return bytes + 12L * expected + 8L * slots;
  }

  /**
   * The code of the byte string {@code b[off, off + len)}, adding it when new. Increments its
   * count. Returns {@code -(code + 1)} when the entry was added by this call.
   */
  int intern(byte[] b, int off, int len) {
    int h = hash(b, off, len);
    int slot = h & mask;
    while (true) {
      long t = table[slot];
      if (t == 0) {
        break;
      }
      if ((int) (t >>> 32) == h) {
        int code = (int) t - 1;
        if (equalsEntry(code, b, off, len)) {
          counts[code]++;
          return code;
        }
      }
      slot = (slot + 1) & mask;
    }
    int code = add(b, off, len, h);
    table[slot] = ((long) h << 32) | (code + 1L);
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

  /**
   * Makes room for about {@code expected} entries in total, so that a column of mostly distinct
   * values (an identifier) is not rehashed again and again as it grows: each rehash touches every
   * entry at a random place of a large table.
   */
  void reserve(int expected) {
    if (expected <= size) {
      return;
    }
    long slots = Long.highestOneBit(Math.max(2L * expected, 2)) * 2;
    if (slots > table.length && slots <= 1 << 30) {
      rehash((int) slots);
    }
    if (offsets.length < expected + 1) {
      offsets = Arrays.copyOf(offsets, expected + 1);
      hashes = Arrays.copyOf(hashes, expected + 1);
      counts = Arrays.copyOf(counts, expected + 1);
    }
    long bytes = size == 0 ? 0 : (long) arenaLength * expected / size;
    if (bytes > arena.length && bytes < Integer.MAX_VALUE - 16) {
      arena = Arrays.copyOf(arena, (int) bytes);
    }
  }

  private void rehash() {
    rehash(table.length * 2);
  }

  private void rehash(int n) {
    long[] t = new long[n];
    int m = n - 1;
    for (int code = 0; code < size; code++) {
      int h = hashes[code];
      int slot = h & m;
      while (t[slot] != 0) {
        slot = (slot + 1) & m;
      }
      t[slot] = ((long) h << 32) | (code + 1L);
    }
    table = t;
    mask = m;
  }

  private boolean equalsEntry(int code, byte[] b, int off, int len) {
    int s = offsets[code];
    if (offsets[code + 1] - s != len) {
      return false;
    }
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((long) LONGS.get(arena, s + i) != (long) LONGS.get(b, off + i)) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (arena[s + i] != b[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(byte[] b, int off, int len) {
    long h = len;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      h = (h + (long) LONGS.get(b, off + i)) * 0x9E3779B97F4A7C15L;
    }
    long tail = 0;
    for (; i < len; i++) {
      tail = (tail << 8) | (b[off + i] & 0xFF);
    }
    h = (h + tail) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
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
