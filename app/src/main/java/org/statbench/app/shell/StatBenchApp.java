package org.statbench.app.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;

/**
 * The JavaFX application: wires the task runner, dialog service and shared models, builds the main
 * window from the registered {@link Features}, and opens the last workspace (or the sample
 * workspace on a first start). A workspace folder may be given as the system property {@code
 * statbench.workspace} or the parameter {@code --workspace=DIR}.
 */
public final class StatBenchApp extends Application {
  private FxTaskRunner tasks;
  private AppContext context;

  /** Launches the GUI (blocks until the window closes). */
  public static void launchGui(String[] args) {
    Application.launch(StatBenchApp.class, args);
  }

  /** The stylesheet of the main window. */
  public static String stylesheet() {
    return StatBenchApp.class.getResource("statbench.css").toExternalForm();
  }

  /**
   * Builds the shared context and main view for a stage; used by {@link #start} and by GUI tests
   * with their own runner, dialogs and preferences.
   */
  public static MainView createMainView(
      Stage stage, TaskRunner tasks, DialogService dialogs, WorkspacePreferences preferences) {
    WorkspaceModel workspace = new WorkspaceModel(tasks, dialogs, preferences);
    AppContext context = new AppContext(tasks, dialogs, workspace);
    MainViewModel vm = new MainViewModel(context);
    MainView view = new MainView(vm, Features.tabs(), Features.sidePanel());
    // 1280x800, or the screen when it is smaller (on 1024x700 the window was cut on both sides)
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene =
        new Scene(view, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
    scene.getStylesheets().add(stylesheet());
    stage.setScene(scene);
    stage.titleProperty().bind(vm.titleProperty());
    stage.setUserData(vm);
    stage.setOnCloseRequest(
        e -> {
          if (!context.unsavedWork().allow("closing StatBench")) {
            e.consume();
          }
        });
    return view;
  }

  @Override
  public void start(Stage stage) {
    FxDialogService dialogs = new FxDialogService(() -> stage);
    tasks = new FxTaskRunner(e -> dialogs.showError("Something went wrong", e));
    MainView view = createMainView(stage, tasks, dialogs, WorkspacePreferences.userDefault());
    MainViewModel vm = (MainViewModel) stage.getUserData();
    context = vm.context();
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    stage.show();
    vm.startUp(requestedWorkspace());
    view.selectTab("table");
  }

  private Path requestedWorkspace() {
    String prop = System.getProperty("statbench.workspace");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    List<String> raw = getParameters().getRaw();
    for (int i = 0; i < raw.size(); i++) {
      String a = raw.get(i);
      if (a.startsWith("--workspace=")) {
        return Path.of(a.substring("--workspace=".length()));
      }
      if (a.equals("--workspace") && i + 1 < raw.size()) {
        return Path.of(raw.get(i + 1));
      }
    }
    return null;
  }

  @Override
  public void stop() {
    if (tasks != null) {
      tasks.close();
    }
    if (context != null) {
      context.workspace().close();
    }
  }
}
