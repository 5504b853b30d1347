package org.statbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.QueuedTaskRunner;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.store.Workspace;

/** The GUI starts an encrypted workspace's key derivation as soon as the passphrase is typed. */
class EncryptedOpenPrefetchTest {
  @TempDir Path dir;

  private static final String PASS = "a long passphrase";

  @AfterEach
  void forget() {
    Workspace.forgetDerivedKeys();
  }

  private Path encryptedWorkspace() {
    Path ws = dir.resolve("ws");
    Workspace.createEncrypted(ws, PASS.toCharArray(), 1_000).close();
    Workspace.forgetDerivedKeys(); // as in a new session: nothing derived yet
    return ws;
  }

  @Test
  void theKeyIsBeingDerivedBeforeTheOpenTaskRuns() {
    Path ws = encryptedWorkspace();
    QueuedTaskRunner tasks = new QueuedTaskRunner();
    RecordingDialogService dialogs = new RecordingDialogService();
    dialogs.passphrases.add(PASS);
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));

    model.open(ws);

    assertThat(tasks.pending()).isEqualTo(1); // the open has not run
    assertThat(Workspace.keyDerivedOrDeriving(ws, PASS.toCharArray())).isTrue();
    tasks.runAll();
    assertThat(model.workspace()).isNotNull();
    assertThat(dialogs.errors).isEmpty();
    model.workspace().close();
  }

  @Test
  void aWrongPassphraseIsPrefetchedInVainAndAskedAgain() {
    Path ws = encryptedWorkspace();
    QueuedTaskRunner tasks = new QueuedTaskRunner();
    RecordingDialogService dialogs = new RecordingDialogService();
    dialogs.passphrases.add("wrong");
    dialogs.passphrases.add(PASS);
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));

    model.open(ws);
    tasks.runNext(); // fails, asks again and prefetches the second passphrase

    assertThat(dialogs.passphrasePrompts).hasSize(2);
    assertThat(dialogs.passphrasePrompts.get(1)).startsWith("Wrong passphrase, try again.");
    assertThat(Workspace.keyDerivedOrDeriving(ws, PASS.toCharArray())).isTrue();
    tasks.runAll();
    assertThat(model.workspace()).isNotNull();
    model.workspace().close();
  }
}
