package org.statbench.app.cli;

import java.io.PrintWriter;

/**
 * Failures of background threads while a command runs (the store's writer, say). Java's default
 * prints such a thread's stack trace; here running out of heap is kept and said once, with the
 * command's result, as the command's own thread would say it, and anything else is one line.
 */
public final class BackgroundFailures implements Thread.UncaughtExceptionHandler {
  private final PrintWriter err;
  private volatile Throwable outOfMemory;

  public BackgroundFailures(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable e) {
    if (e instanceof OutOfMemoryError) {
      // the command's thread usually runs out too and says so: one message, not two
      outOfMemory = e;
      return;
    }
    err.println("statbench: a background task (" + thread.getName() + ") failed: " + e);
    err.flush();
  }

  /**
   * The exit code once the command has returned {@code code}: a command that ended well while a
   * background thread ran out of heap may have been left short, so that is said and is exit 2.
   */
  public int exitCode(int code) {
    Throwable oom = outOfMemory;
    return code == 0 && oom != null ? StatBenchCommand.escaped(oom, err) : code;
  }
}
