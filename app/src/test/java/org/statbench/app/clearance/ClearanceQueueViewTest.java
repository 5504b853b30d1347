package org.statbench.app.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.table.Table;
import org.statbench.export.CellVerdict;
import org.statbench.export.ClearanceBook;
import org.statbench.export.ClearanceItem;
import org.statbench.export.ReportSnapshot;
import org.statbench.store.AuditEntry;
import org.statbench.store.AuditLog;
import org.statbench.store.Workspace;
import org.statbench.testsupport.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ClearanceQueueViewTest {
  @TempDir static Path dir;

  private ClearanceQueueViewModel vm;
  private AuditLog log;
  private static Workspace workspace;

  static Table table() {
    return TestData.regionBySex();
  }

  static ReportSnapshot failing(Table t) {
    List<CellVerdict> cells = new ArrayList<>();
    for (int i = 0; i < t.cellCount(); i++) {
      cells.add(
          new CellVerdict(
              i,
              i == 0 ? "primary:threshold" : "ok",
              false,
              t.value(i),
              Double.NaN,
              Double.NaN,
              i == 0 ? "threshold (10): 7 records" : ""));
    }
    return new ReportSnapshot(t.hash(), false, "threshold 10", "none", cells, List.of());
  }

  private static final org.statbench.export.SigningKey SAM =
      org.statbench.export.SigningKey.create("sam");

  @Start
  void start(Stage stage) throws Exception {
    if (workspace != null) {
      workspace.close();
    }
    workspace = Workspace.open(java.nio.file.Files.createTempDirectory(dir, "ws"));
    log = workspace.auditLog();
    Path folder = workspace.directory().resolve("clearance");
    Table t = table();
    ClearanceBook.open(folder, log, "ann").submit(t, failing(t), "The minister asked for it");
    vm = new ClearanceQueueViewModel();
    org.statbench.export.TrustFile trust =
        org.statbench.export.TrustFile.at(workspace.directory().resolve("../trusted"));
    trust.add(SAM.publicKey());
    vm.bookProperty().set(ClearanceBook.open(folder, log, "sam", trust));
    vm.signingKeyProperty().set(SAM);
    stage.setScene(
        new Scene(
            (javafx.scene.Parent)
                new ClearanceQueueView(vm, new org.statbench.app.shell.RecordingDialogService())
                    .build(),
            1000,
            700));
    stage.show();
  }

  @AfterAll
  static void closeWorkspace() {
    if (workspace != null) {
      workspace.close();
    }
  }

  @Test
  void listsThePendingRequestWithItsFailingCellHighlighted(FxRobot robot) {
    robot.clickOn("CR-0001 · ann · pending");
    assertThat(robot.lookup("#clearance-justification").queryAs(Label.class).getText())
        .contains("The minister asked for it");
    assertThat(robot.lookup(".cell-failing").queryAll()).isNotEmpty();
    assertThat(robot.lookup("#clearance-rules").queryAs(Label.class).getText())
        .contains("threshold: 1 cell")
        .contains("(A, F) primary:threshold");
  }

  @Test
  void approvesWithACommentAndLogsWhoDecided(FxRobot robot) {
    robot.clickOn("CR-0001 · ann · pending");
    robot.clickOn("#clearance-comment").write("Already public");
    robot.clickOn("#clearance-approve");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#clearance-message").queryAs(Label.class).getText())
        .contains("CR-0001 approved by sam");
    assertThat(robot.lookup("#clearance-list").queryListView().getItems()).isEmpty();
    AuditEntry last = log.entries().get(log.entries().size() - 1);
    assertThat(last.type()).isEqualTo("approve");
    assertThat(last.user()).isEqualTo("sam");
    assertThat(last.details()).contains("Already public").contains("signature");
    robot.clickOn("#clearance-show-decided");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#clearance-list").queryListView().getItems()).hasSize(1);
    robot.clickOn("CR-0001 · ann · approved by sam · ✓ verified");
    assertThat(robot.lookup("#clearance-decision").queryAs(Label.class).getText())
        .contains("Requested by ann")
        .contains("decided by sam (")
        .contains("Signature: verified");
  }

  @Test
  void rejectWithoutACommentIsRefused(FxRobot robot) {
    robot.clickOn("CR-0001 · ann · pending");
    robot.clickOn("#clearance-reject");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#clearance-message").queryAs(Label.class).getText())
        .contains("comment is required");
    @SuppressWarnings("unchecked")
    ListView<ClearanceItem> list = robot.lookup("#clearance-list").queryAs(ListView.class);
    assertThat(list.getItems()).extracting(ClearanceItem::pending).containsExactly(true);
    assertThat(log.entries()).extracting(AuditEntry::type).containsExactly("request");
    assertThat(robot.lookup("#clearance-reject").queryAs(Button.class).isDisabled()).isFalse();
  }
}
