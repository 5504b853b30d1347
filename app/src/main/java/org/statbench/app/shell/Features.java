package org.statbench.app.shell;

import java.util.List;
import org.statbench.app.chart.ChartFeature;

/**
 * The one place where features are registered with the main window. To add yours, add one line
 * {@code new YourFeature()} (your own package) where its tab should appear; see {@link Feature} and
 * this package's documentation.
 */
public final class Features {
  private Features() {}

  /** The centre tabs, in display order. */
  public static List<Feature> tabs() {
    return List.of(
        new org.statbench.app.tablebuilder.TableBuilderFeature(),
        new ChartFeature(),
        new org.statbench.app.cohort.CohortFeature(),
        new org.statbench.app.join.JoinsFeature(),
        new org.statbench.app.linkage.LinkageFeature(),
        new org.statbench.app.clearance.ClearanceFeature());
  }

  /** The right-hand side panel (disclosure check of the current table). */
  public static Feature sidePanel() {
    return new org.statbench.app.disclosurepanel.DisclosurePanelFeature();
  }
}
