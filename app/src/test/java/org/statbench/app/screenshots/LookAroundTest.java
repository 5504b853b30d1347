package org.statbench.app.screenshots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainWindowFixture;
import org.statbench.app.shell.Truncation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A look at the whole window for a person to check: every tab at 1024x700, 1280x800 and 1920x1080
 * in the light, dark and high-contrast themes and presenter mode, snapshotted to {@code
 * statbench.lookaround.dir} with a list of the labels shown cut ({@code truncated.txt}). Runs only
 * when that property is set: {@code mvn -pl app -am test -Dtest=LookAroundTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dstatbench.lookaround.dir=/tmp/look}.
 */
@EnabledIfSystemProperty(named = "statbench.lookaround.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class LookAroundTest {
  @TempDir static Path home;
  private final MainWindowFixture window = new MainWindowFixture();
  private final List<String> report = new ArrayList<>();

  @Start
  void start(Stage stage) {
    window.open(stage, home);
  }

  @Test
  void everyTabInEveryLookAndSize(FxRobot robot) throws IOException {
    window.loadDemo(robot);
    open(robot, "#menuSavedTables", "6-median");
    robot.interact(
        () -> robot.lookup("#surveyShow").queryAs(ComboBox.class).getSelectionModel().select(2));
    String[] looks = {"light", "dark", "high-contrast", "presenter"};
    int[][] sizes = {{1024, 700}, {1280, 800}, {1920, 1080}};
    for (int[] size : sizes) {
      window.resize(robot, size[0], size[1]);
      for (String look : looks) {
        window.look(robot, look.equals("presenter") ? "light" : look, look.equals("presenter"));
        for (String tab : List.of("table", "chart", "cohorts", "joins", "linkage", "clearance")) {
          window.selectTab(robot, tab);
          if (tab.equals("cohorts")) {
            robot.interact(
                () ->
                    robot.lookup("#cohortDefinition").queryAs(MenuButton.class).getItems().stream()
                        .filter(i -> i.getText() != null && i.getText().startsWith("Job outcome"))
                        .findFirst()
                        .ifPresent(MenuItem::fire));
          }
          snap(robot, size[0] + "-" + look + "-" + tab);
        }
      }
    }
    window.look(robot, "light", false);
    Files.write(dir().resolve("truncated.txt"), report);
  }

  /** Fires the item of a Table-menu submenu whose text contains {@code text}. */
  private static void open(FxRobot robot, String submenuId, String text) {
    robot.interact(
        () ->
            robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> ("#" + i.getId()).equals(submenuId))
                .flatMap(i -> ((Menu) i).getItems().stream())
                .filter(i -> i.getText() != null && i.getText().contains(text))
                .findFirst()
                .orElseThrow()
                .fire());
    WaitForAsyncUtils.waitForFxEvents();
  }

  static Path dir() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("statbench.lookaround.dir")));
  }

  private void snap(FxRobot robot, String name) throws IOException {
    snap(window.stage().getScene(), name, report);
  }

  /** Writes {@code <name>.png} of a scene and adds the labels shown cut in it to {@code report}. */
  static void snap(javafx.scene.Scene scene, String name, List<String> report) throws IOException {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage[] img = new WritableImage[1];
    List<String> cut = new ArrayList<>();
    new FxRobot()
        .interact(
            () -> {
              img[0] = scene.snapshot(null);
              cut.addAll(Truncation.truncated(scene.getRoot()));
            });
    BufferedImage bi = SwingFXUtils.fromFXImage(img[0], null);
    ImageIO.write(bi, "png", dir().resolve(name + ".png").toFile());
    cut.forEach(c -> report.add(name + ": " + c));
  }
}
