package org.statbench.app.security;

import java.util.Arrays;
import java.util.Optional;
import org.statbench.app.shell.DialogService;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.store.Workspace;

/**
 * Workspace > Encrypt…: asks for a new passphrase twice (they must match and not be empty),
 * explains what cannot be undone, then has the workspace model convert the open workspace. No
 * toolkit code here: the dialogs go through the {@link DialogService}.
 */
public final class EncryptWorkspaceAction {
  /** Shortest passphrase accepted for a workspace. */
  static final int MIN_LENGTH = 10;

  private final WorkspaceModel workspace;
  private final DialogService dialogs;

  public EncryptWorkspaceAction(WorkspaceModel workspace, DialogService dialogs) {
    this.workspace = workspace;
    this.dialogs = dialogs;
  }

  /** Runs the action; returns true when the conversion was started. */
  public boolean run() {
    Workspace ws = workspace.workspace();
    if (ws == null) {
      dialogs.showError("Encrypt workspace", "Open a workspace first.");
      return false;
    }
    if (ws.files().encrypted() || Workspace.isEncrypted(ws.directory())) {
      dialogs.showInformation("Encrypt workspace", "This workspace is already encrypted.");
      return false;
    }
    if (!dialogs.confirm(
        "Encrypt workspace",
        "Encrypt "
            + ws.directory().getFileName()
            + " with a passphrase? Everyone who opens it will need the passphrase, and without it"
            + " the data cannot be recovered. Copies made before (backups) stay in clear.")) {
      return false;
    }
    Optional<char[]> first =
        dialogs.askPassphrase(
            "Encrypt workspace", "New passphrase (at least " + MIN_LENGTH + " characters):");
    if (first.isEmpty()) {
      return false;
    }
    Optional<char[]> second = dialogs.askPassphrase("Encrypt workspace", "Type it again:");
    if (second.isEmpty()) {
      Arrays.fill(first.get(), '\0');
      return false;
    }
    boolean same = Arrays.equals(first.get(), second.get());
    Arrays.fill(second.get(), '\0');
    if (!same || first.get().length < MIN_LENGTH) {
      Arrays.fill(first.get(), '\0');
      dialogs.showError(
          "Encrypt workspace",
          same
              ? "The passphrase is too short: use at least " + MIN_LENGTH + " characters."
              : "The two passphrases differ; nothing was changed.");
      return false;
    }
    workspace.encrypt(first.get());
    return true;
  }
}
