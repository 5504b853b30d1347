package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024x700 in presenter mode nothing is squeezed out of sight: the Cohorts tab's cohort and
 * spell controls scroll (at most a fifth and a seventh of the window's height) so the status chart,
 * heat map and message line stay on screen, and each drop zone is as tall as its wrapped title and
 * hint (the zones were squeezed to a fixed 34 px and "Wafers:" was drawn over the Rows zone's
 * hint).
 */
@ExtendWith(ApplicationExtension.class)
class PresenterSmallWindowTest {
  @TempDir static Path home;
  private final MainWindowFixture window = new MainWindowFixture();

  @Start
  void start(Stage stage) {
    window.open(stage, home, 1024, 700);
  }

  @AfterEach
  void backToNormal(FxRobot robot) {
    window.presenter(robot, false);
  }

  @Test
  void statusResultsStayOnScreenAt1024x700InPresenterMode(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "cohorts");
    window.presenter(robot, true);
    robot.interact(
        () -> robot.lookup("#cohortModeStatus").queryAs(ToggleButton.class).setSelected(true));
    WaitForAsyncUtils.waitForFxEvents();
    window.layout(robot);
    Node tabs = window.view().tabs();
    Node body = robot.lookup("#statusBody").query();
    javafx.geometry.Bounds shown = tabs.localToScene(tabs.getLayoutBounds());
    javafx.geometry.Bounds b = body.localToScene(body.getLayoutBounds());
    double visible = Math.min(b.getMaxY(), shown.getMaxY()) - b.getMinY();
    // the chart and heat map must be on screen, not pushed below the window by the controls
    assertThat(visible)
        .as(
            "visible height of the status chart and heat map (body %.0f-%.0f, tabs end %.0f)",
            b.getMinY(), b.getMaxY(), shown.getMaxY())
        .isGreaterThanOrEqualTo(shown.getHeight() / 4);
    Node content = robot.lookup("#cohorts-content").query();
    assertThat(content.localToScene(content.getLayoutBounds()).getMaxY())
        .as("the tab's bottom line (messages) inside the window")
        .isLessThanOrEqualTo(shown.getMaxY() + 0.5);
  }

  @Test
  void everyDropZoneIsAsTallAsItsWrappedTextInPresenterModeAt1024x700(FxRobot robot) {
    window.presenter(robot, true);
    window.layout(robot);
    for (String zone : new String[] {"rows", "columns", "wafers", "filters"}) {
      Region z = robot.lookup("#zone-" + zone).queryAs(Region.class);
      double needed = z.prefHeight(z.getWidth());
      assertThat(z.getHeight())
          .as("height of the %s zone", zone)
          .isGreaterThanOrEqualTo(needed - 0.5);
    }
  }
}
