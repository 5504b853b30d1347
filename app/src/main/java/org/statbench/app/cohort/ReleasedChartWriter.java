package org.statbench.app.cohort;

import java.nio.file.Path;
import org.statbench.export.Release;

/** Draws a released chart and writes it as PNG through the release (the view supplies it). */
@FunctionalInterface
public interface ReleasedChartWriter {
  /** Writes {@code chart} to {@code out} through {@code release}; returns the file written. */
  Path write(Release release, ReleasedChart chart, Path out);
}
