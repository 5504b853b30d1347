package org.statbench.app.importwizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.FxDialogService;
import org.statbench.app.shell.FxTaskRunner;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.data.DatasetInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the import wizard against a real workspace, with the real task runner and dialogs. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardGuiTest {
  @TempDir Path dir;
  private final Deque<Path> chosenFiles = new ArrayDeque<>();
  private FxTaskRunner tasks;
  private AppContext context;

  @Start
  void start(Stage stage) {
    FxDialogService dialogs =
        new FxDialogService(() -> stage) {
          @Override
          public Optional<Path> chooseFileToOpen(
              String title, Path initialDirectory, List<FileFilter> filters) {
            return Optional.ofNullable(chosenFiles.poll());
          }
        };
    tasks = new FxTaskRunner(e -> dialogs.showError("Unexpected", e));
    StatBenchApp.createMainView(
        stage, tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    context = ((MainViewModel) stage.getUserData()).context();
    context.workspace().open(dir.resolve("ws"));
    stage.show();
  }

  @AfterEach
  void closeWorkspace() {
    new FxRobot().interact(() -> context.workspace().close());
    tasks.close();
  }

  private void awaitWorkspace() throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.workspace().workspace() != null);
  }

  @SuppressWarnings("unchecked")
  private List<String> datasetNames(FxRobot robot) {
    TableView<DatasetInfo> list = robot.lookup("#datasetList").queryAs(TableView.class);
    return list.getItems().stream().map(DatasetInfo::name).toList();
  }

  private void importFile(FxRobot robot, String fixture, String name) throws Exception {
    chosenFiles.add(CsvPreviewTest.fixture(fixture));
    robot.clickOn("#menu-file").clickOn("#menuImport");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#importPreview").tryQuery().isPresent());
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> !robot.lookup("#importPreview").queryAs(TableView.class).getItems().isEmpty());
    // The name defaults to the file's; the keyboard path is the ordinary text field.
    assertThat(robot.lookup("#importName").queryAs(javafx.scene.control.TextField.class).getText())
        .isEqualTo(name);
    robot.clickOn("#importOk");
  }

  @Test
  void importingASampleFileAddsTheDatasetToTheList(FxRobot robot) throws Exception {
    awaitWorkspace();
    importFile(robot, "people.csv", "people");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> datasetNames(robot).contains("people"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(datasetNames(robot)).containsExactly("people");
    DatasetInfo people = context.workspace().dataset("people").orElseThrow();
    assertThat(people.rows()).isEqualTo(60);
    assertThat(people.variableNames()).containsExactly("sex", "region", "age", "amount");
    assertThat(robot.lookup("#statusText").queryAs(Label.class).getText())
        .startsWith("Imported people: 60 rows");
  }

  @Test
  void aBadFileIsFlaggedInThePreviewAndItsProblemsListedInTheWizardWhichStaysOpen(FxRobot robot)
      throws Exception {
    awaitWorkspace();
    importFile(robot, "people.csv", "people");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> datasetNames(robot).contains("people"));

    importFile(robot, "bad_fields.csv", "bad_fields");
    // bad_fields.csv: header a,b,c; its second data row (line 3) has two fields
    assertThat(robot.lookup("#importPreviewRagged").queryAs(Label.class).getText())
        .contains("row 2: 2 fields, the header has 3");
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            !robot
                .lookup("#importProblems")
                .queryAs(javafx.scene.control.ListView.class)
                .getItems()
                .isEmpty());
    String message = robot.lookup("#importError").queryAs(Label.class).getText();
    assertThat(message).contains("bad_fields.csv").contains("line 3");
    assertThat(
            robot.lookup("#importProblems").queryAs(javafx.scene.control.ListView.class).getItems())
        .containsExactly("line 3: 2 fields, the header has 3");
    assertThat(robot.lookup("#importWizard").tryQuery()).isPresent();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(datasetNames(robot)).containsExactly("people");
    assertThat(context.workspace().workspace().hasDataset("bad_fields")).isFalse();
  }
}
