package org.statbench.app.tablebuilder;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.AppMenu;
import org.statbench.app.shell.Feature;
import org.statbench.app.shell.FieldAction;

/**
 * The Table tab: registers the builder's view, its field actions (Ctrl+1..4 add the selected field
 * to rows, columns, wafers, filters) and its Edit and Table menu entries.
 */
public final class TableBuilderFeature implements Feature {
  private TableBuilderViewModel model;
  private org.statbench.app.tablebuilder.survey.SurveyInTableBuilder survey;

  @Override
  public String id() {
    return "table";
  }

  @Override
  public String title() {
    return "Table";
  }

  @Override
  public Node createContent(AppContext context) {
    model = new TableBuilderViewModel(context);
    TableBuilderView view = new TableBuilderView(model);
    survey =
        org.statbench.app.tablebuilder.survey.SurveyInTableBuilder.install(context, model, view);
    context
        .fieldActions()
        .addAll(
            new FieldAction("Add to rows", "Shortcut+1", v -> model.add(v, Zone.ROWS)),
            new FieldAction("Add to columns", "Shortcut+2", v -> model.add(v, Zone.COLUMNS)),
            new FieldAction("Add to wafers", "Shortcut+3", v -> model.add(v, Zone.WAFERS)),
            new FieldAction("Add to filters", "Shortcut+4", v -> model.add(v, Zone.FILTERS)),
            new FieldAction("Remove from table", "Shortcut+0", v -> model.remove(v)),
            // Clicking a field opens its codelist; this is that, for the field list.
            new FieldAction("Filter (codes, range)…", "Shortcut+L", view::openFilter));
    // the Disclosure panel's highlights of failing and withheld cells
    view.grid().setCellMarks(context.currentTable().cellMarksProperty().get());
    context
        .currentTable()
        .cellMarksProperty()
        .addListener((o, a, m) -> view.grid().setCellMarks(m));
    context
        .currentTable()
        .requestedCellProperty()
        .addListener((o, a, i) -> view.grid().selectCell(i));
    return view;
  }

  /** The builder's view model (after {@link #createContent}). */
  public TableBuilderViewModel model() {
    return model;
  }

  @Override
  public List<MenuItem> menuItems(AppMenu menu, AppContext context) {
    return switch (menu) {
      case EDIT -> {
        MenuItem undo = item("Undo", "Shortcut+Z", "menuUndo", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Y", "menuRedo", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        yield List.of(undo, redo);
      }
      case TABLE -> {
        Menu saved = new Menu("Saved tables");
        saved.setId("menuSavedTables");
        Menu recent = new Menu("Recent tables");
        recent.setId("menuRecentTables");
        fill(saved, model.savedTables());
        fill(recent, model.recentTables());
        model
            .savedTables()
            .addListener((ListChangeListener<Path>) c -> fill(saved, model.savedTables()));
        model
            .recentTables()
            .addListener((ListChangeListener<Path>) c -> fill(recent, model.recentTables()));
        yield List.of(
            item("New table", "Shortcut+N", "menuNewTable", model::clear),
            item("Open table…", "Shortcut+Shift+O", "menuOpenTable", model::openDialog),
            saved,
            recent,
            new SeparatorMenuItem(),
            item("Save table", "Shortcut+S", "menuSaveTable", model::save),
            item("Save table as…", "Shortcut+Shift+S", "menuSaveTableAs", model::saveAs));
      }
      case DATASETS -> survey.datasetMenuItems();
      default -> List.of();
    };
  }

  private void fill(Menu menu, List<Path> files) {
    menu.getItems().clear();
    if (files.isEmpty()) {
      MenuItem none = new MenuItem("(none)");
      none.setDisable(true);
      menu.getItems().add(none);
    }
    for (Path p : files) {
      String name = p.getFileName().toString().replaceFirst("(\\.table)?\\.json$", "");
      MenuItem mi = new MenuItem(name);
      mi.setOnAction(e -> model.openAsking(p));
      menu.getItems().add(mi);
    }
  }

  private static MenuItem item(String text, String accelerator, String id, Runnable action) {
    MenuItem mi = new MenuItem(text);
    mi.setId(id);
    mi.setAccelerator(KeyCombination.valueOf(accelerator));
    mi.setOnAction(e -> action.run());
    return mi;
  }
}
