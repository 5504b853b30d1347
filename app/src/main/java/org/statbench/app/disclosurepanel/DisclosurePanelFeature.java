package org.statbench.app.disclosurepanel;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.AppMenu;
import org.statbench.app.shell.CellMarks;
import org.statbench.app.shell.Feature;

/**
 * The right-hand Disclosure panel and its commands in the File, Edit and Disclosure menus. It
 * follows the visible feature's table (the builder's, or the Cohorts tab's while it is in front)
 * and publishes the cell marks for the grid.
 */
public final class DisclosurePanelFeature implements Feature {
  private DisclosurePanelViewModel vm;
  private ReleaseActions actions;

  @Override
  public String id() {
    return "disclosure";
  }

  @Override
  public String title() {
    return "Disclosure";
  }

  @Override
  public Node createContent(AppContext context) {
    // The table builder's (and the chart's) way out: the panel follows the current table and the
    // analyst protects by hand; the same release path as every other feature's.
    ReleasePath release =
        new ReleasePath(
            context.tasks(),
            context.workspace().workspaceProperty(),
            context.dialogs(),
            r -> DisclosurePanelView.askJustification(context.dialogs(), r));
    vm = release.panel();
    // the table of the feature in front: the builder's, or the Cohorts tab's while it shows
    vm.tableProperty().bind(context.currentTable().visibleTableProperty());
    vm.tableNameProperty().bind(context.currentTable().visibleNameProperty());
    // a statistician's decision in the Clearance queue shows here at once ("Cleared by … on …")
    context.clearanceDecisionsProperty().addListener((o, a, n) -> vm.refreshClearance());
    vm.surveyProperty().bind(context.currentTable().surveyProperty());
    // the grid draws these highlights on the current table
    vm.marksProperty()
        .addListener(
            (o, a, m) -> {
              var t = vm.tableProperty().get();
              Map<Integer, String> styles = vm.gridStyles();
              context
                  .currentTable()
                  .publishCellMarks(t == null ? CellMarks.NONE : new CellMarks(t.hash(), styles));
            });
    actions = release.actions();
    return new DisclosurePanelView(vm, actions, context.currentTable()::requestCell).build();
  }

  @Override
  public List<MenuItem> menuItems(AppMenu menu, AppContext context) {
    switch (menu) {
      case FILE:
        {
          MenuItem export = new MenuItem("Export table (CSV/XLSX)…");
          export.setId("menu-export-table");
          export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
          export.setOnAction(e -> actions.export());
          export.disableProperty().bind(vm.tableProperty().isNull());
          MenuItem chart = new MenuItem("Export chart (PNG)…");
          chart.setId("menu-export-chart");
          chart.setOnAction(e -> actions.exportChart());
          chart.disableProperty().bind(vm.tableProperty().isNull());
          MenuItem report = new MenuItem("Save report (HTML)…");
          report.setId("menu-save-report");
          report.setOnAction(e -> actions.saveReport());
          report.disableProperty().bind(vm.tableProperty().isNull());
          return List.of(export, chart, report);
        }
      case EDIT:
        {
          MenuItem copy = new MenuItem("Copy table (checked)");
          copy.setId("menu-copy-table");
          copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
          copy.setOnAction(e -> actions.copy());
          copy.disableProperty().bind(vm.tableProperty().isNull());
          return List.of(copy);
        }
      case DISCLOSURE:
        {
          MenuItem protect = new MenuItem("Protect table");
          protect.setOnAction(e -> vm.protect());
          protect.disableProperty().bind(vm.failsBinding().not());
          MenuItem request = new MenuItem("Request clearance…");
          request.setOnAction(e -> actions.requestClearance(null));
          request.disableProperty().bind(vm.canRequestBinding().not());
          return List.of(protect, request);
        }
      default:
        return List.of();
    }
  }
}
