package org.statbench.app.tour;

import java.util.List;
import java.util.Objects;

/**
 * One stop of the guided tour.
 *
 * @param title a short name of the part of the window, e.g. {@code Field list}
 * @param text one sentence on what it is for
 * @param tab the feature tab to show first (e.g. {@code chart}), or null to leave the tabs alone
 * @param targets CSS selectors of the nodes to highlight, tried in order; the first that finds
 *     visible nodes wins and all of its matches are highlighted together (e.g. {@code .drop-zone}
 *     for every drop zone)
 */
public record TourStep(String title, String text, String tab, List<String> targets) {
  public TourStep {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    targets = List.copyOf(targets);
  }
}
