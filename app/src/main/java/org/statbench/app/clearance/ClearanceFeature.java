package org.statbench.app.clearance;

import javafx.scene.Node;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.Feature;
import org.statbench.export.ClearanceBook;
import org.statbench.store.Workspace;

/** The Clearance queue tab: the open workspace's exception requests, for statisticians. */
public final class ClearanceFeature implements Feature {
  @Override
  public String id() {
    return "clearance";
  }

  @Override
  public String title() {
    return "Clearance queue";
  }

  @Override
  public Node createContent(AppContext context) {
    ClearanceQueueViewModel vm = new ClearanceQueueViewModel();
    vm.setOnDecision(
        () ->
            context
                .clearanceDecisionsProperty()
                .set(context.clearanceDecisionsProperty().get() + 1));
    vm.bookProperty().set(bookOf(context.workspace().workspace()));
    context
        .workspace()
        .workspaceProperty()
        .addListener((o, a, ws) -> vm.bookProperty().set(bookOf(ws)));
    Node view = new ClearanceQueueView(vm, context.dialogs()).build();
    // The tab's content region is hidden while another tab shows: reload when it shows again, so
    // requests submitted from the Disclosure panel appear.
    view.parentProperty()
        .addListener(
            (o, a, parent) -> {
              if (parent != null) {
                parent
                    .visibleProperty()
                    .addListener(
                        (v, was, visible) -> {
                          if (visible) {
                            vm.refresh();
                          }
                        });
              }
            });
    return view;
  }

  private static ClearanceBook bookOf(Workspace ws) {
    return ws == null ? null : ClearanceBook.of(ws);
  }
}
