package org.statbench.app.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.store.AuditEntry;
import org.statbench.store.Workspace;

/** The join view model without a toolkit: sample referrals joined to the sample geography. */
class JoinViewModelTest {
  @TempDir static Path shared;
  static Workspace ws;

  private RecordingDialogService dialogs;
  private JoinViewModel vm;

  @BeforeAll
  static void importSamples() {
    ws = SampleFiles.referralsAndGeography(shared);
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  @BeforeEach
  void setUp(@TempDir Path home) {
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    WorkspaceModel model = new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(home));
    model.use(ws, ws.datasets());
    vm = new JoinViewModel(new AppContext(tasks, dialogs, model));
    assertThat(vm.datasetProperty().get()).isEqualTo("referrals");
    assertThat(vm.lookupProperty().get()).isEqualTo("geography_2011");
    vm.preview();
    assertThat(vm.reportProperty().get()).isNotNull();
  }

  @Test
  void aSecondExportOfTheSameReportIsWrittenAfterTheFirstWasCancelled(@TempDir Path dir) {
    // First export: the analyst cancels the file chooser (no file queued), nothing is written.
    vm.exportReport();
    assertThat(dialogs.errors).isEmpty();

    // Second export of the same report: the table is already protected, so no new protection
    // message comes; the release must still happen.
    Path out = dir.resolve("match-report.csv");
    dialogs.files.add(out);
    vm.exportReport();

    assertThat(dialogs.errors).isEmpty();
    assertThat(out).exists();
    assertThat(dialogs.files).isEmpty();
  }

  @Test
  void exportingTheSameReportTwiceWritesBothFilesAndLogsBothExports(@TempDir Path dir) {
    long exportsBefore = exports();
    Path first = dir.resolve("first.csv");
    Path second = dir.resolve("second.csv");

    dialogs.files.add(first);
    vm.exportReport();
    dialogs.files.add(second);
    vm.exportReport();

    assertThat(first).exists();
    assertThat(second).hasSameTextualContentAs(first);
    assertThat(exports() - exportsBefore).isEqualTo(2);
  }

  private static long exports() {
    return ws.auditLog().entries().stream().map(AuditEntry::type).filter("export"::equals).count();
  }

  @Test
  void theReportShowsTheTotalEachStatusWithItsShareAndTheRate() {
    // 19,894 of 20,000 matched = 99.47%; 24 pseudo codes = 0.12%
    assertThat(vm.reportRows().get(0))
        .isEqualTo(new JoinViewModel.ReportRow("total", "20,000", "100.00%"));
    assertThat(vm.reportRows())
        .contains(
            new JoinViewModel.ReportRow("matched", "19,894", "99.47%"),
            new JoinViewModel.ReportRow("pseudo_code", "24", "0.12%"));
    assertThat(vm.reportRows().get(vm.reportRows().size() - 1).category()).isEqualTo("rate");
    assertThat(vm.keyChoices()).contains(vm.keyVariableProperty().get());
  }
}
