package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.statbench.app.datasets.DatasetsViewModel;
import org.statbench.core.InputException;
import org.statbench.core.data.Code;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.table.Category;

// Size (over 500 lines): the chip menus and their dialogs (codes, bands, groups, date grouping,
// roll-up, range, date range), layout only; what they accept is checked in ChipInput and
// TableBuilderViewModel.

/**
 * The context menu of a field chip and the dialogs behind it: filter codes (checkboxes), numeric
 * and date ranges, bands, code groups, date grouping, roll-up, totals, moving and removing. Every
 * drag has an entry here, so the builder works from the keyboard alone.
 */
final class ChipMenus {
  static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

  private final TableBuilderViewModel model;
  private final java.util.function.Supplier<Window> owner;

  ChipMenus(TableBuilderViewModel model, java.util.function.Supplier<Window> owner) {
    this.model = model;
    this.owner = owner;
  }

  private VariableType type(String variable) {
    return model.variable(variable).map(VariableInfo::type).orElse(VariableType.CATEGORICAL);
  }

  /** Opens what clicking a chip opens: codes for categories, bands or range for numbers, ... */
  void openDefault(String variable, Zone zone) {
    boolean inFilters = zone == Zone.FILTERS;
    switch (type(variable)) {
      case CATEGORICAL -> filterCodes(variable);
      case INTEGER, DECIMAL -> {
        if (inFilters) {
          range(variable);
        } else {
          bands(variable);
        }
      }
      case DATE -> {
        if (inFilters) {
          dateRange(variable);
        } else {
          dateGrouping(variable);
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
      menu.getItems().add(item("Filter codes…", () -> filterCodes(variable)));
    } else if (t.isNumeric()) {
      menu.getItems().add(item("Filter a range…", () -> range(variable)));
    } else if (t == VariableType.DATE) {
      menu.getItems().add(item("Filter dates…", () -> dateRange(variable)));
    }
    if (current != null && current != Zone.FILTERS) {
      if (t.isNumeric()) {
        menu.getItems().add(item("Band…", () -> bands(variable)));
      }
      if (t == VariableType.CATEGORICAL || t == VariableType.INTEGER) {
        menu.getItems().add(item("Group codes…", () -> groups(variable)));
      }
      if (t == VariableType.DATE) {
        menu.getItems().add(item("Date grouping…", () -> dateGrouping(variable)));
      }
      if (t == VariableType.CATEGORICAL) {
        menu.getItems().add(item("Roll up to…", () -> rollUp(variable)));
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

  private <R> Dialog<R> dialog(String title, String header) {
    Dialog<R> d = new Dialog<>();
    d.initOwner(owner.get());
    d.setTitle(title);
    d.setHeaderText(header);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResizable(true);
    if (owner.get() != null && owner.get().getScene() != null) {
      d.getDialogPane().getStylesheets().addAll(owner.get().getScene().getStylesheets());
    }
    return d;
  }

  /** A message line for a dialog, hidden until there is something wrong. */
  private static Label errorLabel(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("error-text");
    l.setWrapText(true);
    l.setPrefWidth(360);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setVisible(false);
    l.setManaged(false);
    return l;
  }

  private static void showError(Label error, String text) {
    error.setText(text);
    error.setVisible(true);
    error.setManaged(true);
    // Grow the dialog so the whole message shows (a dialog keeps its first size otherwise).
    if (error.getScene() != null && error.getScene().getWindow() != null) {
      error.getScene().getWindow().sizeToScene();
    }
  }

  /**
   * Keeps the dialog open with the message when {@code check} finds the input wrong, so that bad
   * input never reaches the table and nothing typed is lost.
   */
  private static void validateOnOk(Dialog<?> d, Label error, Supplier<String> check) {
    Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    ok.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          String problem = check.get();
          if (problem != null) {
            showError(error, problem);
            e.consume();
          }
        });
  }

  private static String problem(Runnable parse) {
    try {
      parse.run();
      return null;
    } catch (InputException e) {
      return e.getMessage();
    }
  }

  /** The codelist with checkboxes: checked codes are kept. */
  void filterCodes(String variable) {
    List<Code> codes = new ArrayList<>(model.codes(variable));
    VariableInfo info = model.variable(variable).orElse(null);
    if (info != null && info.missing() > 0) {
      codes.add(new Code(Category.MISSING, "Missing", info.missing()));
    }
    Set<String> kept = new LinkedHashSet<>();
    Filter f = model.filter(variable);
    if (f instanceof CodeFilter cf && !cf.exclude()) {
      kept.addAll(cf.codes());
    } else {
      codes.forEach(c -> kept.add(c.code()));
      if (f instanceof CodeFilter cf) {
        kept.removeAll(cf.codes());
      }
    }
    List<CheckBox> boxes = new ArrayList<>();
    for (Code c : codes) {
      String text =
          (c.label().equals(c.code()) ? c.code() : c.code() + "  " + c.label())
              + "   ("
              + DatasetsViewModel.formatCount(c.count())
              + ")";
      CheckBox b = new CheckBox(text);
      b.setId("code-" + c.code());
      b.setUserData(c.code());
      b.setSelected(kept.contains(c.code()));
      boxes.add(b);
    }
    ListView<CheckBox> list = new ListView<>();
    list.setId("codeFilterList");
    list.getItems().setAll(boxes);
    list.setPrefHeight(Math.min(420, 28 * boxes.size() + 10));
    Button all = new Button("All");
    all.setOnAction(e -> boxes.forEach(b -> b.setSelected(true)));
    Button none = new Button("None");
    none.setOnAction(e -> boxes.forEach(b -> b.setSelected(false)));
    all.setId("codeFilterAll");
    none.setId("codeFilterNone");
    Label error = errorLabel("codeFilterError");
    Dialog<ButtonType> d =
        dialog("Filter " + variable, "Keep records whose " + variable + " is checked");
    d.getDialogPane().setContent(new VBox(6, list, new HBox(6, all, none), error));
    d.getDialogPane().setId("codeFilterDialog");
    validateOnOk(
        d,
        error,
        () ->
            boxes.stream().anyMatch(CheckBox::isSelected)
                ? null
                : "Tick at least one code (a filter that keeps nothing would empty the table).");
    d.setResultConverter(b -> b);
    d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(
            b -> {
              Set<String> keep = new LinkedHashSet<>();
              boxes.stream()
                  .filter(CheckBox::isSelected)
                  .forEach(x -> keep.add((String) x.getUserData()));
              model.setCodeFilter(variable, keep);
            });
  }

  /**
   * Bands from text, with helpers that write the text from cut points, equal widths or quantiles of
   * the values.
   */
  void bands(String variable) {
    Derivation current = model.derivation(variable);
    TextField text = new TextField(current instanceof Bands b ? b.format() : "");
    text.setId("bandsText");
    text.setPromptText("e.g. 16-24,25-49,50+");
    Label error = errorLabel("bandsError");
    error.setPrefWidth(520);
    TextField cuts = new TextField();
    cuts.setId("bandsCuts");
    cuts.setPromptText("e.g. 25,50,65");
    Button fromCuts = new Button("Bands from cut points");
    fromCuts.setId("bandsFromCuts");
    fromCuts.setOnAction(
        e -> {
          try {
            text.setText(model.bandsFromCutPoints(variable, cuts.getText()).format());
            error.setVisible(false);
            error.setManaged(false);
          } catch (InputException ex) {
            showError(error, ex.getMessage());
          }
        });
    TextField lo = new TextField();
    lo.setId("bandsFrom");
    lo.setPrefColumnCount(6);
    TextField hi = new TextField();
    hi.setId("bandsTo");
    hi.setPrefColumnCount(6);
    Spinner<Integer> n = new Spinner<>(2, 50, 5);
    n.setId("bandsCount");
    n.setEditable(true);
    n.setPrefWidth(80);
    Button equal = new Button("Equal width");
    equal.setId("bandsEqualWidth");
    equal.setOnAction(
        e -> {
          try {
            text.setText(ChipInput.equalWidth(lo.getText(), hi.getText(), n.getValue()).format());
            error.setVisible(false);
            error.setManaged(false);
          } catch (InputException ex) {
            showError(error, ex.getMessage());
          }
        });
    Button quantile = new Button("Quantiles");
    quantile.setId("bandsQuantiles");
    quantile.setOnAction(
        e ->
            model.loadValues(
                variable,
                values -> {
                  if (values.length > 0) {
                    text.setText(Bands.quantiles(values, n.getValue()).format());
                  } else {
                    showError(error, variable + " has no values to cut into quantiles");
                  }
                }));
    model.loadValues(
        variable,
        values -> {
          if (values.length > 0 && lo.getText().isEmpty()) {
            List<String> range = ChipInput.valueRange(values);
            lo.setText(range.get(0));
            hi.setText(range.get(1));
          }
        });
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(8);
    g.addRow(0, new Label("Bands"), text);
    GridPane.setColumnSpan(text, 5);
    GridPane.setHgrow(text, Priority.ALWAYS);
    g.add(new Label("Cut points"), 0, 1);
    g.add(cuts, 1, 1, 3, 1);
    g.add(fromCuts, 4, 1);
    g.addRow(2, new Label("From"), lo, new Label("to"), hi);
    g.addRow(3, new Label("Bands"), n, equal, quantile);
    // Labels and buttons keep their text; the text fields give way.
    for (javafx.scene.Node node : g.getChildren()) {
      if (node instanceof javafx.scene.control.Labeled l) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
    }
    Label help =
        new Label(
            "LO-HI includes both ends; LO+ is LO and above; -HI is HI and below; LO-<HI is LO"
                + " up to but not including HI; where two bands touch, the shared value goes to"
                + " the first. Values in no band form 'Other'. Empty text removes the bands.");
    help.setWrapText(true);
    help.setPrefWidth(520);
    help.getStyleClass().add("muted");
    Dialog<ButtonType> d = dialog("Band " + variable, "Band " + variable + " into ranges");
    d.getDialogPane().setContent(new VBox(10, g, error, help));
    d.getDialogPane().setPrefWidth(560);
    d.getDialogPane().setId("bandDialog");
    validateOnOk(
        d,
        error,
        () -> text.getText().isBlank() ? null : problem(() -> model.parseBands(text.getText())));
    d.setResultConverter(b -> b);
    d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(
            b -> {
              if (text.getText().isBlank()) {
                model.setDerivation(variable, null);
              } else {
                model.setBands(variable, text.getText());
              }
            });
  }

  /** Code groups: pick codes, name the group, add; the text lists every group. */
  void groups(String variable) {
    Derivation current = model.derivation(variable);
    TextArea text = new TextArea();
    text.setId("groupsText");
    text.setPrefRowCount(6);
    if (current instanceof CodeGroups cg) {
      StringBuilder sb = new StringBuilder();
      for (CodeGroup g : cg.groups()) {
        sb.append(g.name()).append('=').append(String.join(",", g.codes())).append('\n');
      }
      text.setText(sb.toString());
    }
    ListView<String> codes = new ListView<>();
    codes
        .getItems()
        .setAll(
            model.codes(variable).stream()
                .map(c -> c.code().equals(c.label()) ? c.code() : c.code() + " — " + c.label())
                .toList());
    codes.setId("groupCodes");
    codes.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    codes.setPrefHeight(220);
    TextField name = new TextField();
    name.setId("groupName");
    name.setPromptText("group name");
    Label error = errorLabel("groupsError");
    Button add = new Button("Add group of selected codes");
    add.setId("groupAdd");
    add.setOnAction(
        e -> {
          List<String> picked =
              codes.getSelectionModel().getSelectedItems().stream()
                  .map(s -> s.contains(" — ") ? s.substring(0, s.indexOf(" — ")) : s)
                  .toList();
          if (picked.isEmpty()) {
            showError(error, "Select the codes to merge in the list first (Ctrl+click for more)");
          } else if (name.getText().isBlank()) {
            showError(error, "Give the group a name");
            name.requestFocus();
          } else {
            String line = name.getText().strip() + "=" + String.join(",", picked);
            String problem =
                problem(() -> model.parseGroups(variable, text.getText() + "\n" + line));
            if (problem != null) {
              showError(error, problem);
              return;
            }
            if (!text.getText().isEmpty() && !text.getText().endsWith("\n")) {
              text.appendText("\n");
            }
            text.appendText(line + "\n");
            name.clear();
            codes.getSelectionModel().clearSelection();
            error.setVisible(false);
            error.setManaged(false);
          }
        });
    Label help =
        new Label("One group per line: NAME=code,code,… Codes in no group stay as they are.");
    help.getStyleClass().add("muted");
    help.setWrapText(true);
    help.setPrefWidth(360);
    Dialog<ButtonType> d =
        dialog("Group " + variable, "Merge codes of " + variable + " into groups");
    d.getDialogPane().setContent(new VBox(8, codes, new HBox(6, name, add), text, error, help));
    d.getDialogPane().setId("groupDialog");
    validateOnOk(d, error, () -> problem(() -> model.parseGroups(variable, text.getText())));
    d.setResultConverter(b -> b);
    d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(b -> model.setGroups(variable, text.getText()));
  }

  /** Month, quarter, financial year, year, or each date. */
  void dateGrouping(String variable) {
    List<String> choices = new ArrayList<>();
    choices.add("Each date");
    for (DateUnit u : DateUnit.values()) {
      choices.add(unitText(u));
    }
    Derivation current = model.derivation(variable);
    String selected = current instanceof DateGrouping g ? unitText(g.unit()) : "Each date";
    ChoiceDialog<String> d = new ChoiceDialog<>(selected, choices);
    d.initOwner(owner.get());
    d.setTitle("Date grouping");
    d.setHeaderText("Group " + variable + " by");
    d.getDialogPane().setId("dateGroupingDialog");
    d.showAndWait()
        .ifPresent(
            s -> {
              DateUnit unit = null;
              for (DateUnit u : DateUnit.values()) {
                if (unitText(u).equals(s)) {
                  unit = u;
                }
              }
              model.setDateGrouping(variable, unit);
            });
  }

  private static String unitText(DateUnit u) {
    return switch (u) {
      case MONTH -> "Month";
      case QUARTER -> "Quarter";
      case FINANCIAL_YEAR -> "Financial year (April-March)";
      case YEAR -> "Calendar year";
    };
  }

  /** Rolls a category up to another variable's values (e.g. local authority to region). */
  /** How many parent levels the generic roll-up dialog offers (e.g. la, region, country). */
  static final int ROLL_UP_LEVELS = 3;

  /**
   * Rolls a dimension up through parent variables chosen level by level (nearest first), for
   * datasets whose hierarchy no join recorded; "(none)" ends the chain.
   */
  void rollUp(String variable) {
    List<String> choices = new ArrayList<>();
    choices.add(ChipInput.NO_LEVEL);
    choices.addAll(model.rollUpCandidates(variable));
    List<String> current =
        model.derivation(variable) instanceof RollUp r && r.parentVariables() != null
            ? r.parentVariables()
            : List.of();
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    g.setPadding(new Insets(4));
    List<ChoiceBox<String>> levels = new ArrayList<>();
    for (int i = 0; i < ROLL_UP_LEVELS; i++) {
      ChoiceBox<String> level = new ChoiceBox<>();
      level.getItems().setAll(choices);
      level.setValue(i < current.size() ? current.get(i) : ChipInput.NO_LEVEL);
      level.setId("rollUpLevel" + (i + 1));
      levels.add(level);
      g.addRow(i, new Label(i == 0 ? "Parent" : "then its parent"), level);
    }
    Label error = errorLabel("rollUpError");
    g.add(error, 0, ROLL_UP_LEVELS, 2, 1);
    Dialog<ButtonType> d = dialog("Roll up " + variable, "Show " + variable + " under its parents");
    d.getDialogPane().setContent(g);
    d.getDialogPane().setId("rollUpDialog");
    validateOnOk(d, error, () -> problem(() -> ChipInput.rollUpChain(values(levels))));
    d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(b -> model.setRollUp(variable, ChipInput.rollUpChain(values(levels))));
  }

  private static List<String> values(List<ChoiceBox<String>> levels) {
    return levels.stream().map(ChoiceBox::getValue).toList();
  }

  /** A numeric range filter. */
  void range(String variable) {
    Filter f = model.filter(variable);
    TextField lo = new TextField();
    TextField hi = new TextField();
    if (f instanceof RangeFilter r) {
      lo.setText(Double.isInfinite(r.lo()) ? "" : NumericColumn.formatNumber(r.lo()));
      hi.setText(Double.isInfinite(r.hi()) ? "" : NumericColumn.formatNumber(r.hi()));
    }
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    g.setPadding(new Insets(4));
    lo.setId("rangeFrom");
    hi.setId("rangeTo");
    g.addRow(0, new Label("From (empty: no lower limit)"), lo);
    g.addRow(1, new Label("To (empty: no upper limit)"), hi);
    Label error = errorLabel("rangeError");
    g.add(error, 0, 2, 2, 1);
    Dialog<ButtonType> d =
        dialog("Filter " + variable, "Keep records with " + variable + " in a range");
    d.getDialogPane().setContent(g);
    d.getDialogPane().setId("rangeDialog");
    validateOnOk(d, error, () -> ChipInput.rangeProblem(lo.getText(), hi.getText()));
    d.setResultConverter(b -> b);
    d.showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(
            b ->
                model.setRange(
                    variable, ChipInput.number(lo.getText()), ChipInput.number(hi.getText())));
  }

  /** A date range filter. */
  void dateRange(String variable) {
    Filter f = model.filter(variable);
    DatePicker from = new DatePicker(f instanceof DateRangeFilter r ? r.from() : null);
    DatePicker to = new DatePicker(f instanceof DateRangeFilter r ? r.to() : null);
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    g.addRow(0, new Label("From"), from);
    g.addRow(1, new Label("To"), to);
    Dialog<ButtonType> d =
        dialog("Filter " + variable, "Keep records with " + variable + " in a period");
    d.getDialogPane().setContent(g);
    d.setResultConverter(b -> b);
    Optional<ButtonType> r = d.showAndWait();
    if (r.isPresent() && r.get() == ButtonType.OK) {
      model.setDateRange(variable, from.getValue(), to.getValue());
    }
  }
}
