package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.layout.Region;
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
 * At 1024x700 in presenter mode each drop zone is as tall as its wrapped title and hint need: the
 * zones were squeezed to a fixed 34 px and "Wafers:" was drawn over the hint of the Rows zone.
 */
@ExtendWith(ApplicationExtension.class)
class DropZonesNotSqueezedTest {
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
    stage.setWidth(1024);
    stage.setHeight(700);
    stage.show();
  }

  @AfterEach
  void backToNormal(FxRobot robot) {
    robot.interact(
        () -> ((CheckMenuItem) ViewMenu.item(robot, null, "menuPresenter")).setSelected(false));
  }

  @Test
  void everyDropZoneIsAsTallAsItsWrappedTextInPresenterModeAt1024x700(FxRobot robot) {
    robot.interact(
        () -> ((CheckMenuItem) ViewMenu.item(robot, null, "menuPresenter")).setSelected(true));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    for (String zone : new String[] {"rows", "columns", "wafers", "filters"}) {
      Region z = robot.lookup("#zone-" + zone).queryAs(Region.class);
      double needed = z.prefHeight(z.getWidth());
      assertThat(z.getHeight())
          .as("height of the %s zone", zone)
          .isGreaterThanOrEqualTo(needed - 0.5);
    }
  }
}
