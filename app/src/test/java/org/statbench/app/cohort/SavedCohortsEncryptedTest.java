package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.security.WorkspaceDocuments;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortSpecJson;
import org.statbench.store.Workspace;
import org.statbench.store.WorkspaceFiles;

/** A cohort definition sealed in an encrypted workspace is listed by its title. */
class SavedCohortsEncryptedTest {
  @TempDir Path dir;

  @Test
  void aSealedDefinitionIsListedByItsTitleNotItsFileName() throws Exception {
    try (Workspace ws =
        Workspace.createEncrypted(dir.resolve("ws"), "a passphrase".toCharArray(), 1_000)) {
      WorkspaceModel wm =
          new WorkspaceModel(
              new SameThreadTaskRunner(),
              new RecordingDialogService(),
              new WorkspacePreferences(dir.resolve("home")));
      wm.use(ws, ws.datasets());
      Path file = ws.directory().resolve(SavedCohorts.COHORTS_DIR).resolve("c1.cohort.json");
      CohortSpec spec =
          CohortSpec.of("referrals", "referral_date", "outcome_date")
              .withTitle("Outcomes by referral month");
      WorkspaceDocuments.write(ws, file, CohortSpecJson.toJson(spec));
      assertThat(WorkspaceFiles.isSealed(Files.readAllBytes(file))).isTrue();
      assertThat(new SavedCohorts(wm).label(file)).isEqualTo("Outcomes by referral month");
      assertThat(SavedCohorts.displayName(file)).isEqualTo("c1"); // what was shown before
    }
  }
}
