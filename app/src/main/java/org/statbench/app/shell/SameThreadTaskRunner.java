package org.statbench.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.statbench.core.CancellationToken;

/**
 * Runs every task immediately on the calling thread, callbacks included: view-model tests need no
 * toolkit and no waiting. Remembers the titles and reported progress of the tasks it ran.
 */
public final class SameThreadTaskRunner implements TaskRunner {
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final List<String> titles = new ArrayList<>();
  private final List<Double> reportedFractions = new ArrayList<>();
  private final Consumer<? super Throwable> defaultFailureHandler;

  /** Failures without their own callback are rethrown, so tests notice them. */
  public SameThreadTaskRunner() {
    this(
        e -> {
          throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        });
  }

  public SameThreadTaskRunner(Consumer<? super Throwable> defaultFailureHandler) {
    this.defaultFailureHandler = defaultFailureHandler;
  }

  @Override
  public <T> TaskHandle run(BackgroundTask<T> task) {
    titles.add(task.title());
    CancellationToken token = new CancellationToken();
    T result;
    try {
      result =
          task.work()
              .run(
                  (done, total, stage) -> {
                    if (total > 0) {
                      reportedFractions.add((double) done / total);
                    }
                  },
                  token);
    } catch (Exception e) {
      task.fail(e, defaultFailureHandler);
      return TaskHandle.DONE;
    }
    task.succeed(result);
    return TaskHandle.DONE;
  }

  /** Titles of the tasks run so far, in order. */
  public List<String> titles() {
    return List.copyOf(titles);
  }

  /** Every progress fraction reported by the work so far. */
  public List<Double> reportedFractions() {
    return List.copyOf(reportedFractions);
  }

  @Override
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  @Override
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  @Override
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  @Override
  public void cancelCurrent() {}
}
