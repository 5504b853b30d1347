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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Presenter mode's larger text at 1280x800 in each theme: the side panels and the table builder's
 * tool bars widen with the text, so no label, button or combo box there is shown cut (names in
 * lists and tables may be; numbers are checked by the grid's own test).
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLabelsFitTest {
  @TempDir static Path home;
  private final MainWindowFixture window = new MainWindowFixture();

  @Start
  void start(Stage stage) {
    window.open(stage, home, 1280, 800);
  }

  @AfterEach
  void backToNormal(FxRobot robot) {
    window.look(robot, "light", false);
  }

  @Test
  void noLabelOfTheSidePanelsAndToolBarsIsCutInPresenterModeInAnyTheme(FxRobot robot) {
    window.loadDemo(robot);
    for (String theme : List.of("light", "dark", "high-contrast")) {
      window.look(robot, theme, true);
      window.layout(robot);
      for (String panel : List.of("#datasetsPane", "#sidePanel", "#table-content")) {
        Node n = robot.lookup(panel).query();
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> cut.addAll(Truncation.truncated(n)));
        assertThat(cut).as("%s in %s with presenter mode", panel, theme).isEmpty();
      }
    }
  }
}
