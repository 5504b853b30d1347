package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.WorkspacePreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View > Datasets panel and View > Disclosure panel hide either side panel and give its width to
 * the tabs — at 1024x700 in presenter mode the two panels otherwise take about half the window —
 * and bring it back in its own place.
 */
@ExtendWith(ApplicationExtension.class)
class SidePanelToggleTest {
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

  private double tabsWidth(FxRobot robot) {
    robot.interact(() -> stage.getScene().getRoot().layout());
    return ((MainView) stage.getScene().getRoot()).tabs().getWidth();
  }

  private void toggle(FxRobot robot, String id, boolean shown) {
    robot.interact(
        () -> {
          CheckMenuItem item = (CheckMenuItem) ViewMenu.item(robot, null, id);
          // as a click does: the check flips, then the item's action runs
          item.setSelected(shown);
          item.fire();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void hidingBothSidePanelsGivesTheirWidthToTheTabsAndShowingPutsThemBack(FxRobot robot) {
    SplitPane split = robot.lookup("#mainSplit").queryAs(SplitPane.class);
    double both = tabsWidth(robot);
    double datasetsWidth = robot.lookup("#datasetsPane").query().getBoundsInParent().getWidth();

    toggle(robot, "menuShowDatasetsPanel", false);
    double withoutDatasets = tabsWidth(robot);
    assertThat(split.getItems()).hasSize(2);
    assertThat(withoutDatasets).isGreaterThanOrEqualTo(both + datasetsWidth - 10);

    toggle(robot, "menuShowSidePanel", false);
    assertThat(split.getItems()).containsExactly(((MainView) stage.getScene().getRoot()).tabs());
    assertThat(tabsWidth(robot)).isGreaterThan(withoutDatasets + 150);

    toggle(robot, "menuShowDatasetsPanel", true);
    toggle(robot, "menuShowSidePanel", true);
    assertThat(split.getItems()).hasSize(3);
    assertThat(split.getItems().get(0).getId()).isEqualTo("datasetsPane");
    assertThat(split.getItems().get(1)).isSameAs(((MainView) stage.getScene().getRoot()).tabs());
    // back at the widths fitted to the text (the first layout's may differ by a few pixels)
    assertThat(tabsWidth(robot)).isLessThan(both + datasetsWidth / 2);
    assertThat(robot.lookup("#datasetsPane").query().getBoundsInParent().getWidth())
        .isGreaterThanOrEqualTo(200);
  }
}
