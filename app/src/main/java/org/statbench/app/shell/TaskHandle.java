package org.statbench.app.shell;

/** A running (or finished) background task. */
public interface TaskHandle {
  /** Asks the task to stop; its cancel callback runs on the FX thread. Idempotent. */
  void cancel();

  /** True once the task has succeeded, failed or been cancelled. */
  boolean isDone();

  /** A handle for a task that already finished. */
  TaskHandle DONE =
      new TaskHandle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
          return true;
        }
      };
}
