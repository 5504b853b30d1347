package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.WorkspacePreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode's larger text at 1280x800 in each theme: the side panels and the table builder's
 * tool bars widen with the text, so no label, button or combo box there is shown cut (names in
 * lists and tables may be; numbers are checked by the grid's own test).
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLabelsFitTest {
  @TempDir static Path home;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    StatBenchApp.createMainView(
        stage,
        new SameThreadTaskRunner(),
        new RecordingDialogService(),
        new WorkspacePreferences(home));
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
  }

  @AfterEach
  void backToNormal(FxRobot robot) {
    robot.interact(
        () -> {
          ViewMenu.look(robot, "light", false);
        });
  }

  @Test
  void noLabelOfTheSidePanelsAndToolBarsIsCutInPresenterModeInAnyTheme(FxRobot robot) {
    robot.clickOn("#menu-help").clickOn("#menuDemo");
    WaitForAsyncUtils.waitForFxEvents();
    for (String theme : List.of("light", "dark", "high-contrast")) {
      robot.interact(
          () -> {
            ViewMenu.look(robot, theme, true);
          });
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> stage.getScene().getRoot().layout());
      for (String panel : List.of("#datasetsPane", "#sidePanel", "#table-content")) {
        Node n = robot.lookup(panel).query();
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> cut.addAll(Truncation.truncated(n)));
        assertThat(cut).as("%s in %s with presenter mode", panel, theme).isEmpty();
      }
    }
  }
}
