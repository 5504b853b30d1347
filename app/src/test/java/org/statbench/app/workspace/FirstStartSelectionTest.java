package org.statbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.TestFixtures;
import org.statbench.app.datasets.DatasetsViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/** What the window selects on its first start, and what the field list shows (issue 16, 10). */
class FirstStartSelectionTest {
  @TempDir Path dir;

  private Workspace workspace(String... names) {
    Workspace ws = Workspace.open(dir.resolve("ws"));
    for (String n : names) {
      ws.importCsv(
          ImportRequest.of(n, TestFixtures.csv("people.csv")),
          ProgressListener.NONE,
          CancellationToken.NONE);
    }
    return ws;
  }

  private WorkspaceModel model() {
    return new WorkspaceModel(
        new SameThreadTaskRunner(),
        new RecordingDialogService(),
        new WorkspacePreferences(dir.resolve("home")));
  }

  @Test
  void theFirstStartSelectsTheDatasetTheSavedTablesUseNotTheFirstByName() throws Exception {
    try (Workspace ws = workspace("housing_benefit", "referrals")) {
      Path tables = Files.createDirectories(ws.directory().resolve(SampleWorkspace.TABLES_DIR));
      Files.writeString(
          tables.resolve("a.table.json"), "{\"version\":1,\"dataset\":\"referrals\"}");
      Files.writeString(tables.resolve("b.table.json"), "{\"dataset\" : \"referrals\"}");
      Files.writeString(tables.resolve("c.table.json"), "{\"dataset\":\"housing_benefit\"}");
      WorkspaceModel m = model();

      m.use(ws, ws.datasets());

      assertThat(m.selectedDatasetProperty().get().name()).isEqualTo("referrals");
    }
  }

  @Test
  void withoutSavedTablesTheFirstExtractIsSelected() {
    try (Workspace ws = workspace("housing_benefit", "referrals")) {
      WorkspaceModel m = model();

      m.use(ws, ws.datasets());

      assertThat(m.selectedDatasetProperty().get().name()).isEqualTo("housing_benefit");
    }
  }

  @Test
  void theFieldSearchIsClearedOnADatasetChangeAndSaysWhenNothingMatches() {
    try (Workspace ws = workspace("housing_benefit", "referrals")) {
      WorkspaceModel m = model();
      m.use(ws, ws.datasets());
      DatasetsViewModel fields = new DatasetsViewModel(m);

      fields.searchProperty().set("zzz");
      assertThat(fields.fieldGroups()).isEmpty();
      assertThat(fields.noMatchesProperty().get()).isEqualTo("No matches for \"zzz\"");

      m.selectedDatasetProperty().set(m.dataset("referrals").orElseThrow());

      assertThat(fields.searchProperty().get()).isEmpty();
      assertThat(fields.noMatchesProperty().get()).isEmpty();
      assertThat(fields.fieldGroups()).isNotEmpty();
    }
  }
}
