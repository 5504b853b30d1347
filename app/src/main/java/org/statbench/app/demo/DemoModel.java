package org.statbench.app.demo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.store.Workspace;

/**
 * The trainer's commands: Help > Demo opens a fresh copy of the demo workspace (sample data, joins
 * and saved demo tables) and Help > Reset demo puts it back to that starting state in one click,
 * whatever was changed. Both run in the background with progress; no JavaFX nodes here.
 */
public final class DemoModel {
  private final AppContext context;
  private final DemoWorkspace demo;
  private final Consumer<Path> openTable;
  private final BooleanBinding demoOpen;

  /**
   * @param demo where the demo and its template live
   * @param openTable shows a saved table definition in the table builder (after the demo opens, the
   *     first demo table is shown)
   */
  public DemoModel(AppContext context, DemoWorkspace demo, Consumer<Path> openTable) {
    this.context = Objects.requireNonNull(context);
    this.demo = Objects.requireNonNull(demo);
    this.openTable = Objects.requireNonNull(openTable);
    demoOpen =
        Bindings.createBooleanBinding(
            () -> isDemo(context.workspace().workspace()), context.workspace().workspaceProperty());
  }

  // Properties

  /** True while the demo workspace is the open one. */
  public BooleanBinding demoOpenProperty() {
    return demoOpen;
  }

  public DemoWorkspace demo() {
    return demo;
  }

  // Commands

  /** Opens a fresh copy of the demo (building its template the first time). */
  public void openDemo() {
    start("Preparing the demo");
  }

  /** Puts the demo back to its starting state and shows the first demo table. */
  public void resetDemo() {
    start("Resetting the demo");
  }

  private void start(String title) {
    if (isDemo(context.workspace().workspace())) {
      // Its folder is about to be replaced: the workspace on it must be closed first.
      context.workspace().close();
    }
    context
        .tasks()
        .run(
            BackgroundTask.of(title, (progress, cancel) -> demo.reset(progress, cancel))
                .onSuccess(
                    opened -> {
                      context.workspace().use(opened.workspace(), opened.datasets());
                      context
                          .statusProperty()
                          .set(
                              "Demo workspace ready: Table > Saved tables holds the demo tables;"
                                  + " Help > Reset demo starts again.");
                      openTable.accept(demo.firstTable());
                    })
                .onFailure(e -> context.dialogs().showError("Cannot prepare the demo", e)));
  }

  private boolean isDemo(Workspace ws) {
    return ws != null
        && ws.directory()
            .toAbsolutePath()
            .normalize()
            .equals(demo.directory().toAbsolutePath().normalize());
  }
}
