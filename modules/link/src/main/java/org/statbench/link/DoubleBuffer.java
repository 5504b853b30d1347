package org.statbench.link;

import java.util.Arrays;

/** A growable double array. */
final class DoubleBuffer {
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
