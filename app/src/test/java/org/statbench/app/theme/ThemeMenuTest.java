package org.statbench.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainWindowFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThemeMenuTest {
  @TempDir static Path home;
  private final MainWindowFixture window = new MainWindowFixture();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window.open(stage, home);
  }

  @Test
  void choosingDarkFromTheViewMenuRestylesTheWindow(FxRobot robot) {
    robot.interact(() -> themeItem(robot, "menuTheme-dark").fire());

    assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("theme/dark.css"));
    assertThat(stage.getScene().getRoot().getStyleClass()).contains("theme-dark");

    robot.interact(() -> themeItem(robot, "menuTheme-light").fire());
    assertThat(stage.getScene().getStylesheets()).noneMatch(s -> s.contains("/theme/"));
    assertThat(stage.getScene().getRoot().getStyleClass()).contains("theme-light");
  }

  /** A theme item as the View > Theme submenu holds it (popups are not reliable to click into). */
  private static MenuItem themeItem(FxRobot robot, String id) {
    Menu view =
        robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
            .filter(m -> m.getText().equals("View"))
            .findFirst()
            .orElseThrow();
    Menu theme =
        (Menu)
            view.getItems().stream()
                .filter(i -> "menuTheme".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    return theme.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  @Test
  void presenterModeEnlargesTheTextAndTheShortcutTogglesItBack(FxRobot robot) {
    Label workspace = robot.lookup("#workspaceLabel").queryAs(Label.class);
    double normal = workspace.getFont().getSize();

    robot.clickOn("#menu-view").clickOn("#menuPresenter");
    robot.interact(() -> workspace.applyCss());
    assertThat(workspace.getFont().getSize()).isGreaterThanOrEqualTo(18).isGreaterThan(normal);

    robot
        .press(
            javafx.scene.input.KeyCode.CONTROL,
            javafx.scene.input.KeyCode.SHIFT,
            javafx.scene.input.KeyCode.P)
        .release(
            javafx.scene.input.KeyCode.P,
            javafx.scene.input.KeyCode.SHIFT,
            javafx.scene.input.KeyCode.CONTROL);
    robot.interact(() -> workspace.applyCss());
    assertThat(workspace.getFont().getSize()).isEqualTo(normal);
  }
}
