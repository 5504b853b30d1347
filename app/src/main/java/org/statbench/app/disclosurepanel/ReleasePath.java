package org.statbench.app.disclosurepanel;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.TaskRunner;
import org.statbench.core.table.Table;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.store.Workspace;

/**
 * The one way a feature's table leaves the workstation: a {@link DisclosurePanelViewModel} (check,
 * protection, gate, clearance) with its {@link ReleaseActions} (file, clipboard, chart, report).
 * The table builder and the chart use it through the Disclosure panel, following the current table
 * (the analyst protects by hand); cohorts, joins and later features call {@link #protectThen},
 * which protects their table with the default policy and releases it once protected — also when the
 * same table was protected before, which a listener on the protection message would miss. FX thread
 * only.
 */
public final class ReleasePath {
  private final DisclosurePanelViewModel panel;
  private final ReleaseActions actions;

  /**
   * @param workspace the open workspace (for the audit log and clearance requests)
   * @param justification asks for a clearance justification given the refusal text when an export
   *     is refused; empty when cancelled
   */
  public ReleasePath(
      TaskRunner tasks,
      ObservableValue<Workspace> workspace,
      DialogService dialogs,
      Function<String, Optional<String>> justification) {
    this.panel = new DisclosurePanelViewModel(tasks);
    panel.workspaceProperty().bind(workspace);
    this.actions = new ReleaseActions(panel, dialogs, justification);
  }

  /** The check and protection of the table being released. */
  public DisclosurePanelViewModel panel() {
    return panel;
  }

  /** Export, copy, chart and report commands on the table being released. */
  public ReleaseActions actions() {
    return actions;
  }

  /** Outcome of the last protection or release, for the feature's own status line. */
  public ReadOnlyStringProperty messageProperty() {
    return panel.messageProperty();
  }

  /**
   * Protects {@code table} with the default disclosure policy in the background, then runs {@code
   * release} with the actions (e.g. {@code ReleaseActions::export}). A table equal to one already
   * protected is not protected again: the release runs at once.
   */
  public void protectThen(Table table, Consumer<ReleaseActions> release) {
    panel.policyProperty().set(DisclosurePolicy.DEFAULT);
    if (table.equals(panel.tableProperty().get()) && panel.protectionProperty().get() != null) {
      release.accept(actions);
      return;
    }
    panel.tableProperty().set(table);
    panel.protect(() -> release.accept(actions));
  }
}
