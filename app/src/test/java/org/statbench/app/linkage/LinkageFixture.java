package org.statbench.app.linkage;

import java.nio.file.Path;
import java.util.List;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * A real workspace with the sample linkage pair (2,000 customers, 300 recipients from the seeded
 * people generator; 80% of recipients are customers, {@code person_id} is the truth) and a context
 * that runs background work on the calling thread.
 */
final class LinkageFixture {
  final Workspace ws;
  final RecordingDialogService dialogs = new RecordingDialogService();
  final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
  final AppContext context;

  LinkageFixture(Path dir) {
    Path files = dir.resolve("files");
    SampleData.copyTo(files);
    ws = Workspace.open(dir.resolve("ws"));
    for (SampleData.SampleFile f : List.of(SampleData.LINK_CUSTOMERS, SampleData.LINK_RECIPIENTS)) {
      ws.importCsv(
          ImportRequest.of(f.datasetName(), files.resolve(f.fileName())),
          ProgressListener.NONE,
          CancellationToken.NONE);
    }
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    context = new AppContext(tasks, dialogs, model);
    model.use(ws, ws.datasets());
  }
}
