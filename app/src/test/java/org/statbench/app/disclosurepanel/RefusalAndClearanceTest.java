package org.statbench.app.disclosurepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.DialogService.RefusalChoice;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.core.table.Table;
import org.statbench.export.ClearanceBook;
import org.statbench.store.Workspace;

/**
 * What the analyst is told and offered when the gate refuses, and what the panel says once a
 * statistician has cleared the table (issue 16, items 2 and 4).
 */
class RefusalAndClearanceTest {
  @TempDir Path dir;

  private Workspace ws;
  private DisclosurePanelViewModel vm;
  private RecordingDialogService dialogs;
  private String justification;
  private ReleaseActions actions;

  @BeforeEach
  void setUp() {
    ws = Workspace.open(dir.resolve("ws"));
    vm = new DisclosurePanelViewModel(new SameThreadTaskRunner());
    vm.workspaceProperty().set(ws);
    dialogs = new RecordingDialogService();
    actions = new ReleaseActions(vm, dialogs, refusal -> Optional.ofNullable(justification));
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  @Test
  void aRefusedExportSaysHowManyCellsFailWhichRulesAndListsThem() {
    // region x sex counts; only B|F = 3 is below the threshold of 10
    vm.tableProperty().set(DisclosurePanelViewModelTest.table());

    actions.exportTo(dir.resolve("t.csv"));

    assertThat(dialogs.refusals)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.summary())
                  .isEqualTo("1 cell fails the disclosure rules: threshold (1 cell).");
              assertThat(r.cells()).singleElement().asString().startsWith("(B, F)");
              assertThat(r.canProtect()).isTrue();
              assertThat(r.canRequest()).isTrue();
            });
    assertThat(dir.resolve("t.csv")).doesNotExist();
    assertThat(ClearanceBook.of(ws).pending()).isEmpty();
  }

  @Test
  void protectFromTheRefusalProtectsAndThenExportsWithTheCellWithheld() throws Exception {
    vm.tableProperty().set(DisclosurePanelViewModelTest.table());
    dialogs.refusalAnswer = RefusalChoice.PROTECT;

    actions.exportTo(dir.resolve("t.csv"));

    assertThat(vm.protectionProperty().get()).isNotNull();
    assertThat(Files.readAllLines(dir.resolve("t.csv"))).contains("B,F,count,,primary:threshold");
  }

  @Test
  void cancelDoesNothing() {
    vm.tableProperty().set(DisclosurePanelViewModelTest.table());
    dialogs.refusalAnswer = RefusalChoice.CANCEL;
    justification = "would be sent";

    actions.exportTo(dir.resolve("t.csv"));

    assertThat(vm.protectionProperty().get()).isNull();
    assertThat(ClearanceBook.of(ws).pending()).isEmpty();
    assertThat(dir.resolve("t.csv")).doesNotExist();
  }

  @Test
  void anEmptyJustificationIsRefusedWithAMessageAndNothingIsSent() {
    vm.tableProperty().set(DisclosurePanelViewModelTest.table());
    justification = "   ";

    actions.requestClearance(null);

    assertThat(dialogs.errors)
        .singleElement()
        .asString()
        .startsWith("Clearance not requested: The justification is empty.");
    assertThat(ClearanceBook.of(ws).pending()).isEmpty();
  }

  @Test
  void afterApprovalThePanelSaysWhoClearedItAndWhenAndTheTableNoLongerFails() {
    Table t = DisclosurePanelViewModelTest.table();
    vm.tableProperty().set(t);
    justification = "published in the annual report";
    actions.requestClearance(null);
    String home = System.setProperty("statbench.home", dir.resolve("home").toString());
    try {
      org.statbench.export.SigningKey sam = org.statbench.export.SigningKey.create("sam");
      org.statbench.export.TrustFile.inHome().add(sam.publicKey());
      ClearanceBook.of(ws, "ann").approve("CR-0001", "fine", sam);

      vm.refreshClearance();

      assertThat(vm.headlineProperty().get())
          .matches("Cleared by .+ on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(CR-0001\\)");
      assertThat(vm.failsBinding().get()).isFalse();
      // a new check of the same table finds the approval by itself
      vm.tableProperty().set(null);
      vm.tableProperty().set(t);
      assertThat(vm.headlineProperty().get()).startsWith("Cleared by ");
    } finally {
      if (home == null) {
        System.clearProperty("statbench.home");
      } else {
        System.setProperty("statbench.home", home);
      }
    }
  }

  @Test
  void saveDialogsSuggestTheTablesName() {
    vm.tableNameProperty().set("age-by-region");
    assertThat(actions.fileName(".xlsx")).isEqualTo("age-by-region.xlsx");
    vm.tableNameProperty().set(" ");
    assertThat(actions.fileName(".xlsx")).isEqualTo("table.xlsx");
  }
}
