package org.statbench.app.shell;

/**
 * Runs tasks so that only the latest one counts: submitting a task cancels the previous one, and a
 * result that arrives after a newer submission is dropped. This is what a live preview needs when
 * the user keeps changing its input (the MZmine pattern: compute off the FX thread, apply only if
 * still the latest). Use from the FX thread only.
 */
public final class LatestWins {
  private final TaskRunner runner;
  private TaskHandle current = TaskHandle.DONE;
  private long generation;

  public LatestWins(TaskRunner runner) {
    this.runner = runner;
  }

  /** Cancels the running task, if any, and starts this one. */
  public <T> TaskHandle submit(BackgroundTask<T> task) {
    current.cancel();
    long mine = ++generation;
    BackgroundTask<T> guarded =
        task.onSuccess(
            r -> {
              if (mine == generation) {
                task.succeed(r);
              }
            });
    if (task.hasFailureHandler()) {
      guarded =
          guarded.onFailure(
              e -> {
                if (mine == generation) {
                  task.fail(e, x -> {});
                }
              });
    }
    TaskHandle handle = runner.run(guarded);
    if (mine == generation) {
      current = handle;
    }
    return handle;
  }

  /** Cancels the running task and drops any result still to come. */
  public void cancel() {
    generation++;
    current.cancel();
    current = TaskHandle.DONE;
  }
}
