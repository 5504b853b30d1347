package org.statbench.app.shell;

import java.util.Objects;
import java.util.function.Consumer;
import org.statbench.core.CancelledException;

/**
 * A unit of background work with its callbacks, handed to a {@link TaskRunner}. Callbacks run on
 * the FX thread (on the calling thread with {@link SameThreadTaskRunner}). Immutable: every {@code
 * onX} method returns a copy.
 *
 * <p>Cancellation (through the handle, the status bar's Cancel button or a {@link
 * org.statbench.core.CancelledException} thrown by the work) calls {@link #onCancelled} and never
 * {@link #onFailure}.
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {
  private final String title;
  private final BackgroundWork<T> work;
  private final Consumer<? super T> onSuccess;
  private final Consumer<? super Throwable> onFailure;
  private final Runnable onCancelled;
  private final boolean showProgress;

  private BackgroundTask(
      String title,
      BackgroundWork<T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure,
      Runnable onCancelled,
      boolean showProgress) {
    this.title = Objects.requireNonNull(title);
    this.work = Objects.requireNonNull(work);
    this.onSuccess = onSuccess;
    this.onFailure = onFailure;
    this.onCancelled = onCancelled;
    this.showProgress = showProgress;
  }

  /**
   * A task shown in the status bar under {@code title} while it runs.
   *
   * @param title short description, e.g. {@code Importing claims.csv}
   */
  public static <T> BackgroundTask<T> of(String title, BackgroundWork<T> work) {
    return new BackgroundTask<>(title, work, r -> {}, null, () -> {}, true);
  }

  /** Called with the result on the FX thread when the work completes normally. */
  public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
    return new BackgroundTask<>(title, work, callback, onFailure, onCancelled, showProgress);
  }

  /**
   * Called on the FX thread when the work throws. Without it the runner's default handler (an error
   * dialog in the application) receives the error.
   */
  public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
    return new BackgroundTask<>(title, work, onSuccess, callback, onCancelled, showProgress);
  }

  /** Called on the FX thread when the task was cancelled. */
  public BackgroundTask<T> onCancelled(Runnable callback) {
    return new BackgroundTask<>(title, work, onSuccess, onFailure, callback, showProgress);
  }

  /** Whether the status bar shows this task's progress and Cancel (default true). */
  public BackgroundTask<T> showProgress(boolean show) {
    return new BackgroundTask<>(title, work, onSuccess, onFailure, onCancelled, show);
  }

  public String title() {
    return title;
  }

  public BackgroundWork<T> work() {
    return work;
  }

  public boolean showsProgress() {
    return showProgress;
  }

  /** True when a failure callback was given. */
  public boolean hasFailureHandler() {
    return onFailure != null;
  }

  /** Delivers the outcome; for runners. */
  void succeed(T result) {
    onSuccess.accept(result);
  }

  /** Delivers a failure (cancellation is routed to {@link #cancelled()}); for runners. */
  void fail(Throwable error, Consumer<? super Throwable> fallback) {
    if (error instanceof CancelledException) {
      cancelled();
    } else if (onFailure != null) {
      onFailure.accept(error);
    } else {
      fallback.accept(error);
    }
  }

  void cancelled() {
    onCancelled.run();
  }
}
