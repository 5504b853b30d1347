package org.statbench.app.shell;

import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.stage.Stage;
import org.statbench.app.workspace.WorkspacePreferences;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window as the TestFX tests open it: the real view with a same-thread task runner, a
 * recording dialog service and preferences in the test's home folder, shown at a given size; and
 * the few steps those tests take on it (the demo workspace, a tab, the look, a layout pass). Make
 * one per test class and call {@link #open} from the {@code @Start} method.
 */
public final class MainWindowFixture {
  private final RecordingDialogService dialogs;
  private Stage stage;
  private MainView view;

  /** A window that records its dialogs in a fresh {@link RecordingDialogService}. */
  public MainWindowFixture() {
    this(new RecordingDialogService());
  }

  /** A window that records its dialogs in {@code dialogs} (for tests that read or feed them). */
  public MainWindowFixture(RecordingDialogService dialogs) {
    this.dialogs = dialogs;
  }

  /** Builds the main view on {@code stage} at the size the window opens with, and shows it. */
  public MainView open(Stage stage, Path home) {
    return open(stage, home, 0, 0);
  }

  /**
   * Builds the main view on {@code stage}, sizes the window to {@code width} x {@code height} (left
   * as it opens when either is 0) and shows it.
   */
  public MainView open(Stage stage, Path home, double width, double height) {
    this.stage = stage;
    view =
        StatBenchApp.createMainView(
            stage, new SameThreadTaskRunner(), dialogs, new WorkspacePreferences(home));
    if (width > 0 && height > 0) {
      stage.setWidth(width);
      stage.setHeight(height);
    }
    stage.show();
    return view;
  }

  public Stage stage() {
    return stage;
  }

  public MainView view() {
    return view;
  }

  public RecordingDialogService dialogs() {
    return dialogs;
  }

  /** The application's context (workspace, task runner, status), as the window's model holds it. */
  public AppContext context() {
    return ((MainViewModel) stage.getUserData()).context();
  }

  /** Opens Help > Demo (the demo workspace with its saved tables) and waits for it. */
  public void loadDemo(FxRobot robot) {
    robot.clickOn("#menu-help").clickOn("#menuDemo");
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Brings the tab {@code id} (table, chart, cohorts, joins, linkage, clearance) to the front. */
  public void selectTab(FxRobot robot, String id) {
    robot.interact(() -> view.selectTab(id));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Turns presenter mode on or off through the View menu. */
  public void presenter(FxRobot robot, boolean on) {
    robot.interact(
        () -> ((CheckMenuItem) ViewMenu.item(robot, null, "menuPresenter")).setSelected(on));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Chooses a theme ({@code light}, {@code dark}, {@code high-contrast}) and presenter mode. */
  public void look(FxRobot robot, String theme, boolean presenter) {
    robot.interact(() -> ViewMenu.look(robot, theme, presenter));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Resizes the window and waits for the resize to be laid out. */
  public void resize(FxRobot robot, double width, double height) {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Lays the whole window out now, so sizes read next are those of the current look. */
  public void layout(FxRobot robot) {
    robot.interact(() -> stage.getScene().getRoot().layout());
  }
}
