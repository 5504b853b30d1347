package org.statbench.app.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.core.table.Table;
import org.statbench.export.ClearanceBook;
import org.statbench.export.SigningKey;
import org.statbench.export.TrustFile;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The statistician's key chooser: the key file is chosen, its passphrase asked (a wrong one asked
 * again), and decisions are then signed with it and shown verified; record-level requests are
 * listed and decided in the same queue.
 */
@ExtendWith(ApplicationExtension.class)
class ClearanceKeyChooserGuiTest {
  @TempDir static Path dir;

  private static Workspace workspace;
  private Path keyFile;
  private RecordingDialogService dialogs;

  @Start
  void start(Stage stage) throws Exception {
    if (workspace != null) {
      workspace.close();
    }
    workspace = Workspace.open(Files.createTempDirectory(dir, "ws"));
    Path folder = workspace.directory().resolve("clearance");
    Table t = ClearanceQueueViewTest.table();
    ClearanceBook ann = ClearanceBook.open(folder, workspace.auditLog(), "ann");
    ann.submit(t, ClearanceQueueViewTest.failing(t), "The minister asked for it");
    ann.submitRecords("links claims x referrals", 120, "Evaluation team", "evaluation", null);
    SigningKey sam = SigningKey.create("sam");
    keyFile = Files.createTempDirectory(dir, "keys").resolve("sam.key");
    sam.write(keyFile, "sam's passphrase".toCharArray(), 1_000);
    TrustFile trust = TrustFile.at(keyFile.resolveSibling("trusted-statisticians"));
    trust.add(sam.publicKey());
    ClearanceQueueViewModel vm = new ClearanceQueueViewModel();
    vm.bookProperty().set(ClearanceBook.open(folder, workspace.auditLog(), "sam", trust));
    dialogs = new RecordingDialogService();
    dialogs.files.add(keyFile); // the key file the file chooser gives
    stage.setScene(
        new Scene((javafx.scene.Parent) new ClearanceQueueView(vm, dialogs).build(), 1000, 700));
    stage.show();
  }

  @AfterAll
  static void closeWorkspace() {
    if (workspace != null) {
      workspace.close();
    }
  }

  private void unlock(FxRobot robot, String passphrase) {
    robot.clickOn("#clearance-key-passphrase").write(passphrase).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theChosenKeyIsUnlockedWithItsPassphraseAndSignsVerifiedDecisions(FxRobot robot) {
    assertThat(robot.lookup("#clearance-signer").queryAs(Label.class).getText())
        .contains("no signing key chosen");
    robot.clickOn("#clearance-choose-key");
    WaitForAsyncUtils.waitForFxEvents();
    unlock(robot, "not it"); // asked again after a wrong passphrase
    assertThat(robot.lookup("#clearance-key-passphrase").tryQuery()).isPresent();
    unlock(robot, "sam's passphrase");
    // both passphrase prompts were shown by the dialog service
    assertThat(dialogs.customDialogs).containsExactly("clearanceKeyDialog", "clearanceKeyDialog");
    assertThat(robot.lookup("#clearance-message").queryAs(Label.class).getText())
        .startsWith("Signing as sam");

    robot.clickOn("RL-0001 · ann · record-level · pending");
    assertThat(robot.lookup("#clearance-rules").queryAs(Label.class).getText())
        .contains("Rows (at most): 120")
        .contains("To whom: Evaluation team");
    // record-level headings, not the table's ("Rules failed" over an empty grid)
    assertThat(robot.lookup("#clearance-rules-heading").queryAs(Label.class).getText())
        .isEqualTo("Record-level request: what, rows, to whom, why");
    assertThat(robot.lookup("#clearance-grid").query().isVisible()).isFalse();
    robot.clickOn("#clearance-comment").write("Agreed with the data owner");
    robot.clickOn("#clearance-approve");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#clearance-message").queryAs(Label.class).getText())
        .contains("RL-0001 approved by sam");

    robot.clickOn("#clearance-show-decided");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("RL-0001 · ann · record-level · approved by sam · ✓ verified");
    assertThat(robot.lookup("#clearance-decision").queryAs(Label.class).getText())
        .contains("Requested by ann")
        .contains("decided by sam (")
        .contains("Signature: verified");
  }
}
