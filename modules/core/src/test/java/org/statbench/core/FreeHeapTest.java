package org.statbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreeHeapTest {
  private static final long MB = 1L << 20;

  /** A heap of 2,048 MB showing {@code before} in use until a collection leaves {@code after}. */
  private record Measured(FreeHeap heap, AtomicInteger collections) {
    static Measured of(long before, long after) {
      AtomicInteger collections = new AtomicInteger();
      FreeHeap heap =
          new FreeHeap(
              2048 * MB,
              () -> collections.get() == 0 ? before : after,
              collections::incrementAndGet);
      return new Measured(heap, collections);
    }
  }

  @Test
  void garbageCountedAsUsedIsCollectedBeforeSayingTheHeapIsShort() {
    // The CI failure: 2,032 MB "in use" (mostly garbage), 16 MB free by the quick figure, an
    // import needing 88 MB; after a collection 100 MB is in use, so 2,048 - 100 MB are free.
    Measured m = Measured.of(2032 * MB, 100 * MB);
    assertEquals(1948 * MB, m.heap().free(88 * MB));
    assertEquals(1, m.collections().get());
  }

  @Test
  void enoughFreeByTheQuickFigureAsksForNoCollection() {
    Measured m = Measured.of(1000 * MB, 100 * MB);
    assertEquals(1048 * MB, m.heap().free(88 * MB));
    assertEquals(0, m.collections().get());
  }

  @Test
  void aHeapStillShortAfterACollectionSaysSo() {
    Measured m = Measured.of(2032 * MB, 2000 * MB);
    assertEquals(48 * MB, m.heap().free(88 * MB));
    assertEquals(1, m.collections().get());
  }

  @Test
  void unreachableArraysInThisJvmDoNotCountAgainstWorkThatFitsOnceTheyAreCollected() {
    Runtime rt = Runtime.getRuntime();
    long quickFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    // garbage that leaves less than a quarter of the heap free by the quick figure, reachable only
    // through a weak reference, so nothing but a collection frees it
    int length = (int) Math.min(Integer.MAX_VALUE - 8, (quickFree - rt.maxMemory() / 4) / 8);
    WeakReference<long[]> garbage = new WeakReference<>(new long[Math.max(1, length)]);
    long needed = rt.maxMemory() / 2;
    assertTrue(FreeHeap.forWork(needed) >= needed, "a collection frees the unreachable array");
    assertTrue(garbage.get() == null || length < 2, "the array was collected");
  }
}
