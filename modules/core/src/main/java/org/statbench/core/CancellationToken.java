package org.statbench.core;

/**
 * Cooperative cancellation for long operations. Thread-safe: any thread may call {@link #cancel()};
 * the working thread polls {@link #throwIfCancelled()} at convenient points.
 */
public final class CancellationToken {
  /** A token that is never cancelled. */
  public static final CancellationToken NONE = new CancellationToken();

  private volatile boolean cancelled;

  public void cancel() {
    if (this != NONE) {
      cancelled = true;
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * @throws CancelledException when cancelled
   */
  public void throwIfCancelled() {
    if (cancelled) {
      throw new CancelledException();
    }
  }
}
