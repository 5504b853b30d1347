package org.statbench.core;

/**
 * Receives progress of a long operation. Called on the working thread, possibly often: keep it
 * cheap and hand over to the UI thread yourself.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (done, total, message) -> {};

  /**
   * @param done work done so far, in the operation's unit (e.g. bytes read)
   * @param total total work in the same unit, or -1 when unknown
   * @param message short description of the current stage, never null
   */
  void progress(long done, long total, String message);
}
