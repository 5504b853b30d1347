package org.statbench.link;

import java.util.Arrays;

/** A growable int array. */
final class IntBuffer {
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
