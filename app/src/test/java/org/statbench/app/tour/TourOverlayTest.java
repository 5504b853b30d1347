package org.statbench.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainView;
import org.statbench.app.shell.MainWindowFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TourOverlayTest {
  @TempDir static Path home;
  private final MainWindowFixture window = new MainWindowFixture();
  private MainView view;

  @Start
  void start(Stage stage) {
    view = window.open(stage, home);
  }

  @Test
  void f1StartsTheTourOnTheFieldListWithBackDisabled(FxRobot robot) {
    robot.press(KeyCode.F1).release(KeyCode.F1);

    assertThat(robot.lookup("#tourOverlay").tryQuery()).isPresent();
    assertThat(text(robot, "#tourPosition")).isEqualTo("Step 1 of 7");
    assertThat(text(robot, "#tourTitle")).isEqualTo("Field list");
    assertThat(robot.lookup("#tourBack").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(highlight(robot)).isEqualTo(boundsInView(robot.lookup("#fieldTree").query()));

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    assertThat(robot.lookup("#tourOverlay").tryQuery()).isEmpty();
  }

  @Test
  void theKeyboardReachesTheClearanceQueueAsTheLastStepAndFinishes(FxRobot robot) {
    robot.press(KeyCode.F1).release(KeyCode.F1);
    for (int i = 0; i < 6; i++) {
      robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
    }

    assertThat(text(robot, "#tourPosition")).isEqualTo("Step 7 of 7");
    assertThat(text(robot, "#tourTitle")).isEqualTo("Clearance queue");
    assertThat(robot.lookup("#tourNext").queryAs(Button.class).getText()).isEqualTo("Finish");
    TabPane tabs = robot.lookup("#featureTabs").queryAs(TabPane.class);
    assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("clearance-tab");
    assertThat(highlight(robot))
        .isEqualTo(boundsInView(robot.lookup("#clearance-content").query()));

    robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
    assertThat(text(robot, "#tourTitle")).isEqualTo("Cohort view");
    robot.press(KeyCode.END).release(KeyCode.END);
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    assertThat(robot.lookup("#tourOverlay").tryQuery()).isEmpty();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  private Bounds highlight(FxRobot robot) {
    return robot.lookup("#tourOverlay").queryAs(TourOverlay.class).highlightedBounds();
  }

  private Bounds boundsInView(Node n) {
    return view.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
  }
}
