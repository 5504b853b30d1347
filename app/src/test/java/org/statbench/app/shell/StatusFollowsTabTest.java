package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.WorkspacePreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar shows the status of the tab in front, not the last one any tab set. */
@ExtendWith(ApplicationExtension.class)
class StatusFollowsTabTest {
  @TempDir static Path home;
  private MainView view;
  private AppContext context;

  @Start
  void start(Stage stage) {
    view =
        StatBenchApp.createMainView(
            stage,
            new SameThreadTaskRunner(),
            new RecordingDialogService(),
            new WorkspacePreferences(home));
    context = ((MainViewModel) stage.getUserData()).context();
    stage.show();
  }

  @Test
  void theCohortsMessageLeavesWithTheCohortsTabAndEachTabGetsItsOwnStatusBack(FxRobot robot) {
    robot.clickOn("#menu-help").clickOn("#menuDemo");
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> view.selectTab("table"));
    robot.interact(() -> context.statusProperty().set("3 cells · computed in 5 ms"));

    robot.interact(() -> view.selectTab("cohorts"));
    WaitForAsyncUtils.waitForFxEvents();
    String cohorts = status(robot);
    assertThat(cohorts).contains("cohorts");

    robot.interact(() -> view.selectTab("joins"));
    assertThat(status(robot)).as("a tab that has said nothing").isEmpty();
    robot.interact(() -> context.statusProperty().set("Joined areas to customers"));

    robot.interact(() -> view.selectTab("table"));
    assertThat(status(robot)).isEqualTo("3 cells · computed in 5 ms");
    robot.interact(() -> view.selectTab("cohorts"));
    assertThat(status(robot)).isEqualTo(cohorts);
    robot.interact(() -> view.selectTab("joins"));
    assertThat(status(robot)).isEqualTo("Joined areas to customers");
  }

  private static String status(FxRobot robot) {
    return robot.lookup("#statusText").queryAs(Label.class).getText();
  }
}
