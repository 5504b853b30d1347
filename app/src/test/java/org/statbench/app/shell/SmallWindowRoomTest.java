package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Room at 1024x700. View > Datasets panel and View > Disclosure panel hide either side panel and
 * give its width to the tabs — at 1024x700 in presenter mode the two panels otherwise take about
 * half the window — and bring it back in its own place. And in presenter mode with a table open,
 * the table bar's labels stay on the line of their boxes (the FlowPane left "Show" at the end of
 * the first line, out of sight).
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowRoomTest {
  // a home per test: the demo is rebuilt in it, which fails while another test's window holds it
  // open
  @TempDir Path home;
  private final MainWindowFixture window = new MainWindowFixture();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window.open(stage, home, 1024, 700);
  }

  private double tabsWidth(FxRobot robot) {
    window.layout(robot);
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

  @Test
  void theTableBarsLabelsStayBesideTheirBoxesInPresenterMode(FxRobot robot) {
    window.loadDemo(robot);
    window.presenter(robot, true);
    window.layout(robot);
    javafx.scene.Node content = robot.lookup("#table-content").query();
    for (String[] pair :
        new String[][] {
          {"Measure", "#measureKind"}, {"Show", "#percentage"}, {"Weight", "#weight"}
        }) {
      javafx.scene.control.Label label =
          robot
              .from(content)
              .lookup(
                  (javafx.scene.Node n) ->
                      n instanceof javafx.scene.control.Label l && pair[0].equals(l.getText()))
              .queryAs(javafx.scene.control.Label.class);
      javafx.scene.Node box = robot.lookup(pair[1]).query();
      javafx.geometry.Bounds l = label.localToScene(label.getLayoutBounds());
      javafx.geometry.Bounds b = box.localToScene(box.getLayoutBounds());
      assertThat(l.getCenterY())
          .as("'%s' on the line of its box", pair[0])
          .isBetween(b.getMinY(), b.getMaxY());
      assertThat(l.getMaxX())
          .as("'%s' just left of its box", pair[0])
          .isLessThanOrEqualTo(b.getMinX());
    }
    window.presenter(robot, false);
  }

  @Test
  void theJoinsTabsButtonsStayInTheWindowInPresenterMode(FxRobot robot) {
    window.presenter(robot, true);
    window.selectTab(robot, "joins");
    window.layout(robot);
    javafx.scene.Node tabs = ((MainView) stage.getScene().getRoot()).tabs();
    javafx.geometry.Bounds shown = tabs.localToScene(tabs.getLayoutBounds());
    for (String id : new String[] {"#joinPreview", "#joinApply"}) {
      javafx.scene.Node button = robot.lookup(id).query();
      assertThat(button.localToScene(button.getLayoutBounds()).getMaxX())
          .as("right edge of %s (tabs end at %.0f)", id, shown.getMaxX())
          .isLessThanOrEqualTo(shown.getMaxX());
    }
    window.presenter(robot, false);
  }

  @Test
  void theEmptyTablesHintIsShownWholeInPresenterMode(FxRobot robot) {
    robot.clickOn("#menu-help").clickOn("#menuSample");
    WaitForAsyncUtils.waitForFxEvents();
    window.presenter(robot, true);
    window.selectTab(robot, "table");
    window.layout(robot);
    javafx.scene.control.Label hint =
        robot.lookup("#tablePlaceholder").queryAs(javafx.scene.control.Label.class);
    assertThat(hint.isVisible()).isTrue();
    assertThat(Truncation.truncated(hint)).as("the hint shown whole").isEmpty();
    window.presenter(robot, false);
  }

  @Test
  void theCohortCurvesHintWrapsAcrossThePaneInPresenterMode(FxRobot robot) {
    window.loadDemo(robot);
    window.presenter(robot, true);
    window.selectTab(robot, "cohorts");
    window.layout(robot);
    javafx.scene.control.Label hint =
        robot.lookup("#cohortCurveHint").queryAs(javafx.scene.control.Label.class);
    double line = hint.getFont().getSize() * 1.5;
    // beside the curve choice it was a word wide and six lines tall
    assertThat(hint.getHeight())
        .as("height of the hint, lines of %.0f px", line)
        .isLessThan(3 * line);
    window.presenter(robot, false);
  }

  @Test
  void noTabIsWiderThanItsRoomOnTheSampleInPresenterMode(FxRobot robot) {
    // nothing computed yet: the placeholders and their links
    assertThat(tabsWiderThanTheirRoom(robot, "#menuSample", "sample")).isEmpty();
  }

  @Test
  void noTabIsWiderThanItsRoomOnTheDemoInPresenterMode(FxRobot robot) {
    // results shown; the demo's table has a long chip: "age: 16-24, 25-34, 35-49, 50+"
    assertThat(tabsWiderThanTheirRoom(robot, "#menuDemo", "demo")).isEmpty();
    assertThat(robot.lookup("#chip-age").tryQuery()).isPresent();
  }

  /**
   * Wider content is drawn past the window's right edge and cut: buttons and numbers out of reach.
   */
  private java.util.List<String> tabsWiderThanTheirRoom(
      FxRobot robot, String menuItem, String workspace) {
    robot.clickOn("#menu-help").clickOn(menuItem);
    WaitForAsyncUtils.waitForFxEvents();
    window.presenter(robot, true);
    assertThat(robot.lookup("#workspaceLabel").queryAs(javafx.scene.control.Label.class).getText())
        .contains(workspace);
    MainView main = (MainView) stage.getScene().getRoot();
    java.util.List<String> wider = new java.util.ArrayList<>();
    for (javafx.scene.control.Tab tab : main.tabs().getTabs()) {
      robot.interact(() -> main.tabs().getSelectionModel().select(tab));
      WaitForAsyncUtils.waitForFxEvents();
      window.layout(robot);
      javafx.scene.layout.Region content = (javafx.scene.layout.Region) tab.getContent();
      double room = content.getParent().getLayoutBounds().getWidth();
      if (content.getWidth() > room + 0.5) {
        wider.add(String.format("%s %.0f px in %.0f", tab.getText(), content.getWidth(), room));
      }
    }
    window.presenter(robot, false);
    return wider;
  }

  @Test
  void theTableKeepsRoomUnderTheControlsInPresenterMode(FxRobot robot) {
    window.loadDemo(robot);
    window.presenter(robot, true);
    window.selectTab(robot, "table");
    window.layout(robot);
    javafx.scene.Node grid = robot.lookup("#tableGrid").query();
    javafx.scene.Node tabs = ((MainView) stage.getScene().getRoot()).tabs();
    double shown =
        Math.min(
                grid.localToScene(grid.getLayoutBounds()).getMaxY(),
                tabs.localToScene(tabs.getLayoutBounds()).getMaxY())
            - grid.localToScene(grid.getLayoutBounds()).getMinY();
    // the wrapped zones and bars took the whole tab: the table was below the window
    assertThat(shown).as("visible height of the table").isGreaterThan(stage.getHeight() / 4);
    window.presenter(robot, false);
  }

  @Test
  void theClearanceLegendsSwatchesStayBesideTheirWordsInPresenterMode(FxRobot robot) {
    window.presenter(robot, true);
    window.selectTab(robot, "clearance");
    window.layout(robot);
    javafx.scene.layout.Pane legend =
        robot.lookup("#clearanceLegend").queryAs(javafx.scene.layout.Pane.class);
    java.util.List<javafx.scene.Node> swatches = legend.lookupAll(".legend-box").stream().toList();
    java.util.List<javafx.scene.control.Label> words =
        legend.lookupAll(".label").stream().map(javafx.scene.control.Label.class::cast).toList();
    assertThat(swatches).hasSize(3);
    assertThat(words).hasSize(3);
    for (int i = 0; i < 3; i++) {
      javafx.geometry.Bounds box = swatches.get(i).localToScene(swatches.get(i).getLayoutBounds());
      javafx.geometry.Bounds text = words.get(i).localToScene(words.get(i).getLayoutBounds());
      assertThat(box.getCenterY())
          .as("swatch %d on the line of '%s'", i, words.get(i).getText())
          .isBetween(text.getMinY(), text.getMaxY());
      assertThat(box.getMaxX())
          .as("swatch %d just left of its words", i)
          .isLessThan(text.getMinX());
    }
    window.presenter(robot, false);
  }
}
