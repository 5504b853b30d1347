package org.statbench.app.join;

import java.nio.file.Path;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetKind;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/** A real workspace (H2 in a temporary folder) holding some of the bundled sample files. */
final class SampleFiles {
  private SampleFiles() {}

  /** Opens a workspace under {@code dir} and imports {@code files} under their dataset names. */
  static Workspace workspace(Path dir, SampleData.SampleFile... files) {
    Path copies = dir.resolve("files");
    SampleData.copyTo(copies);
    Workspace ws = Workspace.open(dir.resolve("ws"));
    for (SampleData.SampleFile f : files) {
      ws.importCsv(
          ImportRequest.of(f.datasetName(), copies.resolve(f.fileName())),
          ProgressListener.NONE,
          CancellationToken.NONE);
    }
    return ws;
  }

  /** The sample referrals and the 2011 geography lookup. */
  static Workspace referralsAndGeography(Path dir) {
    Workspace ws = workspace(dir, SampleData.REFERRALS, SampleData.GEOGRAPHY);
    ws.setKind(SampleData.GEOGRAPHY.datasetName(), DatasetKind.LOOKUP, "2011");
    return ws;
  }
}
