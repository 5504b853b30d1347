package org.statbench.app.screenshots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.DialogService.Refusal;
import org.statbench.app.shell.FxDialogService;
import org.statbench.app.shell.MainView;
import org.statbench.app.shell.MainWindowFixture;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.tablebuilder.survey.SurveyDesignDialog;
import org.statbench.app.tablebuilder.survey.SurveyDesignViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A look at the dialogs for a person to check, at 1024x700 in the dark theme with presenter mode:
 * the refusal dialog, the survey design dialog, the import wizard (opened through its view model,
 * not the file chooser) and the Cohorts tab's status view, snapshotted to {@code
 * statbench.lookaround.dir} with the labels shown cut in {@code dialogs-truncated.txt}. Runs only
 * when that property is set, as {@link LookAroundTest}.
 */
@EnabledIfSystemProperty(named = "statbench.lookaround.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class LookAtDialogsTest {
  @TempDir static Path home;
  private Stage stage;
  private MainView view;
  private final RecordingDialogService dialogs = new RecordingDialogService();
  private final MainWindowFixture window = new MainWindowFixture(dialogs);
  private final List<String> report = new ArrayList<>();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    view = window.open(stage, home, 1024, 700);
    stage.setX(0);
    stage.setY(0);
  }

  @Test
  void theDialogsAndTheStatusViewInDarkPresenterMode(FxRobot robot) throws Exception {
    window.loadDemo(robot);
    window.look(robot, "dark", true);
    AppContext context = window.context();

    window.selectTab(robot, "cohorts");
    robot.interact(
        () ->
            robot
                .lookup("#cohortModeStatus")
                .tryQuery()
                .ifPresent(b -> ((javafx.scene.control.ButtonBase) b).fire()));
    WaitForAsyncUtils.waitForFxEvents();
    LookAroundTest.snap(stage.getScene(), "dialogs-cohort-status", report);

    List<String> cells =
        IntStream.range(0, 19)
            .mapToObj(i -> "(E0600" + i + ", Hartlepool " + i + ", F) primary:threshold")
            .toList();
    Refusal refusal =
        new Refusal("19 cells fail the disclosure rules: threshold (19 cells).", cells, true, true);
    Platform.runLater(() -> new FxDialogService(() -> stage).askAboutRefusal(refusal));
    WaitForAsyncUtils.waitForFxEvents();
    snapAndClose(robot, "#refusalDialog", "dialogs-refusal");

    Platform.runLater(
        () ->
            SurveyDesignDialog.open(
                new FxDialogService(() -> stage),
                new SurveyDesignViewModel(
                    context.tasks(), dialogs, context.workspace(), "housing_benefit")));
    WaitForAsyncUtils.waitForFxEvents();
    snapAndClose(robot, "#surveyDesignDialog", "dialogs-survey-design");

    Path csv = home.resolve("people.csv");
    Files.writeString(csv, "id,region,age\n1,North,34\n2,South,41,extra\n3,East,29\n");
    dialogs.files.add(csv);
    robot.interact(view::openImportWizard);
    WaitForAsyncUtils.waitForFxEvents();
    snapAndClose(robot, "#importFile", "dialogs-import");

    window.look(robot, "light", false);
    Files.write(LookAroundTest.dir().resolve("dialogs-truncated.txt"), report);
  }

  private void snapAndClose(FxRobot robot, String id, String name) throws IOException {
    Node n = robot.lookup(id).query();
    Window w = n.getScene().getWindow();
    LookAroundTest.snap(
        n.getScene(), name + "-" + (int) w.getWidth() + "x" + (int) w.getHeight(), report);
    robot.interact(w::hide);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
