package org.statbench.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.app.workspace.WorkspaceModel;

/**
 * The main window's commands (workspace menu, demo, start-up) and its title. Feature commands live
 * in the features' own view models.
 */
public final class MainViewModel {
  private final AppContext context;
  private final StringBinding title;
  private final StringBinding workspaceLabel;

  public MainViewModel(AppContext context) {
    this.context = context;
    WorkspaceModel ws = context.workspace();
    title =
        Bindings.createStringBinding(
            () ->
                ws.nameProperty().get().isEmpty()
                    ? "StatBench"
                    : "StatBench — " + ws.nameProperty().get(),
            ws.nameProperty());
    workspaceLabel =
        Bindings.createStringBinding(
            () -> ws.workspace() == null ? "no workspace" : "workspace: " + ws.nameProperty().get(),
            ws.nameProperty(),
            ws.workspaceProperty());
  }

  // Properties

  public StringBinding titleProperty() {
    return title;
  }

  /** E.g. {@code workspace: sample}, shown at the right of the menu bar. */
  public StringBinding workspaceLabelProperty() {
    return workspaceLabel;
  }

  public AppContext context() {
    return context;
  }

  // Commands

  /**
   * What the application opens at start: the workspace given (e.g. {@code --workspace}), else the
   * last one, else the bundled sample workspace (created on first use), so that the first run lands
   * on data.
   */
  public void startUp(Path requested) {
    if (requested != null) {
      context.workspace().open(requested);
      return;
    }
    Optional<Path> last = context.workspace().preferences().lastWorkspace();
    if (last.isPresent()) {
      context.workspace().open(last.get());
    } else {
      openSampleWorkspace(false);
    }
  }

  /** Asks for a folder and opens (or creates) the workspace in it. */
  public void openWorkspace() {
    Path current =
        context.workspace().workspace() == null
            ? null
            : context.workspace().workspace().directory();
    context
        .dialogs()
        .chooseDirectory(
            "Open or create a workspace folder", current == null ? null : current.getParent())
        .ifPresent(context.workspace()::open);
  }

  /**
   * Opens the sample workspace, creating it by importing the bundled files when it does not exist
   * yet or when {@code reset} asks to rebuild it from the bundled files.
   */
  public void openSampleWorkspace(boolean reset) {
    Path dir = context.workspace().preferences().sampleWorkspaceDirectory();
    if (reset
        && !context
            .dialogs()
            .confirm(
                "Reset sample workspace",
                "Rebuild the sample workspace in "
                    + dir
                    + " from the bundled files? Changes made to it are lost.")) {
      return;
    }
    Path currentDir =
        context.workspace().workspace() == null
            ? null
            : context.workspace().workspace().directory();
    if (reset && dir.equals(currentDir)) {
      // The workspace must be closed before its folder can be rebuilt.
      context.workspace().close();
    }
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    reset ? "Resetting the sample workspace" : "Opening the sample workspace",
                    (progress, cancel) -> SampleWorkspace.open(dir, reset, progress, cancel))
                .onSuccess(
                    opened -> {
                      context.workspace().use(opened.workspace(), opened.datasets());
                      context
                          .statusProperty()
                          .set(
                              "Sample workspace ("
                                  + dir
                                  + "). File > Open or create workspace… opens your own.");
                    })
                .onFailure(
                    e -> context.dialogs().showError("Cannot open the sample workspace", e)));
  }
}
