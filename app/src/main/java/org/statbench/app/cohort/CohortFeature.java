package org.statbench.app.cohort;

import javafx.scene.Node;
import org.statbench.app.disclosurepanel.DisclosurePanelView;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.Feature;

/** The Cohorts tab of the main window. */
public final class CohortFeature implements Feature {
  @Override
  public String id() {
    return "cohorts";
  }

  @Override
  public String title() {
    return "Cohorts";
  }

  @Override
  public Node createContent(AppContext context) {
    CohortViewModel vm =
        new CohortViewModel(
            context.tasks(),
            context.dialogs(),
            context.workspace(),
            DisclosurePanelView::askJustification);
    return new CohortView(vm).node();
  }
}
