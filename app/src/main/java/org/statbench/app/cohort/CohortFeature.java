package org.statbench.app.cohort;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.statbench.app.disclosurepanel.DisclosurePanelView;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.AppMenu;
import org.statbench.app.shell.Feature;
import org.statbench.cohort.CohortTable;

/**
 * The Cohorts tab of the main window, and in the Table menu the cohort definitions saved in the
 * workspace and the recent ones (next to the saved tables): one click brings the Cohorts tab to the
 * front and computes the definition.
 */
public final class CohortFeature implements Feature {
  /** The feature id (the tab is {@code cohorts-tab}). */
  public static final String ID = "cohorts";

  private CohortViewModel model;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Cohorts";
  }

  @Override
  public Node createContent(AppContext context) {
    model =
        new CohortViewModel(
            context.tasks(),
            context.dialogs(),
            context.workspace(),
            r -> DisclosurePanelView.askJustification(context.dialogs(), r));
    Node view = new CohortView(model).node();
    // while the tab shows, the status bar says what the tab last did (not the table builder's)
    javafx.beans.property.BooleanProperty showing =
        new javafx.beans.property.SimpleBooleanProperty();
    view.parentProperty()
        .addListener(
            (o, a, parent) -> {
              if (parent != null) {
                showing.bind(parent.visibleProperty());
              }
            });
    Runnable toStatus =
        () -> {
          String m = model.messageProperty().get();
          if (showing.get() && m != null && !m.isEmpty()) {
            context.statusProperty().set(m);
          }
        };
    showing.addListener((o, a, b) -> toStatus.run());
    model.messageProperty().addListener((o, a, b) -> toStatus.run());
    // while the tab shows, the Disclosure panel checks the tab's count table (not the builder's)
    Runnable toPanel =
        () -> {
          if (showing.get()) {
            context.currentTable().showInstead(shownTable());
          } else {
            context.currentTable().stopShowing(this);
          }
        };
    showing.addListener((o, a, b) -> toPanel.run());
    model.resultProperty().addListener((o, a, b) -> toPanel.run());
    model.status().resultProperty().addListener((o, a, b) -> toPanel.run());
    model.status().activeProperty().addListener((o, a, b) -> toPanel.run());
    return view;
  }

  /** The count table the tab shows (the status mode's when that is on), once per result. */
  private org.statbench.app.shell.CurrentTable.Shown shownTable() {
    var status = model.status();
    if (status.activeProperty().get()) {
      Object result = status.resultProperty().get();
      if (result != shownResult) {
        shownResult = result;
        shownCounts = result == null ? null : status.countTable();
      }
      return new org.statbench.app.shell.CurrentTable.Shown(
          this, shownCounts, "status_" + model.datasetProperty().get());
    }
    CohortTable result = model.resultProperty().get();
    if (result != shownResult) {
      shownResult = result;
      shownCounts = result == null ? null : result.toCountTable();
    }
    return new org.statbench.app.shell.CurrentTable.Shown(
        this, shownCounts, "cohorts_" + model.datasetProperty().get());
  }

  private Object shownResult;
  private org.statbench.core.table.Table shownCounts;

  /** The view model (after {@link #createContent}). */
  public CohortViewModel model() {
    return model;
  }

  @Override
  public List<MenuItem> menuItems(AppMenu menu, AppContext context) {
    if (menu != AppMenu.TABLE || model == null) {
      return List.of();
    }
    Menu saved = new Menu("Saved cohort definitions");
    saved.setId("menuSavedCohorts");
    Menu recent = new Menu("Recent cohort definitions");
    recent.setId("menuRecentCohorts");
    fill(saved, model.saved().saved(), context);
    fill(recent, model.saved().recent(), context);
    model
        .saved()
        .saved()
        .addListener((ListChangeListener<Path>) c -> fill(saved, model.saved().saved(), context));
    model
        .saved()
        .recent()
        .addListener((ListChangeListener<Path>) c -> fill(recent, model.saved().recent(), context));
    MenuItem save = new MenuItem("Save cohort definition as…");
    save.setId("menuSaveCohort");
    save.disableProperty().bind(model.completeProperty().not());
    save.setOnAction(
        e -> {
          context.selectTab(ID);
          model.saveDefinition();
        });
    return List.of(saved, recent, save);
  }

  private void fill(Menu menu, List<Path> files, AppContext context) {
    menu.getItems().clear();
    if (files.isEmpty()) {
      MenuItem none = new MenuItem("(none)");
      none.setDisable(true);
      menu.getItems().add(none);
    }
    for (Path p : files) {
      MenuItem mi = new MenuItem(model.saved().label(p));
      mi.setOnAction(
          e -> {
            context.selectTab(ID);
            model.open(p);
          });
      menu.getItems().add(mi);
    }
  }
}
