package org.statbench.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.statbench.core.CancellationToken;
import org.statbench.core.CancelledException;
import org.statbench.core.ProgressListener;

/**
 * The application's task runner: each task is a {@code javafx.concurrent.Task} on a pool of daemon
 * threads, so the FX thread never waits. Progress reported by the work is coalesced by {@code
 * Task.updateProgress} before it reaches the FX thread. The status bar follows the newest running
 * task that shows progress.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
  private final ExecutorService executor;
  private final Consumer<? super Throwable> defaultFailureHandler;
  private final List<Running<?>> visible = new ArrayList<>();

  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

  /**
   * @param defaultFailureHandler receives failures of tasks without their own failure callback
   */
  public FxTaskRunner(Consumer<? super Throwable> defaultFailureHandler) {
    this.defaultFailureHandler = defaultFailureHandler;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "statbench-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public <T> TaskHandle run(BackgroundTask<T> task) {
    Running<T> running = new Running<>(task);
    if (task.showsProgress()) {
      visible.add(running);
      follow();
    }
    executor.execute(running);
    return new TaskHandle() {
      @Override
      public void cancel() {
        running.stop();
      }

      @Override
      public boolean isDone() {
        return running.isDone();
      }
    };
  }

  private void finished(Running<?> running) {
    if (visible.remove(running)) {
      follow();
    }
  }

  /** Binds the status properties to the newest visible task. */
  private void follow() {
    progress.unbind();
    message.unbind();
    if (visible.isEmpty()) {
      busy.set(false);
      progress.set(0);
      message.set("");
      return;
    }
    Running<?> newest = visible.get(visible.size() - 1);
    busy.set(true);
    progress.bind(newest.progressProperty());
    message.bind(newest.messageProperty());
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
  public void cancelCurrent() {
    if (!visible.isEmpty()) {
      visible.get(visible.size() - 1).stop();
    }
  }

  @Override
  public void close() {
    for (Running<?> r : List.copyOf(visible)) {
      r.stop();
    }
    executor.shutdownNow();
  }

  private final class Running<T> extends Task<T> {
    private final BackgroundTask<T> task;
    private final CancellationToken token = new CancellationToken();

    Running(BackgroundTask<T> task) {
      this.task = task;
      updateMessage(task.title());
      updateProgress(-1, 1);
    }

    @Override
    protected T call() throws Exception {
      ProgressListener listener =
          (done, total, stage) -> {
            if (total > 0) {
              updateProgress(done, total);
            }
            updateMessage(stage.isEmpty() ? task.title() : task.title() + ": " + stage);
          };
      token.throwIfCancelled();
      return task.work().run(listener, token);
    }

    void stop() {
      token.cancel();
      // Interrupting would break H2's file channel; the work polls the token instead.
      if (Platform.isFxApplicationThread()) {
        cancel(false);
      } else {
        Platform.runLater(() -> cancel(false));
      }
    }

    @Override
    protected void succeeded() {
      finished(this);
      if (token.isCancelled()) {
        task.cancelled();
      } else {
        task.succeed(getValue());
      }
    }

    @Override
    protected void failed() {
      finished(this);
      Throwable e = getException();
      task.fail(token.isCancelled() ? new CancelledException() : e, defaultFailureHandler);
    }

    @Override
    protected void cancelled() {
      finished(this);
      task.cancelled();
    }
  }
}
