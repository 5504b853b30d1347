package org.statbench.app.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.geo.MatchReport.UnmatchedCode;
import org.statbench.geo.MatchStatus;
import org.statbench.store.AuditEntry;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The match report of the join form before committing: unmatched codes with counts, the match rate
 * by a chosen variable, and export of either table through the disclosure check. Sample referrals
 * (20,000 records, 106 deliberately unmatched output-area codes) joined to the sample geography.
 */
@ExtendWith(ApplicationExtension.class)
class JoinReportViewTest {
  @TempDir Path dir;
  private Workspace ws;
  private RecordingDialogService dialogs;

  @Start
  void start(Stage stage) {
    ws = SampleFiles.referralsAndGeography(dir);
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    AppContext context = new AppContext(tasks, dialogs, model);
    model.use(ws, ws.datasets());
    JoinView view = new JoinView(new JoinViewModel(context));
    stage.setScene(new Scene((javafx.scene.Parent) view.node(), 980, 640));
    stage.show();
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> items(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TableView.class).getItems();
  }

  private void preview(FxRobot robot) {
    assertThat(robot.lookup("#joinDataset").queryAs(ComboBox.class).getValue())
        .isEqualTo("referrals");
    assertThat(robot.lookup("#joinLookup").queryAs(ComboBox.class).getValue())
        .isEqualTo("geography_2011");
    robot.clickOn("#joinPreview");
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private void breakDownBy(FxRobot robot, String variable) {
    robot.clickOn("#joinRatesTab");
    ComboBox<String> by = robot.lookup("#joinReportBy").queryAs(ComboBox.class);
    assertThat(by.getItems()).contains(variable);
    robot.interact(() -> by.setValue(variable));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void previewListsEveryUnmatchedCodeWithItsStatusAndCountLargestFirst(FxRobot robot) {
    preview(robot);

    List<UnmatchedCode> codes = items(robot, "#joinUnmatched");
    assertThat(codes)
        .extracting(UnmatchedCode::code, UnmatchedCode::status, UnmatchedCode::count)
        .containsExactly(
            tuple("E99999999", MatchStatus.PSEUDO_CODE, 24L),
            tuple("", MatchStatus.EMPTY, 22L),
            tuple("E0090001", MatchStatus.INVALID_FORMAT, 22L),
            tuple("E00999999", MatchStatus.UNKNOWN_CODE, 19L),
            tuple("XYZ", MatchStatus.INVALID_FORMAT, 19L));
    // The empty key is shown as such, not as a blank line.
    assertThat(
            robot
                .lookup("#joinUnmatched .table-cell")
                .queryAllAs(javafx.scene.control.Labeled.class))
        .extracting(javafx.scene.control.Labeled::getText)
        .contains("(empty)", "pseudo_code", "24");
    // A preview saves nothing.
    assertThat(ws.dataset("referrals").variable("lsoa")).isEmpty();
  }

  @Test
  void choosingAVariableShowsTheMatchRateByItsCategoriesBeforeJoining(FxRobot robot) {
    preview(robot);
    assertThat(items(robot, "#joinRates")).isEmpty();

    breakDownBy(robot, "la_code");

    List<JoinViewModel.RateRow> rows = items(robot, "#joinRates");
    assertThat(rows).hasSize(22);
    assertThat(rows.get(0))
        .isEqualTo(new JoinViewModel.RateRow("E06900001", "542", "539", "3", "99.45%"));
    assertThat(rows.get(rows.size() - 1).category()).isEqualTo("Missing");
    long unmatched =
        rows.stream().mapToLong(r -> Long.parseLong(r.unmatched().replace(",", ""))).sum();
    assertThat(unmatched).isEqualTo(106);
    // The breakdown does not need a new Preview click and still saves nothing; Join stays open.
    assertThat(robot.lookup("#joinApply").queryAs(javafx.scene.control.Button.class).isDisabled())
        .isFalse();
    assertThat(ws.dataset("referrals").variable("lsoa")).isEmpty();
  }

  @Test
  void exportingTheReportReleasesItThroughTheDisclosureGateAndTheAuditLog(FxRobot robot)
      throws Exception {
    preview(robot);
    Path out = dir.resolve("match-report.csv");
    dialogs.files.add(out);

    robot.clickOn("#joinExport").clickOn("#joinExportOverall");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("category,measure,value,status");
    assertThat(lines)
        .contains(
            "matched,count,19894,ok",
            "pseudo_code,count,24,ok",
            "terminated,count,0,ok",
            "Total,count,20000,ok");
    assertThat(ws.auditLog().entries()).extracting(AuditEntry::type).contains("check", "export");
    assertThat(ws.auditLog().verify().ok()).isTrue();
  }

  @Test
  void exportingTheRateByVariableWithholdsSmallCounts(FxRobot robot) throws Exception {
    preview(robot);
    breakDownBy(robot, "la_code");
    Path out = dir.resolve("match-by-la.csv");
    dialogs.files.add(out);

    robot.clickOn("#joinExport").clickOn("#joinExportBy");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("la_code,match,measure,value,status");
    // 3 unmatched records in E06900001: a small count, withheld, never published.
    assertThat(lines).contains("E06900001,unmatched,count,,primary:threshold");
    assertThat(lines).noneMatch(l -> l.matches(".*,count,[1-9],ok"));
    assertThat(lines).contains("Total,Total,count,20000,ok");
    assertThat(ws.auditLog().entries()).extracting(AuditEntry::type).contains("export");
  }
}
