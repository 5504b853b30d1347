package org.statbench.core;

import java.util.function.LongSupplier;

/**
 * The Java heap free for new work: the most the heap may grow to less what is in use. "In use" read
 * straight from the runtime counts garbage not yet collected, which in a long-running JVM can be
 * nearly the whole heap; so when that quick figure is short of what a piece of work needs, a
 * collection is asked for and the figure read again before anyone is told there is too little.
 */
public final class FreeHeap {
  private final long max;
  private final LongSupplier used;
  private final Runnable collect;

  FreeHeap(long max, LongSupplier used, Runnable collect) {
    this.max = max;
    this.used = used;
    this.collect = collect;
  }

  private static final FreeHeap RUNTIME =
      new FreeHeap(
          Runtime.getRuntime().maxMemory(),
          () -> Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(),
          System::gc);

  /**
   * Bytes of heap free for work that needs {@code needed} bytes: the quick figure when it is
   * enough, otherwise the figure after a garbage collection.
   */
  public static long forWork(long needed) {
    return RUNTIME.free(needed);
  }

  long free(long needed) {
    long free = max - used.getAsLong();
    if (free >= needed) {
      return free;
    }
    collect.run();
    return max - used.getAsLong();
  }
}
