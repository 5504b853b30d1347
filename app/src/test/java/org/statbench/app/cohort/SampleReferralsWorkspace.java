package org.statbench.app.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/** A real workspace (H2 in a temporary folder) holding the bundled sample referrals. */
final class SampleReferralsWorkspace {
  private SampleReferralsWorkspace() {}

  static Workspace create(Path dir) {
    try {
      Path csv = Files.createDirectories(dir.resolve("files")).resolve("referrals.csv");
      try (InputStream in = SampleData.REFERRALS.open()) {
        Files.copy(in, csv);
      }
      Workspace ws = Workspace.open(dir.resolve("ws"));
      ws.importCsv(
          ImportRequest.of("referrals", csv), ProgressListener.NONE, CancellationToken.NONE);
      return ws;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
