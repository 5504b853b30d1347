package org.statbench.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.data.DatasetInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Help > Demo and Help > Reset demo, driven through the menu bar as a trainer does. */
@ExtendWith(ApplicationExtension.class)
class DemoMenuTest {
  @TempDir static Path home;
  private Stage stage;
  private RecordingDialogService dialogs;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    dialogs = new RecordingDialogService();
    StatBenchApp.createMainView(
        stage, new SameThreadTaskRunner(), dialogs, new WorkspacePreferences(home));
    stage.show();
  }

  @Test
  void resetDemoPutsBackDatasetsAndSavedTablesAfterTheTrainerChangedThem(FxRobot robot)
      throws Exception {
    assertThat(menuItem(robot, "menuResetDemo").isDisable()).isTrue();
    robot.clickOn("#menu-help").clickOn("#menuDemo");

    assertThat(label(robot, "#workspaceLabel")).isEqualTo("workspace: demo");
    assertThat(datasetNames(robot)).contains("referrals", "wealth_survey", "oac_2011");
    assertThat(menuItem(robot, "menuResetDemo").isDisable()).isFalse();
    // The first demo table is open in the table builder: payment group by banded age.
    assertThat(robot.lookup("#chip-payment_group").tryQuery()).isPresent();
    assertThat(robot.lookup("#chip-age").tryQuery()).isPresent();
    int datasets = datasetNames(robot).size();
    Path tables = new DemoWorkspace(home).directory().resolve(DemoWorkspace.TABLES_DIR);
    assertThat(tables.resolve(DemoWorkspace.TABLES.get(0).fileName())).exists();

    // The trainer's session changes things: a dataset dropped, a saved table deleted.
    MainViewModel vm = (MainViewModel) stage.getUserData();
    robot.interact(
        () -> {
          vm.context().workspace().workspace().drop("referrals");
          vm.context().workspace().refresh(null);
        });
    Files.delete(tables.resolve(DemoWorkspace.TABLES.get(0).fileName()));
    assertThat(datasetNames(robot)).doesNotContain("referrals");

    robot.clickOn("#menu-help").clickOn("#menuResetDemo");

    assertThat(datasetNames(robot)).hasSize(datasets).contains("referrals");
    assertThat(tables.resolve(DemoWorkspace.TABLES.get(0).fileName())).exists();
    assertThat(label(robot, "#workspaceLabel")).isEqualTo("workspace: demo");
    assertThat(robot.lookup("#chip-payment_group").tryQuery()).isPresent();
    assertThat(dialogs.errors).isEmpty();
  }

  private static String label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<String> datasetNames(FxRobot robot) {
    TableView<DatasetInfo> list = robot.lookup("#datasetList").queryAs(TableView.class);
    return list.getItems().stream().map(DatasetInfo::name).toList();
  }

  private static MenuItem menuItem(FxRobot robot, String id) {
    return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
        .flatMap(m -> m.getItems().stream())
        .filter(i -> id.equals(i.getId()))
        .findFirst()
        .orElseThrow();
  }
}
