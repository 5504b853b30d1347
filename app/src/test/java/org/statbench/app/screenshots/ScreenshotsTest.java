package org.statbench.app.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainView;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.shell.ViewMenu;
import org.statbench.app.workspace.WorkspacePreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the README's screenshots from the real main window on the demo workspace (the bundled
 * sample data with the saved demo tables). Runs only when {@code statbench.screenshots.dir} names
 * the folder to write to: {@code bash installer/screenshots.sh} does that.
 */
@EnabledIfSystemProperty(named = "statbench.screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
  @TempDir static Path home;
  private Stage stage;
  private MainView view;
  private final List<Path> written = new ArrayList<>();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    view =
        StatBenchApp.createMainView(
            stage,
            new SameThreadTaskRunner(),
            new RecordingDialogService(),
            new WorkspacePreferences(home));
    stage.show();
  }

  @Test
  void theReadmeScreenshots(FxRobot robot) throws IOException {
    robot.clickOn("#menu-help").clickOn("#menuDemo");
    WaitForAsyncUtils.waitForFxEvents();
    snap(robot, "table-builder.png");

    for (String tab : List.of("chart", "cohorts", "joins", "clearance")) {
      robot.interact(() -> view.selectTab(tab));
      if (tab.equals("cohorts")) {
        // The bundled 12-month job-outcome definition, as Definition > Sample opens it.
        robot.interact(
            () ->
                robot.lookup("#cohortDefinition").queryAs(MenuButton.class).getItems().stream()
                    .filter(i -> i.getText() != null && i.getText().startsWith("Sample"))
                    .findFirst()
                    .ifPresent(MenuItem::fire));
      }
      if (tab.equals("joins")) {
        // A preview of the referrals' join to the geography, with the match rate by LA.
        robot.interact(
            () -> robot.lookup("#joinDataset").queryAs(ComboBox.class).setValue("referrals"));
        robot.interact(
            () ->
                robot
                    .lookup("#joinLookup")
                    .queryAs(ComboBox.class)
                    .setValue("constituencies_2011"));
        robot.clickOn("#joinPreview");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#joinRatesTab");
        robot.interact(
            () -> robot.lookup("#joinReportBy").queryAs(ComboBox.class).setValue("la_code"));
      }
      snap(robot, tab + ".png");
      if (tab.equals("cohorts")) {
        // The sample workspace's saved status definition opens in "Status over time".
        robot.interact(
            () ->
                robot.lookup("#cohortDefinition").queryAs(MenuButton.class).getItems().stream()
                    .filter(i -> i.getText() != null && i.getText().startsWith("Benefit status"))
                    .findFirst()
                    .ifPresent(MenuItem::fire));
        robot.interact(
            () -> robot.lookup("#statusTarget").queryAs(ChoiceBox.class).setValue("2012-06"));
        snap(robot, "status.png");
        robot.clickOn("#cohortModeCurves");
      }
    }

    robot.interact(() -> view.selectTab("table"));
    // The survey bar on saved table 6, its cells showing their intervals (Cells show > Interval).
    Menu saved =
        (Menu)
            robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "menuSavedTables".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    robot.interact(
        () ->
            saved.getItems().stream()
                .filter(i -> i.getText().startsWith("6-"))
                .findFirst()
                .orElseThrow()
                .fire());
    robot.interact(
        () ->
            robot
                .lookup("#surveyShow")
                .queryAs(ComboBox.class)
                .setValue(org.statbench.app.tablebuilder.survey.Show.INTERVAL));
    snap(robot, "survey.png");
    robot.interact(
        () ->
            saved.getItems().stream()
                .filter(i -> i.getText().startsWith("1-"))
                .findFirst()
                .orElseThrow()
                .fire());

    robot.press(KeyCode.F1).release(KeyCode.F1);
    snap(robot, "tour.png");
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

    // The dark theme and presenter mode (View menu), on the same table.
    robot.interact(() -> ViewMenu.item(robot, "menuTheme", "menuTheme-dark").fire());
    snap(robot, "dark.png");
    robot.interact(() -> ViewMenu.item(robot, "menuTheme", "menuTheme-light").fire());
    robot.interact(
        () -> ((CheckMenuItem) ViewMenu.item(robot, null, "menuPresenter")).setSelected(true));
    snap(robot, "presenter.png");
    robot.interact(
        () -> ((CheckMenuItem) ViewMenu.item(robot, null, "menuPresenter")).setSelected(false));

    assertThat(written).isNotEmpty().allSatisfy(p -> assertThat(p).isNotEmptyFile());
  }

  private void snap(FxRobot robot, String name) throws IOException {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of(System.getProperty("statbench.screenshots.dir"));
    Files.createDirectories(dir);
    Path out = dir.resolve(name);
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> img[0] = stage.getScene().snapshot(null));
    BufferedImage bi = SwingFXUtils.fromFXImage(img[0], null);
    ImageIO.write(bi, "png", out.toFile());
    written.add(out);
  }
}
