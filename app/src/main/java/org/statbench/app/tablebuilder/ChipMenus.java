package org.statbench.app.tablebuilder;

import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.RollUp;

/**
 * The context menu of a field chip: moving and removing, totals, and the entries that open the
 * dialogs behind it ({@link ChipDialogs}: filter codes, numeric and date ranges, bands, code
 * groups, date grouping, roll-up). Every drag has an entry here, so the builder works from the
 * keyboard alone.
 */
final class ChipMenus {
  static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

  private final TableBuilderViewModel model;
  private final ChipDialogs dialogs;

  ChipMenus(TableBuilderViewModel model) {
    this.model = model;
    this.dialogs = new ChipDialogs(model, model.dialogs());
  }

  private VariableType type(String variable) {
    return model.variable(variable).map(VariableInfo::type).orElse(VariableType.CATEGORICAL);
  }

  /** Opens what clicking a chip opens: codes for categories, bands or range for numbers, ... */
  void openDefault(String variable, Zone zone) {
    boolean inFilters = zone == Zone.FILTERS;
    switch (type(variable)) {
      case CATEGORICAL -> dialogs.filterCodes(variable);
      case INTEGER, DECIMAL -> {
        if (inFilters) {
          dialogs.range(variable);
        } else {
          dialogs.bands(variable);
        }
      }
      case DATE -> {
        if (inFilters) {
          dialogs.dateRange(variable);
        } else {
          dialogs.dateGrouping(variable);
        }
      }
      case TEXT -> {
        // Free text has no codelist to pick from; the context menu still moves and removes it.
      }
    }
  }

  ContextMenu menuFor(String variable, Zone current) {
    ContextMenu menu = new ContextMenu();
    VariableType t = type(variable);
    for (Zone z : Zone.values()) {
      if (z != current) {
        MenuItem mi =
            new MenuItem(
                "Move to "
                    + z.title().toLowerCase(Locale.ROOT)
                    + " (Ctrl+"
                    + (z.ordinal() + 1)
                    + ")");
        mi.setOnAction(e -> model.add(variable, z));
        menu.getItems().add(mi);
      }
    }
    MenuItem left = new MenuItem("Move left (Ctrl+Left)");
    left.setOnAction(e -> model.shift(variable, current, -1));
    MenuItem right = new MenuItem("Move right (Ctrl+Right)");
    right.setOnAction(e -> model.shift(variable, current, 1));
    menu.getItems().addAll(left, right, new SeparatorMenuItem());
    if (t == VariableType.CATEGORICAL) {
      menu.getItems().add(item("Filter codes…", () -> dialogs.filterCodes(variable)));
    } else if (t.isNumeric()) {
      menu.getItems().add(item("Filter a range…", () -> dialogs.range(variable)));
    } else if (t == VariableType.DATE) {
      menu.getItems().add(item("Filter dates…", () -> dialogs.dateRange(variable)));
    }
    if (current != null && current != Zone.FILTERS) {
      if (t.isNumeric()) {
        menu.getItems().add(item("Band…", () -> dialogs.bands(variable)));
      }
      if (t == VariableType.CATEGORICAL || t == VariableType.INTEGER) {
        menu.getItems().add(item("Group codes…", () -> dialogs.groups(variable)));
      }
      if (t == VariableType.DATE) {
        menu.getItems().add(item("Date grouping…", () -> dialogs.dateGrouping(variable)));
      }
      if (t == VariableType.CATEGORICAL) {
        menu.getItems().add(item("Roll up to…", () -> dialogs.rollUp(variable)));
        // the levels a join recorded above this variable, in the hierarchy's own order
        Derivation now = model.derivation(variable);
        for (List<String> parents : model.hierarchyRollUps(variable)) {
          CheckMenuItem up = new CheckMenuItem("Roll up to " + String.join(" > ", parents));
          up.setSelected(now instanceof RollUp r && r.parentVariables().equals(parents));
          up.setOnAction(e -> model.setRollUp(variable, up.isSelected() ? parents : null));
          menu.getItems().add(up);
        }
      }
      if (model.derivation(variable) != null) {
        menu.getItems().add(item("Remove derivation", () -> model.setDerivation(variable, null)));
      }
      CheckMenuItem total = new CheckMenuItem("Show total");
      total.setSelected(model.hasTotal(variable));
      total.setOnAction(e -> model.setTotal(variable, total.isSelected()));
      menu.getItems().add(total);
    }
    if (model.filter(variable) != null) {
      menu.getItems().add(item("Clear filter", () -> model.setFilter(variable, null)));
    }
    menu.getItems()
        .addAll(
            new SeparatorMenuItem(),
            item("Remove (Delete)", () -> model.remove(variable, current)));
    return menu;
  }

  private static MenuItem item(String text, Runnable action) {
    MenuItem mi = new MenuItem(text);
    mi.setOnAction(e -> action.run());
    return mi;
  }
}
