package org.statbench.app.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs background work and reports it to the status bar. The application uses {@link FxTaskRunner}
 * (a {@code javafx.concurrent.Task} on a worker pool); tests use {@link SameThreadTaskRunner}. Call
 * only from the FX thread; callbacks come back on it.
 */
public interface TaskRunner {
  /** Starts the task and returns its handle. */
  <T> TaskHandle run(BackgroundTask<T> task);

  /** True while a task that shows progress is running. */
  ReadOnlyBooleanProperty busyProperty();

  /** Progress of the newest visible task in [0, 1], or -1 when indeterminate. */
  ReadOnlyDoubleProperty progressProperty();

  /** Title and stage of the newest visible task, empty when idle. */
  ReadOnlyStringProperty messageProperty();

  /** Cancels the newest visible task (the status bar's Cancel button). */
  void cancelCurrent();
}
