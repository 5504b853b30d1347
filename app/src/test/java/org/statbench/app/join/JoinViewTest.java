package org.statbench.app.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.datasets.FieldGroup;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.VariableInfo;
import org.statbench.sampledata.SampleData;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the join form against a real workspace holding the sample survey and classification. */
@ExtendWith(ApplicationExtension.class)
class JoinViewTest {
  @TempDir Path dir;
  private Workspace ws;
  private AppContext context;
  private RecordingDialogService dialogs;

  @Start
  void start(Stage stage) {
    ws = SampleFiles.workspace(dir, SampleData.WEALTH_SURVEY, SampleData.CLASSIFICATION);
    ws.setKind("oac_2011", DatasetKind.LOOKUP, "2011");
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    context = new AppContext(tasks, dialogs, model);
    model.use(ws, ws.datasets());
    JoinView view = new JoinView(new JoinViewModel(context));
    stage.setScene(new Scene((javafx.scene.Parent) view.node(), 940, 560));
    stage.show();
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @SuppressWarnings("unchecked")
  private static ComboBox<String> combo(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(ComboBox.class);
  }

  @SuppressWarnings("unchecked")
  private static List<JoinViewModel.ReportRow> reportRows(FxRobot robot) {
    return robot.lookup("#joinReport").queryAs(TableView.class).getItems();
  }

  @Test
  void previewShowsTheMatchReportAndJoinAddsTheLevelsUnderGeography(FxRobot robot) {
    // Extracts come first and the key is guessed from the names; lookups are offered first.
    assertThat(combo(robot, "#joinDataset").getValue()).isEqualTo("wealth_survey");
    assertThat(combo(robot, "#joinKey").getValue()).isEqualTo("oa_code");
    assertThat(combo(robot, "#joinLookup").getValue()).isEqualTo("oac_2011");
    assertThat(combo(robot, "#joinLookupKey").getValue()).isEqualTo("oa");
    assertThat(robot.lookup("#joinApply").queryAs(Button.class).isDisabled()).isTrue();

    robot
        .clickOn("#joinLevel-group_name")
        .clickOn("#joinLevel-subgroup")
        .clickOn("#joinLevel-subgroup_name");
    robot.clickOn("#joinPreview");
    WaitForAsyncUtils.waitForFxEvents();

    List<JoinViewModel.ReportRow> rows = reportRows(robot);
    assertThat(rows)
        .extracting(JoinViewModel.ReportRow::category)
        .containsExactly(
            "total",
            "matched",
            "invalid_format",
            "unknown_code",
            "terminated",
            "pseudo_code",
            "empty",
            "rate");
    assertThat(rows.get(0).count()).isEqualTo("10,000"); // two waves of 5,000 households
    assertThat(robot.lookup("#joinUnmatched").queryAs(TableView.class).getItems()).isNotEmpty();
    assertThat(robot.lookup("#joinMessage").queryAs(Label.class).getText())
        .contains("Join adds supergroup, supergroup_name, group.");
    // Nothing is saved by a preview.
    assertThat(ws.dataset("wealth_survey").variable("supergroup")).isEmpty();

    robot.clickOn("#joinApply");
    WaitForAsyncUtils.waitForFxEvents();

    DatasetInfo survey = context.workspace().dataset("wealth_survey").orElseThrow();
    assertThat(survey.variableNames()).contains("supergroup", "supergroup_name", "group");
    assertThat(survey.variableNames()).doesNotContain("subgroup");
    List<FieldGroup> groups = FieldGroup.group(survey.variables(), "");
    assertThat(groups.get(0).title()).isEqualTo("Geography");
    assertThat(groups.get(0).variables())
        .extracting(VariableInfo::name)
        .containsExactly("supergroup", "supergroup_name", "group");
    assertThat(robot.lookup("#joinMessage").queryAs(Label.class).getText())
        .startsWith("Added to wealth_survey: supergroup");
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void changingAChoiceAfterPreviewAsksForANewPreview(FxRobot robot) {
    robot.clickOn("#joinPreview");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#joinApply").queryAs(Button.class).isDisabled()).isFalse();

    robot.clickOn("#joinLevel-supergroup");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#joinApply").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(reportRows(robot)).isEmpty();
  }

  @Test
  void aFailedPreviewExplainsWhyInTheForm(FxRobot robot) {
    // Joining the survey to itself on its household id matches nothing useful but is allowed;
    // a key that is not categorical is refused with a message naming it.
    robot.interact(() -> combo(robot, "#joinLookup").setValue("wealth_survey"));
    robot.interact(() -> combo(robot, "#joinLookupKey").setValue("household_id"));
    // the survey's 25 other variables fill the levels list and may push the button below the
    // window's edge: press it directly
    robot.interact(() -> robot.lookup("#joinPreview").queryAs(Button.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
    String message = robot.lookup("#joinMessage").queryAs(Label.class).getText();
    // the first lookup variable the survey already has (its columns start household_id, wave)
    assertThat(message).contains("already has a variable 'wave'");
    assertThat(robot.lookup("#joinApply").queryAs(Button.class).isDisabled()).isTrue();
  }
}
