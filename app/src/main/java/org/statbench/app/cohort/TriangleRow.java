package org.statbench.app.cohort;

import java.util.List;
import org.statbench.cohort.CohortRow;
import org.statbench.cohort.HorizonMeasure;

/**
 * One row of the cohort triangle: a cohort (and breakdown group) with its cells by duration.
 *
 * @param cohort cohort label
 * @param group breakdown codes, empty without a breakdown
 * @param size cohort (and group) size
 * @param cells durations 0..horizon
 * @param horizon the fixed-horizon measure of this row
 */
public record TriangleRow(
    String cohort, List<String> group, long size, List<CohortRow> cells, HorizonMeasure horizon) {
  public TriangleRow {
    group = List.copyOf(group);
    cells = List.copyOf(cells);
  }

  /** Cohort and group as one label, e.g. {@code 2011-06} or {@code 2011-06 · JSA 25+}. */
  public String label() {
    return group.isEmpty() ? cohort : cohort + " · " + String.join(" / ", group);
  }
}
