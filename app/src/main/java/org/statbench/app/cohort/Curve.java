package org.statbench.app.cohort;

import java.util.List;
import org.statbench.cohort.CohortRow;

/**
 * One line of the curves chart: cumulative proportion by duration, with its interval and at-risk
 * counts (censored points have no value and are not drawn).
 *
 * @param label legend text
 * @param points durations 0..horizon
 */
public record Curve(String label, List<CohortRow> points) {
  public Curve {
    points = List.copyOf(points);
  }
}
