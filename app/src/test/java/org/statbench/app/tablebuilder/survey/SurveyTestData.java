package org.statbench.app.tablebuilder.survey;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * The households fixture: 40 records of weight 1, regions North and South alternating (20 each);
 * strata A (PSUs a1, a2), B (b1, b2) and C (one PSU, c1: a lonely PSU).
 */
final class SurveyTestData {
  static final String DATASET = "households";

  private SurveyTestData() {}

  static Workspace workspace(Path dir) {
    Workspace ws = Workspace.open(dir);
    try {
      Path csv =
          Path.of(
              SurveyTestData.class
                  .getResource("/org/statbench/app/tablebuilder/survey/households.csv")
                  .toURI());
      ws.importCsv(ImportRequest.of(DATASET, csv), ProgressListener.NONE, CancellationToken.NONE);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return ws;
  }
}
