package org.statbench.app.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.statbench.core.CancellationToken;

/** A runner for tests that holds tasks until {@link #runNext()} or {@link #runAll()}. */
public final class QueuedTaskRunner implements TaskRunner {
  private final List<Queued<?>> queue = new ArrayList<>();

  private final class Queued<T> implements TaskHandle {
    final BackgroundTask<T> task;
    final CancellationToken token = new CancellationToken();
    boolean done;

    Queued(BackgroundTask<T> task) {
      this.task = task;
    }

    void run() {
      done = true;
      if (token.isCancelled()) {
        task.cancelled();
        return;
      }
      T r;
      try {
        r = task.work().run((a, b, c) -> {}, token);
      } catch (Exception e) {
        task.fail(
            e,
            x -> {
              throw new IllegalStateException(x);
            });
        return;
      }
      task.succeed(r);
    }

    @Override
    public void cancel() {
      token.cancel();
    }

    @Override
    public boolean isDone() {
      return done;
    }
  }

  @Override
  public <T> TaskHandle run(BackgroundTask<T> task) {
    Queued<T> q = new Queued<>(task);
    queue.add(q);
    return q;
  }

  public int pending() {
    return queue.size();
  }

  public void runNext() {
    queue.remove(0).run();
  }

  /** Runs queued tasks in reverse order of submission (the newest first), then the rest. */
  public void runNewestFirst() {
    while (!queue.isEmpty()) {
      queue.remove(queue.size() - 1).run();
    }
  }

  public void runAll() {
    while (!queue.isEmpty()) {
      runNext();
    }
  }

  @Override
  public ReadOnlyBooleanProperty busyProperty() {
    return new ReadOnlyBooleanWrapper(!queue.isEmpty()).getReadOnlyProperty();
  }

  @Override
  public ReadOnlyDoubleProperty progressProperty() {
    return new ReadOnlyDoubleWrapper(0).getReadOnlyProperty();
  }

  @Override
  public ReadOnlyStringProperty messageProperty() {
    return new ReadOnlyStringWrapper("").getReadOnlyProperty();
  }

  @Override
  public void cancelCurrent() {}
}
