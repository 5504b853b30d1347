package org.statbench.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.store.Workspace;

/** The passphrase prompt on opening and Workspace > Encrypt…, without a toolkit. */
class EncryptedWorkspaceGuiTest {
  @TempDir Path tmp;

  private final RecordingDialogService dialogs = new RecordingDialogService();
  private WorkspaceModel model;

  private WorkspaceModel model() {
    model =
        new WorkspaceModel(
            new SameThreadTaskRunner(), dialogs, new WorkspacePreferences(tmp.resolve("home")));
    return model;
  }

  @AfterEach
  void close() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void wrongPassphraseSaysSoAndAsksAgain() {
    Path dir = tmp.resolve("ws");
    Workspace.createEncrypted(dir, "the right passphrase".toCharArray(), 1_000).close();
    dialogs.passphrases.add("not it");
    dialogs.passphrases.add("the right passphrase");
    model().open(dir);
    assertThat(model.workspace()).isNotNull();
    assertThat(model.workspace().files().encrypted()).isTrue();
    assertThat(dialogs.passphrasePrompts).hasSize(2);
    assertThat(dialogs.passphrasePrompts.get(1)).startsWith("Wrong passphrase, try again.");
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void cancellingThePromptOpensNothing() {
    Path dir = tmp.resolve("ws");
    Workspace.createEncrypted(dir, "the right passphrase".toCharArray(), 1_000).close();
    model().open(dir);
    assertThat(model.workspace()).isNull();
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void encryptConvertsTheOpenWorkspaceAndReopensIt() {
    Path dir = tmp.resolve("ws");
    model().open(dir);
    dialogs.passphrases.add("a long passphrase");
    dialogs.passphrases.add("a long passphrase");
    assertThat(new EncryptWorkspaceAction(model, dialogs).run()).isTrue();
    assertThat(dialogs.errors).isEmpty();
    assertThat(Workspace.isEncrypted(dir)).isTrue();
    assertThat(model.workspace().files().encrypted()).isTrue();
  }

  @Test
  void mismatchedPassphrasesChangeNothing() {
    Path dir = tmp.resolve("ws");
    model().open(dir);
    dialogs.passphrases.add("a long passphrase");
    dialogs.passphrases.add("another long one");
    assertThat(new EncryptWorkspaceAction(model, dialogs).run()).isFalse();
    assertThat(dialogs.errors).singleElement().asString().contains("differ");
    assertThat(Workspace.isEncrypted(dir)).isFalse();
  }

  @Test
  void definitionsSavedInsideAnEncryptedWorkspaceAreSealed() throws Exception {
    Path dir = tmp.resolve("ws");
    try (Workspace ws =
        Workspace.createEncrypted(dir, "the right passphrase".toCharArray(), 1_000)) {
      Path inside = dir.resolve("tables/t.table.json");
      Path outside = tmp.resolve("t.table.json");
      WorkspaceDocuments.write(ws, inside, "{\"filter\":\"Secret Town\"}");
      WorkspaceDocuments.write(ws, outside, "{\"filter\":\"Secret Town\"}");
      assertThat(java.nio.file.Files.readString(outside)).contains("Secret Town");
      assertThat(new String(java.nio.file.Files.readAllBytes(inside), "ISO-8859-1"))
          .doesNotContain("Secret Town");
      assertThat(WorkspaceDocuments.read(ws, inside)).contains("Secret Town");
      assertThat(WorkspaceDocuments.read(ws, outside)).contains("Secret Town");
    }
  }
}
