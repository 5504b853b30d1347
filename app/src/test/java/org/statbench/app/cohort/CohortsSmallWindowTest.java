package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainWindowFixture;
import org.statbench.app.shell.Truncation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024x700 in presenter mode the Cohorts tab's controls wrap within the tab (no group wider than
 * it), and before a triangle is computed (a dataset without two dates, say) shows what to do and
 * the saved definitions, one click each: at 1024x700 in presenter mode these wrap rather than being
 * cut ("Drop an entry date and an event date above …", "Benefit status after referral, by payment
 * …"). The tests of every tab's labels do not look inside tables, where this placeholder is.
 */
@ExtendWith(ApplicationExtension.class)
class CohortsSmallWindowTest {
  @TempDir Path home; // one per test: a demo workspace stays open in the previous test's window
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
  void theControlsWrapWithinTheTabWithoutASidewaysScrollInPresenterModeAt1024x700(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "cohorts");
    window.presenter(robot, true);
    window.layout(robot);
    javafx.scene.layout.Region controls =
        robot.lookup(".cohort-controls").queryAs(javafx.scene.layout.Region.class);
    javafx.scene.control.ScrollPane scroll =
        (javafx.scene.control.ScrollPane) controls.getParent().getParent().getParent();
    // the bar wrapped at the widest group's width: "Cohorts by" and its box were off to the right
    assertThat(controls.getWidth())
        .as("width of the controls bar")
        .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 0.5);
  }

  @SuppressWarnings("unchecked")
  @Test
  void theHintAndTheSavedDefinitionsWrapInPresenterModeAt1024x700(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "cohorts");
    window.presenter(robot, true);
    ChoiceBox<String> dataset = robot.lookup("#cohortDataset").queryAs(ChoiceBox.class);
    robot.interact(() -> dataset.setValue("customers")); // one date: no triangle
    WaitForAsyncUtils.waitForFxEvents();
    window.layout(robot);
    Node links = robot.lookup("#cohortOpenLinks").query();
    List<String> cut = new ArrayList<>();
    robot.interact(() -> cut.addAll(Truncation.truncated(links)));
    assertThat(links.isVisible()).isTrue();
    assertThat(cut).as("the placeholder's hint and links").isEmpty();
  }

  @Test
  void theCurvesChartKeepsRoomForItsLargerTextInPresenterMode(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "cohorts");
    javafx.scene.layout.Region curves =
        robot.lookup("#cohortCurves").queryAs(javafx.scene.layout.Region.class);
    assertThat(curves.getMinHeight()).isEqualTo(CohortView.CHART_MIN_HEIGHT);
    // presenter text is 19 px against 13 (presenter.css): the title wraps to three lines of 1.25
    // times it and the rotated "Cumulative proportion" needs the plot's height, so the chart grows
    double presenter = CohortView.CHART_MIN_HEIGHT * 19 / 13 + 3 * 1.25 * 19;
    window.presenter(robot, true);
    window.layout(robot);
    assertThat(curves.getMinHeight()).isEqualTo(presenter);
    assertThat(curves.getHeight()).isGreaterThanOrEqualTo(presenter);
    window.presenter(robot, false);
    assertThat(curves.getMinHeight()).isEqualTo(CohortView.CHART_MIN_HEIGHT);
  }
}
