package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.TestFixtures;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/** The Cohorts tab's defaults (issue 16, item 9): its dataset and its definition list. */
class CohortTabDefaultsTest {
  @TempDir static Path shared;
  static Workspace ws;

  @BeforeAll
  static void workspace() {
    ws = SampleReferralsWorkspace.create(shared);
    // alphabetically before "referrals": the old default
    ws.importCsv(
        ImportRequest.of("aaa_people", TestFixtures.csv("people.csv")),
        ProgressListener.NONE,
        CancellationToken.NONE);
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  private static WorkspaceModel model(Path home) {
    return new WorkspaceModel(
        new SameThreadTaskRunner(), new RecordingDialogService(), new WorkspacePreferences(home));
  }

  @Test
  void theTabsDatasetIsTheDatasetInUseNotTheFirstByName(@TempDir Path home) {
    WorkspaceModel model = model(home);
    CohortViewModel vm =
        new CohortViewModel(new SameThreadTaskRunner(), new RecordingDialogService(), model);

    model.use(ws, ws.datasets());
    model.selectedDatasetProperty().set(model.dataset("referrals").orElseThrow());

    assertThat(vm.datasetProperty().get()).isEqualTo("referrals");
    assertThat(vm.entryProperty().get()).isEqualTo("referral_date");
  }

  @Test
  void aSampleDefinitionSavedInTheWorkspaceIsListedOnce(@TempDir Path home) throws Exception {
    WorkspaceModel model = model(home);
    model.use(ws, ws.datasets());
    CohortViewModel vm =
        new CohortViewModel(new SameThreadTaskRunner(), new RecordingDialogService(), model);
    String resource = CohortViewModel.SAMPLE_DEFINITIONS.get(0);
    assertThat(vm.samplesNotSaved()).containsExactly(resource);

    Path dir = Files.createDirectories(ws.directory().resolve(SavedCohorts.COHORTS_DIR));
    try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, dir.resolve("copy" + SavedCohorts.SUFFIX));
    }
    vm.saved().refresh();

    assertThat(vm.samplesNotSaved()).isEmpty();
    assertThat(vm.saved().saved()).hasSize(1);
  }
}
