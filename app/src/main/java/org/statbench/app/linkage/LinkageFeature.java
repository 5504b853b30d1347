package org.statbench.app.linkage;

import javafx.scene.Node;
import org.statbench.app.disclosurepanel.DisclosurePanelView;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.Feature;

/** The Linkage tab: record linkage and deduplication of workspace datasets. */
public final class LinkageFeature implements Feature {
  @Override
  public String id() {
    return "linkage";
  }

  @Override
  public String title() {
    return "Linkage";
  }

  @Override
  public Node createContent(AppContext context) {
    return new LinkageView(
            new LinkageViewModel(
                context, r -> DisclosurePanelView.askJustification(context.dialogs(), r)),
            context.tasks(),
            org.statbench.app.recordrelease.RecordReleaseControls.bar(context))
        .node();
  }
}
