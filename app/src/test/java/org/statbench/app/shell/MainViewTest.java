package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.WorkspacePreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainViewTest {
  @TempDir static Path home;

  @Start
  void start(Stage stage) {
    StatBenchApp.createMainView(
        stage,
        new SameThreadTaskRunner(),
        new RecordingDialogService(),
        new WorkspacePreferences(home));
    stage.show();
  }

  @Test
  void showsTheFeatureTabsOfTheSketchInOrder(FxRobot robot) {
    TabPane tabs = robot.lookup("#featureTabs").queryAs(TabPane.class);
    assertThat(tabs.getTabs())
        .extracting(Tab::getText)
        .containsExactly("Table", "Chart", "Cohorts", "Joins", "Linkage", "Clearance queue");
  }

  @Test
  void hasTheMenusDatasetsFieldsSidePanelAndStatusBar(FxRobot robot) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    assertThat(bar.getMenus())
        .extracting(Menu::getText)
        .containsExactly("File", "Datasets", "Edit", "View", "Table", "Disclosure", "Help");
    assertThat(robot.lookup("#datasetList").tryQuery()).isPresent();
    assertThat(robot.lookup("#fieldTree").tryQuery()).isPresent();
    assertThat(robot.lookup("#sidePanel").tryQuery()).isPresent();
    assertThat(robot.lookup("#statusBar").tryQuery()).isPresent();
    assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText())
        .isEqualTo("no workspace");
  }

  @Test
  void theStatusBarHidesProgressWhenIdle(FxRobot robot) {
    assertThat(robot.lookup("#taskBox").query().isVisible()).isFalse();
  }
}
