package org.statbench.app.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;

/**
 * A feature that plugs into the main window: a centre tab (Table, Chart, Cohorts, Joins, Clearance
 * queue) or the right-hand side panel (Disclosure). Implementations live in their own feature
 * package ({@code org.statbench.app.chart.ChartFeature}, ...) and are listed once in {@link
 * Features}.
 */
public interface Feature {
  /**
   * A short stable id, e.g. {@code chart}; the tab gets the node id {@code <id>-tab} and the
   * content {@code <id>-content} for tests and CSS.
   */
  String id();

  /** The tab or panel title, e.g. {@code Chart}. */
  String title();

  /**
   * Builds the feature's view, once, on the FX thread, after the shared models exist (the workspace
   * may still be opening: follow {@code context.workspace()}'s properties rather than reading it
   * once).
   */
  Node createContent(AppContext context);

  /**
   * Items this feature adds to a top-level menu, after the shell's own. Called once per menu after
   * {@link #createContent}.
   */
  default List<MenuItem> menuItems(AppMenu menu, AppContext context) {
    return List.of();
  }
}
