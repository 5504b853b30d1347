package org.statbench.app.cohort.status;

import java.nio.file.Path;
import org.statbench.export.Release;

/** Draws released status shares and writes them as PNG through the release (the view's). */
@FunctionalInterface
public interface StatusChartWriter {
  /** Writes the chart of {@code shares} titled {@code title} to {@code out} through the release. */
  Path write(Release release, StatusShares shares, String title, Path out);
}
