package org.statbench.app.recordrelease;

import java.nio.file.Path;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.TaskHandle;
import org.statbench.app.shell.TaskRunner;
import org.statbench.core.InputException;
import org.statbench.export.ClearanceBook;
import org.statbench.export.ExportGate;
import org.statbench.export.RecordLevelRelease;
import org.statbench.export.RecordRequest;
import org.statbench.store.Workspace;

/**
 * What the "Request release…" and "Release…" buttons do, without JavaFX: the same calls as {@code
 * clearance request-records} and {@code clearance release-records}. Stateless.
 */
public final class RecordReleaseModel {
  private RecordReleaseModel() {}

  /**
   * Asks for a record-level clearance in the workspace.
   *
   * @throws InputException when a field is missing or rows is negative
   */
  public static RecordRequest request(
      Workspace ws, String what, String rows, String recipient, String why) {
    long n;
    try {
      n = Long.parseLong(rows == null ? "" : rows.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new InputException(null, -1, "rows", "not a whole number: " + rows);
    }
    try {
      return ClearanceBook.of(ws).submitRecords(what, n, recipient, why, null);
    } catch (IllegalArgumentException e) {
      throw new InputException(null, -1, null, e.getMessage());
    }
  }

  /**
   * Releases through the task runner (in the background with its progress, never on the FX thread),
   * then says what was done, or why it was refused, through the dialogs.
   */
  public static TaskHandle releaseInBackground(
      TaskRunner tasks, DialogService dialogs, Workspace ws, String id, Path in, Path out) {
    return tasks.run(
        BackgroundTask.of(
                "Releasing " + in.getFileName() + " under " + id,
                (progress, cancel) -> release(ws, id, in, out))
            .onSuccess(done -> dialogs.showInformation("Released", done))
            .onFailure(e -> dialogs.showError("Release refused", e)));
  }

  /**
   * Releases a record-level working file under an approved clearance, and says what was done.
   *
   * @throws org.statbench.core.RefusedException unless the clearance is approved, verifies and
   *     covers the file's rows (nothing is written then)
   */
  public static String release(Workspace ws, String id, Path in, Path out) {
    RecordLevelRelease r = ExportGate.of(ws).admitRecords(id == null ? null : id.strip());
    long n = r.releaseCsv(in, out);
    return "Released "
        + n
        + " records to "
        + out.getFileName()
        + " under "
        + r.request().id()
        + " (for "
        + r.request().recipient()
        + "); logged in the audit log";
  }
}
